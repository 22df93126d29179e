package io.liveload.core.liveview.render;

import java.util.Set;
import java.util.function.IntFunction;

/**
 * Collects the components a rendered tree refers to, following the same paths as
 * {@link TreeRenderer} but writing no HTML. Stream items rendered to HTML when they arrived are
 * not followed: only items kept with their entry can contain components.
 */
final class ComponentWalker {

    private final IntFunction<TreeNode> components;
    private final StreamStore streams;
    private final Set<Integer> found;

    ComponentWalker(IntFunction<TreeNode> components, StreamStore streams, Set<Integer> found) {
        this.components = components;
        this.streams = streams;
        this.found = found;
    }

    void walk(TreeNode node) {
        for (Object dynamic : node.dynamics) {
            if (dynamic instanceof TreeNode nested) {
                walk(nested);
            } else if (dynamic instanceof Comprehension comprehension) {
                walk(comprehension);
            } else if (dynamic instanceof Integer cid) {
                walkComponent(cid);
            }
        }
    }

    private void walk(Comprehension comprehension) {
        if (comprehension.streamKey == null) {
            for (TreeNode entry : comprehension.entries) {
                walk(entry);
            }
            return;
        }
        for (StreamItem item : streams.items(comprehension.streamKey)) {
            if (item.liveEntry() != null) {
                walk(item.liveEntry());
            }
        }
    }

    /** Follows a component once; the set of found ids also stops a component that refers to itself. */
    private void walkComponent(int cid) {
        if (!found.add(cid)) {
            return;
        }
        TreeNode component = components.apply(cid);
        if (component != null) {
            walk(component);
        }
    }
}
