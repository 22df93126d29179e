package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The non-rendering content of a merged join reply or diff: pushed events, hook reply and title.
 *
 * @param events the pushed events ({@code "e"}) in the order the server sent them; empty when none
 * @param hookReply the reply map of {@code {:reply, map, socket}} (a top-level {@code "r"} that is
 *     an object), or null; the node of the merged message, not a copy
 * @param title the new page title ({@code "t"}), or null when the message did not set one
 */
public record MergeResult(List<PushEvent> events, ObjectNode hookReply, String title) {

    static final MergeResult NOTHING = new MergeResult(List.of(), null, null);

    public MergeResult {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
