package io.liveload.demo.internal.web;

import io.liveload.demo.internal.live.LiveComponent;
import io.liveload.demo.internal.live.LiveRoute;
import io.liveload.demo.internal.live.LiveView;
import io.liveload.demo.internal.live.PageUrl;
import io.liveload.demo.internal.live.Router;
import io.liveload.demo.internal.render.Html;
import io.liveload.demo.internal.render.HtmlWriter;
import io.liveload.demo.internal.render.Rendered;
import io.liveload.demo.internal.security.Tokens;
import java.util.Map;

/**
 * Renders a LiveView page without a websocket: mount, handle_params and render, then the signed
 * session and static tokens the client sends back when it joins. Thread-safe.
 */
final class DeadRenderer {
    private final Router router;
    private final Tokens tokens;

    DeadRenderer(Router router, Tokens tokens) {
        this.router = router;
        this.tokens = tokens;
    }

    /** What a dead render produced: a page or a redirect. */
    sealed interface Outcome permits Page, Redirect {
    }

    /** A rendered view: the inner HTML of its container and the container's tokens. */
    record Page(String content, String sessionToken, String staticToken) implements Outcome {
    }

    /** The view sent the client elsewhere during mount or handle_params. */
    record Redirect(String to) implements Outcome {
    }

    /**
     * Renders the routed view.
     *
     * @param pathWithQuery the request's path and query, passed to handle_params as the URL
     */
    Outcome render(String viewId, LiveRoute route, String pathWithQuery, String user, Map<String, String> flash) {
        LiveView view = router.newView(route.view());
        DeadRenderContext context = new DeadRenderContext(this, viewId, user, Map.of());
        view.flash().restore(flash);
        view.mount(context);
        if (context.redirectTo() == null) {
            Map<String, String> params = PageUrl.parse(pathWithQuery).map(url -> url.paramsWith(route)).orElse(route.pathParams());
            view.handleParams(params, pathWithQuery, context);
        }
        if (context.redirectTo() != null) {
            return new Redirect(context.redirectTo());
        }
        String content = html(view);
        String sessionToken = tokens.signView(viewId, route.view(), route.liveSession(), null, Map.of());
        String staticToken = tokens.signStatic(viewId, view.flash().asMap());
        return new Page(content, sessionToken, staticToken);
    }

    /** Renders a nested view's container for the dead render: the child's HTML inside, an empty session token. */
    String renderNested(String parentId, String childId, String childView, String user, Map<String, String> childSession) {
        LiveView child = router.newView(childView);
        child.mount(new DeadRenderContext(this, childId, user, childSession));
        return "<div" + Html.attribute("id", childId)
                + Html.attribute("data-phx-session", "")
                + Html.attribute("data-phx-static", tokens.signStatic(childId, child.flash().asMap()))
                + Html.attribute("data-phx-parent-id", parentId)
                + ">" + html(child) + "</div>";
    }

    private static String html(LiveView view) {
        Rendered tree = view.render();
        Map<Integer, LiveComponent> components = view.components();
        StringBuilder out = new StringBuilder(8192);
        HtmlWriter.write(tree, cid -> components.get(cid).render(), out);
        return out.toString();
    }
}
