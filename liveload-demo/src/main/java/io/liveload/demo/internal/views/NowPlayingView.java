package io.liveload.demo.internal.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveload.demo.internal.live.Changes;
import io.liveload.demo.internal.live.LiveView;
import io.liveload.demo.internal.live.ViewContext;
import io.liveload.demo.internal.render.Rendered;
import io.liveload.demo.internal.render.Template;

/**
 * A nested LiveView ({@code #now-playing}) that the profile page renders with
 * {@code live_render}: the track being played and a {@code next_track} button. Its user comes
 * from the session map its parent passes; it has no layout and no route.
 */
final class NowPlayingView extends LiveView {
    static final String CHILD_ID = "now-playing";
    static final int TRACK_COUNT = 12;

    private static final Template CONTENT = Template.element(
            "<div id=\"now-playing-box\" class=\"now-playing\">\n  <span>Now playing:</span>\n  <span id=\"now-playing-title\">",
            "</span>\n  <button id=\"next-track\" phx-click=\"next_track\">Next</button>\n</div>");

    private enum Field { TRACK }

    private final Changes<Field> changes = Changes.of(Field.class);
    private String user = "anonymous";
    private int track = 1;

    @Override
    public void mount(ViewContext context) {
        user = context.session().getOrDefault("user", user);
    }

    @Override
    public void handleEvent(String event, JsonNode value, ViewContext context) {
        if (!"next_track".equals(event)) {
            super.handleEvent(event, value, context);
            return;
        }
        track = track % TRACK_COUNT + 1;
        changes.mark(Field.TRACK);
    }

    @Override
    public Rendered render() {
        return Rendered.of(CONTENT)
                .text(SongCatalog.title(user, track), changes.has(Field.TRACK))
                .build();
    }

    @Override
    public Changes<?> changes() {
        return changes;
    }
}
