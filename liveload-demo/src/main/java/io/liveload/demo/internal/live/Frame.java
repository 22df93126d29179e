package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message of the Phoenix V2 JSON serializer: {@code [join_ref, ref, topic, event, payload]}.
 *
 * <p>Refs are kept as the JSON values the client sent (normally strings, but any JSON value is
 * echoed back unchanged, as Phoenix does).
 */
record Frame(JsonNode joinRef, JsonNode ref, String topic, String event, JsonNode payload) {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Thrown for a text frame that is not a V2 message; the message names what is wrong. */
    static final class MalformedFrameException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedFrameException(String message) {
            super(message);
        }
    }

    /** Reads a parsed text frame; fails unless it is a 5-element array with string topic and event. */
    static Frame of(JsonNode message) throws MalformedFrameException {
        if (!message.isArray() || message.size() != 5) {
            throw new MalformedFrameException("expected a 5-element JSON array [join_ref, ref, topic, event, payload]");
        }
        JsonNode topic = message.get(2);
        JsonNode event = message.get(3);
        if (!topic.isTextual() || !event.isTextual()) {
            throw new MalformedFrameException("expected the topic and the event to be strings");
        }
        return new Frame(message.get(0), message.get(1), topic.asText(), event.asText(), message.get(4));
    }

    /** Returns whether the message carries a join ref. */
    boolean hasJoinRef() {
        return !joinRef.isNull();
    }

    /** Returns a reply to this message: {@code [join_ref, ref, topic, "phx_reply", {status, response}]}. */
    static ArrayNode reply(JsonNode joinRef, JsonNode ref, String topic, String status, JsonNode response) {
        ObjectNode payload = JSON.objectNode();
        payload.set("response", response);
        payload.put("status", status);
        return message(joinRef, ref, topic, "phx_reply", payload);
    }

    /** Returns a server push on a joined topic: {@code [join_ref, null, topic, event, payload]}. */
    static ArrayNode push(JsonNode joinRef, String topic, String event, JsonNode payload) {
        return message(joinRef, NullNode.getInstance(), topic, event, payload);
    }

    /** Returns {@code phx_close} or {@code phx_error}, which carry the join ref in both ref fields. */
    static ArrayNode channelEnd(JsonNode joinRef, String topic, String event) {
        return message(joinRef, joinRef, topic, event, JSON.objectNode());
    }

    static ObjectNode reason(String reason) {
        return JSON.objectNode().put("reason", reason);
    }

    private static ArrayNode message(JsonNode joinRef, JsonNode ref, String topic, String event, JsonNode payload) {
        ArrayNode message = JSON.arrayNode(5);
        message.add(joinRef);
        message.add(ref);
        message.add(topic);
        message.add(event);
        message.add(payload);
        return message;
    }
}
