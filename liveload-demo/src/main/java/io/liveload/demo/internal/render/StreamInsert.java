package io.liveload.demo.internal.render;

/**
 * One item inserted into a {@code phx-update="stream"} container.
 *
 * @param domId the element id of the item
 * @param at -1 to append, 0 to prepend, n to insert at position n
 * @param limit the number of children the client keeps after the insert: positive keeps the
 *     first ones, negative the last ones, {@code null} keeps all
 * @param updateOnly whether the client only replaces an existing element and never inserts one
 */
public record StreamInsert(String domId, int at, Integer limit, boolean updateOnly) {
    public StreamInsert {
        if (domId == null || domId.isEmpty()) {
            throw new IllegalArgumentException("A stream item needs a DOM id, got " + domId);
        }
        if (at < -1) {
            throw new IllegalArgumentException("A stream position must be -1 (append) or 0 and above, got " + at);
        }
    }
}
