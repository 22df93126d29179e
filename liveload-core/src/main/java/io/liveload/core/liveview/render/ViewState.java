package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.liveview.render.MergedMessage.StreamUpdate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-side state of one joined LiveView: its rendered tree, its components and its stream
 * items, merged from the join reply and every later diff, and its HTML rendered on demand as the
 * browser client shows it.
 *
 * <p>Rendering is lazy. {@link #join} and {@link #merge} only merge; the HTML is rendered by the
 * first {@link #html()} (or {@link #element()}) after a change and cached until the next change,
 * so a view that receives many diffs and is rarely read renders rarely. The one exception: a
 * message whose new statics declare an element with {@code phx-update="ignore"}, {@code "append"}
 * or {@code "prepend"} is rendered as it is merged, and so is every message while an append or
 * prepend container is on the page, because the browser keeps DOM content for those elements that
 * later renders alone cannot restore.
 *
 * <p>Errors: a malformed message makes {@link #join} or {@link #merge} throw {@link RenderException}
 * and leaves this state exactly as it was before the call. The server assumes the message was
 * applied, so later diffs apply to a state that lacks the rejected changes. A client should treat
 * the view as out of sync, as the browser client fails too, and may join again to start from
 * scratch.
 *
 * <p>Not thread-safe: confine each instance to one thread, such as the virtual user that owns it.
 */
public final class ViewState {

    private static final Logger LOG = LoggerFactory.getLogger(ViewState.class);

    private final String id;
    private final Map<Integer, TreeNode> components = new HashMap<>();
    private final StreamStore streams = new StreamStore();
    private final RetainedDom retainedDom = new RetainedDom();
    private TreeNode root;
    private String title;

    private String html;
    private Element element;
    private Set<Integer> renderedComponentIds = Set.of();
    private int lastHtmlLength = 1024;
    private int renderCount;
    private long droppedStreamItems;

    /**
     * @param id the view id, which is the id of its container element and the topic suffix
     *     ({@code "lv:" + id})
     */
    public ViewState(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("View id must not be blank: \"" + id + "\"");
        }
        this.id = id;
    }

    /** Returns the view id, which is also its container's id. */
    public String id() {
        return id;
    }

    /**
     * Applies the {@code rendered} tree of a join reply. A join (first or re-join) starts from
     * scratch: the previous tree, components, stream items and kept {@code phx-update} content
     * are dropped. The title stays until the message sets a new one.
     *
     * @param rendered the {@code response.rendered} object of the join reply; read, never modified
     * @return the events, hook reply and title the tree carried
     * @throws RenderException when the tree is malformed; this state is then unchanged
     */
    public MergeResult join(ObjectNode rendered) {
        Objects.requireNonNull(rendered, "rendered");
        MergedMessage merged = MessageMerger.merge(rendered, null, Map.of(), new StreamStore());

        components.clear();
        streams.clear();
        retainedDom.clear();
        root = null;
        apply(merged);
        return merged.result();
    }

    /**
     * Merges a diff: the {@code diff} of an event or live_patch reply, or the payload of a
     * {@code "diff"} push.
     *
     * @param diff the diff object; read, never modified
     * @return the events, hook reply and title the diff carried
     * @throws RenderException when the diff is malformed; this state is then unchanged
     * @throws IllegalStateException before the first {@link #join}
     */
    public MergeResult merge(ObjectNode diff) {
        Objects.requireNonNull(diff, "diff");
        requireJoined();
        MergedMessage merged = MessageMerger.merge(diff, root, components, streams);
        apply(merged);
        return merged.result();
    }

    private void apply(MergedMessage merged) {
        boolean changed = merged.changesRendering(root);
        root = merged.root();
        components.putAll(merged.components());
        for (StreamUpdate update : merged.streamUpdates()) {
            streams.apply(update.operation(), update.items());
        }
        if (merged.result().title() != null) {
            title = merged.result().title();
        }
        logDroppedStreamItems(merged.itemsWithoutId());
        if (!changed) {
            return;
        }

        html = null;
        element = null;
        if (merged.declaresRetainedDom() || retainedDom.tracksAppendedChildren()) {
            renderKeepingErrorsForHtml();
        }
    }

    /**
     * Returns the view's inner HTML: the content of its container element, without the container.
     * Component root elements carry {@code data-phx-component="<cid>"}; nested child views appear as
     * their empty containers (see {@link PageComposer}).
     *
     * @throws RenderException when the tree cannot be rendered, for example after
     *     {@link #removeComponents} removed a component that is still used
     * @throws IllegalStateException before the first {@link #join}
     */
    public String html() {
        requireJoined();
        if (html == null) {
            render();
        }
        return html;
    }

    /**
     * Returns the view's HTML parsed by jsoup: a {@code <div>} standing in for the container, in a
     * document of its own, whose children are the view's content. It is parsed on first use after a
     * change and cached, so the element is shared: do not modify it ({@link Element#clone()} it first).
     */
    public Element element() {
        String current = html();
        if (element == null) {
            element = HtmlFragments.parse(current);
        }
        return element;
    }

    /** Returns the last page title a message of this view set ({@code "t"}), or null if none did. */
    public String title() {
        return title;
    }

    /** Returns the ids of the components in the component map, rendered or not. */
    public Set<Integer> componentIds() {
        return Set.copyOf(components.keySet());
    }

    /** Returns the ids of the components that {@link #html()} contains, rendering if needed. */
    public Set<Integer> renderedComponentIds() {
        html();
        return renderedComponentIds;
    }

    /**
     * Returns the ids of the components that the view's content uses: those the tree refers to,
     * directly or through other components, and those in stream items that are rendered again from
     * their entries. Walks the tree without rendering, so a client can find the components that a
     * diff removed from the page while rendering stays lazy.
     *
     * @throws IllegalStateException before the first {@link #join}
     */
    public Set<Integer> componentsInUse() {
        requireJoined();
        if (components.isEmpty()) {
            return Set.of();
        }
        Set<Integer> used = new HashSet<>();
        ComponentWalker walker = new ComponentWalker(components::get, streams, used);
        walker.walk(root);
        return used;
    }

    /**
     * Drops the rendered HTML and parsed element that {@link #html()} and {@link #element()}
     * cache, so that an idle view holds only its tree; the next call renders again. Content that
     * the browser keeps in the DOM ({@code phx-update} elements, stream items) is kept.
     */
    public void releaseRendering() {
        html = null;
        element = null;
    }

    /**
     * Removes components from the component map, as the browser client does once the server
     * confirmed {@code cids_destroyed}. A removed component that the tree still uses makes
     * {@link #html()} throw.
     */
    public void removeComponents(Collection<Integer> cids) {
        if (components.keySet().removeAll(cids)) {
            html = null;
            element = null;
        }
    }

    /**
     * Returns the cid of the component that owns {@code element}: the {@code data-phx-component}
     * value of the closest ancestor-or-self that carries one, not looking past a view container
     * ({@code data-phx-session}). Empty when the element belongs to the view itself. This is how a
     * {@code phx-target} CSS selector resolves to the cid sent with an event.
     */
    public static OptionalInt componentIdOf(Element element) {
        for (Element current = element; current != null; current = current.parent()) {
            String cid = current.attr("data-phx-component");
            if (!cid.isEmpty() && TreeMerger.dynamicIndex(cid) > 0) {
                return OptionalInt.of(TreeMerger.dynamicIndex(cid));
            }
            if (current.hasAttr("data-phx-session")) {
                break;
            }
        }
        return OptionalInt.empty();
    }

    /** Returns how many full renders this view did; for tests of laziness. */
    int renderCount() {
        return renderCount;
    }

    private void render() {
        TreeRenderer renderer = new TreeRenderer(components::get, streams);
        StringBuilder out = new StringBuilder(lastHtmlLength + 64);
        renderer.render(root, out);
        renderCount++;

        String rendered = out.toString();
        if (!retainedDom.isEmpty() || RetainedDom.mayDeclare(rendered)) {
            rendered = retainedDom.apply(rendered);
        }
        if (!streams.isEmpty()) {
            streams.retainOnly(renderer.renderedStreamKeys());
        }
        renderedComponentIds = Set.copyOf(renderer.renderedComponents());
        html = rendered;
        lastHtmlLength = rendered.length();
        element = null;
    }

    /**
     * Renders right after a merge to capture DOM state. The message itself merged fine, so a tree
     * that cannot be rendered is not this call's error: {@link #html()} reports it when asked.
     */
    private void renderKeepingErrorsForHtml() {
        try {
            render();
        } catch (RenderException e) {
            LOG.debug("View {} cannot be rendered after a merge; html() will report it: {}", id, e.getMessage());
        }
    }

    private void logDroppedStreamItems(int count) {
        if (count == 0) {
            return;
        }
        droppedStreamItems += count;
        if (droppedStreamItems == count) {
            LOG.warn("View {} dropped {} stream item(s) whose element has no id, as the browser client does;"
                    + " further drops are logged at debug level", id, count);
        } else {
            LOG.debug("View {} dropped {} stream item(s) without an id ({} in total)", id, count, droppedStreamItems);
        }
    }

    private void requireJoined() {
        if (root == null) {
            throw new IllegalStateException("View " + id + " has not joined yet: call join(rendered) first");
        }
    }
}
