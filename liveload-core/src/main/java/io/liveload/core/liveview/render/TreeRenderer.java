package io.liveload.core.liveview.render;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Writes a rendered tree as HTML: statics interleaved with dynamics, components in place of their
 * ids, and each stream comprehension's items from the {@link StreamStore}. One instance serves
 * one render pass and records what that pass reached.
 */
final class TreeRenderer {

    private final IntFunction<TreeNode> components;
    private final StreamStore streams;
    private final Set<Integer> renderedComponents = new HashSet<>();
    private final Set<Integer> componentsInProgress = new HashSet<>();
    private final Set<String> renderedStreamKeys = new HashSet<>();
    private boolean reachedChangingContent;

    /**
     * @param components returns the component tree for a cid, or null when the cid is unknown
     * @param streams the stream items to write for stream comprehensions
     */
    TreeRenderer(IntFunction<TreeNode> components, StreamStore streams) {
        this.components = components;
        this.streams = streams;
    }

    /** Returns the cids of the components this pass rendered. */
    Set<Integer> renderedComponents() {
        return renderedComponents;
    }

    /** Returns the keys of the stream comprehensions this pass rendered. */
    Set<String> renderedStreamKeys() {
        return renderedStreamKeys;
    }

    /**
     * Renders one stream entry and reports whether it reached a component or a nested stream,
     * whose content can change after the entry arrived.
     */
    boolean renderEntry(TreeNode entry, StringBuilder out) {
        reachedChangingContent = false;
        render(entry, out);
        return reachedChangingContent;
    }

    void render(TreeNode node, StringBuilder out) {
        String[] statics = node.statics;
        Object[] dynamics = node.dynamics;
        out.append(statics[0]);
        for (int i = 0; i < dynamics.length; i++) {
            renderDynamic(dynamics[i], out);
            out.append(statics[i + 1]);
        }
    }

    private void renderDynamic(Object dynamic, StringBuilder out) {
        if (dynamic instanceof String text) {
            out.append(text);
        } else if (dynamic instanceof TreeNode node) {
            render(node, out);
        } else if (dynamic instanceof Comprehension comprehension) {
            renderComprehension(comprehension, out);
        } else {
            renderComponent((Integer) dynamic, out);
        }
    }

    private void renderComprehension(Comprehension comprehension, StringBuilder out) {
        if (comprehension.streamKey == null) {
            for (TreeNode entry : comprehension.entries) {
                render(entry, out);
            }
            return;
        }
        reachedChangingContent = true;
        renderedStreamKeys.add(comprehension.streamKey);
        for (StreamItem item : streams.items(comprehension.streamKey)) {
            if (item.liveEntry() != null) {
                render(item.liveEntry(), out);
            } else {
                out.append(item.html());
            }
        }
    }

    /**
     * Renders a component and tags its first element start tag with {@code data-phx-component}, as
     * the browser client does; {@code phx-target} selectors resolve to a cid through that attribute.
     */
    private void renderComponent(int cid, StringBuilder out) {
        reachedChangingContent = true;
        TreeNode component = components.apply(cid);
        if (component == null) {
            throw new RenderException("Component " + cid + " is rendered but not in the component map", "/c/" + cid);
        }
        if (!componentsInProgress.add(cid)) {
            throw new RenderException("Component " + cid + " renders itself", "/c/" + cid);
        }
        int start = out.length();
        render(component, out);
        componentsInProgress.remove(cid);
        renderedComponents.add(cid);

        int insertAt = StartTags.afterFirstTagName(out, start);
        if (insertAt < 0) {
            throw new RenderException("Component " + cid + " must render an HTML element first, but it rendered: "
                    + abbreviate(out.substring(start)), "/c/" + cid);
        }
        out.insert(insertAt, " data-phx-component=\"" + cid + "\"");
    }

    private static String abbreviate(String html) {
        return html.length() <= 80 ? html : html.substring(0, 80) + "...";
    }
}
