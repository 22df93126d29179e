package io.liveload.core.liveview.render;

/**
 * A rendered node whose statics are resolved: statics interleaved with dynamics. Comprehension
 * entries are tree nodes too, sharing the statics of their comprehension.
 *
 * <p>Each dynamic is a {@link String} (HTML, inserted verbatim), an {@link Integer} (the id of a
 * component rendered in its place), a {@code TreeNode} or a {@link Comprehension}.
 *
 * <p>Instances are immutable: the arrays are never written after construction, so a merge builds
 * new nodes along the changed paths and shares every unchanged subtree with the previous tree.
 * That lets a view keep its old tree intact until a whole message has merged, and lets components
 * that borrow another component's statics share its subtrees instead of deep-copying them.
 */
final class TreeNode {

    static final Object[] NO_DYNAMICS = {};

    /** The literal HTML parts; never empty, always one longer than {@link #dynamics}. */
    final String[] statics;

    final Object[] dynamics;

    TreeNode(String[] statics, Object[] dynamics) {
        this.statics = statics;
        this.dynamics = dynamics;
    }
}
