package io.liveload.core.liveview.render;

/**
 * A {@code for} comprehension: statics shared by every entry plus the entries themselves.
 *
 * <p>A stream comprehension has a {@link #streamKey} and no stored entries: as in the browser
 * client, its items live outside the tree (in the view's {@link StreamStore}), and each message
 * carries only the items it inserts or updates. Immutable, like {@link TreeNode}.
 */
final class Comprehension {

    static final TreeNode[] NO_ENTRIES = {};

    /** The statics of every entry; may be empty while the comprehension has no entries. */
    final String[] statics;

    final TreeNode[] entries;

    /** The stream ref (or a path-derived key for LiveView 0.18 streams), or null for a plain loop. */
    final String streamKey;

    Comprehension(String[] statics, TreeNode[] entries, String streamKey) {
        this.statics = statics;
        this.entries = entries;
        this.streamKey = streamKey;
    }
}
