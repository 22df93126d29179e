package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.phoenix.Reply;

/**
 * The result of a push once its reply was handled: the reply merged, or why there was no usable reply.
 *
 * @param reply        the Phoenix reply, or liveload's own verdict (timeout, channel lost)
 * @param hookReply    the diff's {@code "r"} map, or null
 * @param diff         the diff the reply carried, or null
 * @param redirectKind {@code live_patch}, {@code live_redirect} or {@code redirect} when the reply moved the page
 * @param redirectTo   the absolute URL it moved to, or null
 */
record EventOutcome(Reply reply, ObjectNode hookReply, JsonNode diff, String redirectKind, String redirectTo) {

    static EventOutcome ok(Reply reply, ObjectNode hookReply, JsonNode diff, String redirectKind, String redirectTo) {
        return new EventOutcome(reply, hookReply, diff, redirectKind, redirectTo);
    }

    static EventOutcome failed(Reply reply) {
        return new EventOutcome(reply, null, null, null, null);
    }

    boolean isOk() {
        return reply.isOk();
    }

    /** Returns whether the reply started a live navigation or a full page load that the caller should wait for. */
    boolean movedPage() {
        return "live_redirect".equals(redirectKind) || "redirect".equals(redirectKind);
    }
}
