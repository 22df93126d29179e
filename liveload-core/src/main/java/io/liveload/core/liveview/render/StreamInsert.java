package io.liveload.core.liveview.render;

/**
 * The insert instruction for one stream item.
 *
 * @param domId the DOM id of the item's element
 * @param at -1 to append, 0 to prepend, n to insert at index n
 * @param limit null for none, n &gt;= 0 to keep the first n items, -n to keep the last n items
 * @param updateOnly true to update the item only if it is already present (LiveView 1.1 and later)
 */
record StreamInsert(String domId, int at, Integer limit, boolean updateOnly) {
}
