package io.liveload.core.liveview.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Composes the HTML of a page's LiveViews: a parent view renders each nested child view as an
 * empty container ({@code [data-phx-session][data-phx-parent-id="<parent id>"]}), and the child's
 * own HTML goes inside it. Also lists the child views a parent rendered, for the client to join.
 *
 * <p>The static token of a child container needs the dead render: the connected render leaves
 * {@code data-phx-static} empty, and the browser client keeps the dead render's token for an
 * element with the same id. A composer is immutable and may be shared between threads, but the
 * view states passed to it stay confined to their thread, as {@link ViewState} requires.
 */
public final class PageComposer {

    private static final String SESSION = "data-phx-session";
    private static final String STATIC = "data-phx-static";
    private static final String PARENT_ID = "data-phx-parent-id";

    private final Map<String, String> deadRenderStaticTokens;

    private PageComposer(Map<String, String> deadRenderStaticTokens) {
        this.deadRenderStaticTokens = Map.copyOf(deadRenderStaticTokens);
    }

    /**
     * Returns a composer for a page whose dead render is {@code deadRender} (the document or any
     * element containing the page's LiveView containers).
     */
    public static PageComposer forDeadRender(Element deadRender) {
        Map<String, String> tokens = new HashMap<>();
        for (Element container : deadRender.getElementsByAttribute(SESSION)) {
            if (!container.id().isEmpty() && !container.attr(STATIC).isEmpty()) {
                tokens.put(container.id(), container.attr(STATIC));
            }
        }
        return new PageComposer(tokens);
    }

    /**
     * Returns the child views that {@code parent}'s HTML contains, in document order: the
     * containers whose {@code data-phx-parent-id} is the parent's id. Renders the parent if needed.
     */
    public List<ChildView> childViews(ViewState parent) {
        List<ChildView> children = new ArrayList<>();
        if (!parent.html().contains(PARENT_ID)) {
            return children;
        }
        for (Element container : childContainers(parent.element(), parent.id())) {
            String staticToken = staticToken(container);
            children.add(new ChildView(container.id(), container.attr(SESSION), staticToken.isEmpty() ? null : staticToken));
        }
        return children;
    }

    /**
     * Returns the outer HTML of {@code root} with its view's HTML inside and, recursively, each
     * child view's HTML inside the child's container. A child container without a state in
     * {@code views} stays empty, as it is in the browser until the child's join reply arrives.
     *
     * @param root the container of the root view (from the dead render, or as replaced by a join reply)
     * @param views the joined views of the page by view id; must contain {@code root}'s view
     * @throws IllegalArgumentException when {@code views} has no state for {@code root}
     */
    public String outerHtml(ViewContainer root, Map<String, ViewState> views) {
        ViewState rootView = views.get(root.id());
        if (rootView == null) {
            throw new IllegalArgumentException("No view state for the root container " + root.id()
                    + "; views: " + views.keySet());
        }
        if (!rootView.html().contains(PARENT_ID)) {
            return root.outerHtml(rootView.html());
        }
        Element content = rootView.element().clone();
        fillChildren(content, rootView.id(), views);
        return root.outerHtml(content.html());
    }

    private void fillChildren(Element content, String parentId, Map<String, ViewState> views) {
        for (Element container : childContainers(content, parentId)) {
            String staticToken = staticToken(container);
            if (!staticToken.isEmpty()) {
                container.attr(STATIC, staticToken);
            }
            ViewState child = views.get(container.id());
            if (child == null) {
                continue;
            }
            Element childContent = child.element().clone();
            fillChildren(childContent, child.id(), views);
            container.empty();
            for (Node node : new ArrayList<>(childContent.childNodes())) {
                container.appendChild(node);
            }
        }
    }

    private static List<Element> childContainers(Element content, String parentId) {
        List<Element> containers = new ArrayList<>();
        for (Element candidate : content.getElementsByAttribute(PARENT_ID)) {
            if (candidate.hasAttr(SESSION) && Objects.equals(candidate.attr(PARENT_ID), parentId) && !candidate.id().isEmpty()) {
                containers.add(candidate);
            }
        }
        return containers;
    }

    private String staticToken(Element container) {
        String rendered = container.attr(STATIC);
        return rendered.isEmpty() ? deadRenderStaticTokens.getOrDefault(container.id(), "") : rendered;
    }
}
