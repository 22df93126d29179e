package io.liveload.demo.internal.render;

import java.util.List;

/**
 * The stream operations of one render, sent as {@code [ref, [[id, at, limit, update_only]...],
 * [deleted ids], reset?]} on the comprehension that renders the stream.
 *
 * @param ref the stream's reference, unique per view ("0", "1", ...)
 * @param inserts the inserted items, in the order of the comprehension's entries
 * @param deletedIds ids of elements the client removes
 * @param reset whether the client first removes every item of this stream
 */
public record StreamPatch(String ref, List<StreamInsert> inserts, List<String> deletedIds, boolean reset) {
    public StreamPatch {
        inserts = List.copyOf(inserts);
        deletedIds = List.copyOf(deletedIds);
    }
}
