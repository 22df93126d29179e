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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a LiveView page without a websocket: mount, handle_params and render, then the signed
 * session and static tokens the client sends back when it joins.
 *
 * <p>A view's dead render depends only on its route, URL, user and flash, so the HTML of pages
 * without a flash is kept as UTF-8 bytes and reused. Nested views are left as gaps in the kept
 * bytes and rendered for each request, because their container names the parent's random id and
 * carries a fresh static token. The cache is cleared when it contains
 * {@value #MAX_CACHED_PAGES} pages. Thread-safe.
 */
final class DeadRenderer {
    static final int MAX_CACHED_PAGES = 512;
    private static final String NESTED_MARK = "\u0000nested\u0000";

    private final Router router;
    private final Tokens tokens;
    private final Map<String, Content> cache = new ConcurrentHashMap<>();

    DeadRenderer(Router router, Tokens tokens) {
        this.router = router;
        this.tokens = tokens;
    }

    /** The result of a dead render: a page or a redirect. */
    sealed interface Outcome permits Page, Redirect {
    }

    /**
     * A rendered view: the inner HTML of its container as UTF-8 chunks to be written in order, and
     * the container's tokens. The chunks are shared; callers must not change them.
     */
    record Page(List<byte[]> content, String sessionToken, String staticToken) implements Outcome {
        /** Returns the total size of the content in bytes. */
        int contentLength() {
            int length = 0;
            for (byte[] chunk : content) {
                length += chunk.length;
            }
            return length;
        }
    }

    /** The view sent the client elsewhere during mount or handle_params. */
    record Redirect(String to) implements Outcome {
    }

    /** A nested view the parent renders with {@code live_render}. */
    private record Nested(String childId, String view, Map<String, String> session) {
    }

    /**
     * The kept HTML of a view: fixed UTF-8 parts with one nested view between each pair, and the
     * flash the view showed.
     */
    private record Content(List<byte[]> parts, List<Nested> nested, Map<String, String> flash) {
    }

    /**
     * Renders the routed view.
     *
     * @param pathWithQuery the request's path and query, passed to handle_params as the URL
     */
    Outcome render(String viewId, LiveRoute route, String pathWithQuery, String user, Map<String, String> flash) {
        String key = flash.isEmpty() ? route.view() + '\n' + pathWithQuery + '\n' + user : null;
        Content content = key == null ? null : cache.get(key);
        if (content == null) {
            Object rendered = renderView(route, pathWithQuery, user, flash);
            if (rendered instanceof Redirect redirect) {
                return redirect;
            }
            content = (Content) rendered;
            if (key != null && content.flash().isEmpty()) {
                if (cache.size() >= MAX_CACHED_PAGES) {
                    cache.clear();
                }
                cache.put(key, content);
            }
        }

        String sessionToken = tokens.signView(viewId, route.view(), route.liveSession(), null, Map.of());
        String staticToken = tokens.signStatic(viewId, content.flash());
        return new Page(assemble(content, viewId, user), sessionToken, staticToken);
    }

    private Object renderView(LiveRoute route, String pathWithQuery, String user, Map<String, String> flash) {
        LiveView view = router.newView(route.view());
        List<Nested> nested = new ArrayList<>(1);
        DeadRenderContext context = new DeadRenderContext((childId, childView, childSession) -> {
            nested.add(new Nested(childId, childView, Map.copyOf(childSession)));
            return NESTED_MARK;
        }, null, user, Map.of());
        view.flash().restore(flash);
        view.mount(context);
        if (context.redirectTo() == null) {
            Map<String, String> params = PageUrl.parse(pathWithQuery).map(url -> url.paramsWith(route)).orElse(route.pathParams());
            view.handleParams(params, pathWithQuery, context);
        }
        if (context.redirectTo() != null) {
            return new Redirect(context.redirectTo());
        }

        List<byte[]> parts = new ArrayList<>(nested.size() + 1);
        for (String part : html(view).split(NESTED_MARK, -1)) {
            parts.add(part.getBytes(StandardCharsets.UTF_8));
        }
        if (parts.size() != nested.size() + 1) {
            throw new IllegalStateException(route.view() + " rendered " + (parts.size() - 1) + " nested views, expected " + nested.size());
        }
        return new Content(List.copyOf(parts), nested, view.flash().asMap());
    }

    private List<byte[]> assemble(Content content, String parentId, String user) {
        if (content.nested().isEmpty()) {
            return content.parts();
        }
        List<byte[]> chunks = new ArrayList<>(content.parts().size() * 2);
        for (int i = 0; i < content.nested().size(); i++) {
            chunks.add(content.parts().get(i));
            Nested nested = content.nested().get(i);
            chunks.add(renderNested(parentId, nested.childId(), nested.view(), user, nested.session())
                    .getBytes(StandardCharsets.UTF_8));
        }
        chunks.add(content.parts().get(content.parts().size() - 1));
        return chunks;
    }

    /** Renders a nested view's container for the dead render: the child's HTML inside, an empty session token. */
    private String renderNested(String parentId, String childId, String childView, String user, Map<String, String> childSession) {
        LiveView child = router.newView(childView);
        child.mount(new DeadRenderContext((id, view, session) -> {
            throw new IllegalStateException("Nested views inside nested views are not supported");
        }, childId, user, childSession));
        return "<div" + Html.attribute("id", childId)
                + Html.attribute("data-phx-session", "")
                + Html.attribute("data-phx-static", tokens.signStatic(childId, child.flash().asMap()))
                + Html.attribute("data-phx-parent-id", parentId)
                + ">" + html(child) + "</div>";
    }

    private static String html(LiveView view) {
        Rendered tree = view.render();
        Map<Integer, LiveComponent> components = view.components();
        StringBuilder out = new StringBuilder(1024);
        HtmlWriter.write(tree, cid -> components.get(cid).render(), out);
        return out.toString();
    }
}
