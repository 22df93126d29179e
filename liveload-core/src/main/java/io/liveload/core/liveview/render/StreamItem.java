package io.liveload.core.liveview.render;

/**
 * One item of a stream container, as the browser keeps it in the DOM.
 *
 * @param domId the id of the item's element
 * @param html the item's HTML as rendered when it arrived
 * @param liveEntry the entry the item came from, kept when it contains components or nested streams
 *     and null otherwise. Those parts change after the item arrived, so such an item is rendered
 *     again from its entry.
 */
record StreamItem(String domId, String html, TreeNode liveEntry) {
}
