package io.liveload.core.phoenix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One message from the server, decoded from a V2 frame {@code [join_ref, ref, topic, event, payload]}.
 *
 * @param joinRef the join ref of the channel it belongs to; null for broadcasts and heartbeat replies
 * @param ref     the ref of the push it replies to; null for server pushes
 * @param topic   the channel's topic, e.g. {@code room:lobby}
 * @param event   the event, e.g. {@code phx_reply}, {@code phx_error} or an application event
 * @param payload the payload; a binary node for binary frames, and for binary replies an object
 *                {@code {"status": ..., "response": <binary>}}
 */
public record PhoenixMessage(String joinRef, String ref, String topic, String event, JsonNode payload) {

    public PhoenixMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
    }
}
