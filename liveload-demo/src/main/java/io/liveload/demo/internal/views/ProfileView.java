package io.liveload.demo.internal.views;

import io.liveload.demo.internal.live.Changes;
import io.liveload.demo.internal.live.Flash;
import io.liveload.demo.internal.live.LiveView;
import io.liveload.demo.internal.live.ViewContext;
import io.liveload.demo.internal.render.Comprehension;
import io.liveload.demo.internal.render.Rendered;
import io.liveload.demo.internal.render.Template;
import java.time.Duration;
import java.util.Map;

/**
 * The profile page ({@code /:username}, logged-in users only): a songs table and the nested
 * {@link NowPlayingView}.
 *
 * <p>The dead render shows {@value #STATIC_ROWS} rows in mode "static", about 40 KB of HTML. The
 * connected mount simulates the costly work that apps defer until the websocket joins: it
 * delays the join reply by {@link #CONNECTED_MOUNT_DELAY} and renders {@value #CONNECTED_ROWS}
 * rows in mode "connected". A load test that joins therefore costs the server more than one that
 * only fetches the page.
 */
final class ProfileView extends LiveView {
    static final int STATIC_ROWS = 100;
    static final int CONNECTED_ROWS = 150;
    static final Duration CONNECTED_MOUNT_DELAY = Duration.ofMillis(20);

    private static final Template CONTENT = Template.fragment(
            "<h1 id=\"profile-title\">",
            "'s profile</h1>\n<p>Render mode: <span id=\"render-mode\">",
            "</span>, ",
            " songs</p>\n<table id=\"songs\" class=\"songs min-w-full divide-y divide-gray-200\">\n  <thead>\n"
                    + "    <tr><th>#</th><th>Title</th><th>Artist</th><th>Duration</th></tr>\n  </thead>\n"
                    + "  <tbody class=\"bg-white divide-y divide-gray-100\">\n    ",
            "\n  </tbody>\n</table>\n<p>",
            "</p>\n",
            "");
    private static final Template ROW = Template.fragment(
            "<tr id=\"song-",
            "\" class=\"song-row hover:bg-gray-50\">\n      <td class=\"song-index px-6 py-3 text-sm text-gray-500\">",
            "</td>\n      <td class=\"song-title px-6 py-3 text-sm font-medium text-gray-900\">",
            "</td>\n      <td class=\"song-artist px-6 py-3 text-sm text-gray-500\">",
            "</td>\n      <td class=\"song-duration px-6 py-3 text-sm text-gray-500\">",
            "</td>\n    </tr>");
    private static final Template SETTINGS_LABEL = Layout.label("Settings");

    private enum Field { USERNAME, SONGS, CHILD }

    private final Changes<Field> changes = Changes.of(Field.class);
    private final SongCatalog catalog;
    private String username;
    private String mode;
    private int songCount;
    private String nowPlaying;

    ProfileView(SongCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void mount(ViewContext context) {
        if (context.user() == null) {
            flash().put(Flash.ERROR, SettingsView.LOGIN_REQUIRED);
            context.redirect("/login");
            return;
        }
        if (context.connected()) {
            context.delayMount(CONNECTED_MOUNT_DELAY);
            mode = "connected";
            songCount = CONNECTED_ROWS;
        } else {
            mode = "static";
            songCount = STATIC_ROWS;
        }
    }

    @Override
    public void handleParams(Map<String, String> params, String url, ViewContext context) {
        String requested = params.get("username");
        if (requested == null || requested.equals(username)) {
            return;
        }
        username = requested;
        pageTitle(username + "'s songs");
        changes.mark(Field.USERNAME);
        changes.mark(Field.SONGS);
        changes.mark(Field.CHILD);
        nowPlaying = context.liveRender(NowPlayingView.CHILD_ID, DemoRouter.NOW_PLAYING, Map.of("user", username));
    }

    @Override
    public Rendered render() {
        boolean usernameChanged = changes.has(Field.USERNAME);
        Rendered content = Rendered.of(CONTENT)
                .text(username, usernameChanged)
                .text(mode, usernameChanged)
                .text(Integer.toString(songCount), usernameChanged)
                .list(Comprehension.of(ROW, catalog.rows(username, songCount)), changes.has(Field.SONGS))
                .node(Layout.navigateLink("/profile/settings", "settings-link", SETTINGS_LABEL, false), false)
                .html(nowPlaying, changes.has(Field.CHILD))
                .build();
        return Layout.page(flash(), content);
    }

    @Override
    public Changes<?> changes() {
        return changes;
    }
}
