package io.liveload.demo.internal.views;

import io.liveload.demo.internal.live.Changes;
import io.liveload.demo.internal.live.LiveView;
import io.liveload.demo.internal.live.ViewContext;
import io.liveload.demo.internal.render.Rendered;
import io.liveload.demo.internal.render.Template;

/** The second page of the public live_session ({@code /other}): the user and a navigate link back to the counter. */
final class OtherView extends LiveView {
    private static final Template CONTENT = Template.fragment(
            "<h1>Other LiveView</h1>\n<p>User: <span id=\"user\">", "</span></p>\n<p>", "</p>");
    private static final Template BACK_LABEL = Layout.label("Back to the counter (live_redirect)");

    private enum Field { USER }

    private final Changes<Field> changes = Changes.of(Field.class);
    private String user = "anonymous";

    @Override
    public void mount(ViewContext context) {
        if (context.user() != null) {
            user = context.user();
        }
        pageTitle("Other");
    }

    @Override
    public Rendered render() {
        Rendered content = Rendered.of(CONTENT)
                .text(user, changes.has(Field.USER))
                .node(Layout.navigateLink("/counter", "back-link", BACK_LABEL, false), false)
                .build();
        return Layout.page(flash(), content);
    }

    @Override
    public Changes<?> changes() {
        return changes;
    }
}
