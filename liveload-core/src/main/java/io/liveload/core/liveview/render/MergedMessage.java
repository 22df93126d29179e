package io.liveload.core.liveview.render;

import java.util.List;
import java.util.Map;

/**
 * A message merged against a view's state but not yet applied to it.
 *
 * @param root the new root tree ({@code ==} the old one when the message did not change it)
 * @param components the components this message created or changed, to store over the old ones
 * @param streamUpdates the stream operations with their rendered entries, in message order
 * @param declaresRetainedDom whether new statics may declare {@code phx-update} elements whose DOM
 *     the browser keeps, which must be captured by rendering this message
 * @param result the events, hook reply and title for the caller
 */
record MergedMessage(
        TreeNode root,
        Map<Integer, TreeNode> components,
        List<StreamUpdate> streamUpdates,
        boolean declaresRetainedDom,
        MergeResult result) {

    /**
     * One stream operation with the rendered items of its entries.
     *
     * @param itemsWithoutId the entries dropped because their element has no id, as the browser
     *     client drops them
     */
    record StreamUpdate(StreamOperation operation, List<StreamItem> items, int itemsWithoutId) {
    }

    int itemsWithoutId() {
        int count = 0;
        for (StreamUpdate update : streamUpdates) {
            count += update.itemsWithoutId();
        }
        return count;
    }

    boolean changesRendering(TreeNode previousRoot) {
        return root != previousRoot || !components.isEmpty() || !streamUpdates.isEmpty();
    }
}
