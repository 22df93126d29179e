package io.liveload.core.phoenix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.phoenix.MalformedFrameException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Phoenix's V2 serializer ({@code vsn=2.0.0}). Text frames are JSON arrays
 * {@code [join_ref, ref, topic, event, payload]}. Binary frames start with a kind byte and one length byte
 * per field: a client push is {@code 0, len(join_ref), len(ref), len(topic), len(event)}, then the fields and
 * the payload. From the server, kind 0 is a push (lengths of join_ref, topic, event), kind 1 a reply (lengths
 * of join_ref, ref, topic, status) and kind 2 a broadcast (lengths of topic, event).
 */
final class PhoenixFrames {

    /** Buffer sets kept for reuse; threads beyond it get fresh buffers that the garbage collector takes back. */
    static final int BUFFER_POOL_SIZE = 64;

    /**
     * The mapper of every socket, with a shared and bounded buffer pool. Jackson's default pool (2.21) keeps a
     * set of buffers per thread through soft references, which stay until memory runs short. Each socket reads
     * on a thread of its own (a virtual thread on Java 21+), so every held socket would keep several KiB.
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newBoundedPool(BUFFER_POOL_SIZE)).build());
    static final String EMPTY_OBJECT = "{}";

    private static final int PUSH = 0;
    private static final int REPLY = 1;
    private static final int BROADCAST = 2;

    private PhoenixFrames() {
    }

    /**
     * Serializes a payload with Jackson; a {@code String} is taken as JSON text already.
     *
     * @throws IllegalArgumentException when the payload cannot be serialized or the text is not JSON
     */
    static String payloadJson(Object payload) {
        if (payload == null) {
            return EMPTY_OBJECT;
        }
        try {
            if (payload instanceof String text) {
                JSON.readTree(text);
                return text;
            }
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid payload: it cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns a text frame; the payload is JSON text from {@link #payloadJson}. */
    static String frame(String joinRef, String ref, String topic, String event, String payloadJson) {
        StringBuilder text = new StringBuilder(payloadJson.length() + topic.length() + event.length() + 32);
        text.append('[');
        appendString(text, joinRef).append(',');
        appendString(text, ref).append(',');
        appendString(text, topic).append(',');
        appendString(text, event).append(',');
        return text.append(payloadJson).append(']').toString();
    }

    private static StringBuilder appendString(StringBuilder text, String value) {
        if (value == null) {
            return text.append("null");
        }
        text.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, text);
        return text.append('"');
    }

    /**
     * Returns a binary push frame.
     *
     * @throws IllegalArgumentException when a field is longer than 255 bytes of UTF-8
     */
    static byte[] binaryFrame(String joinRef, String ref, String topic, String event, byte[] payload) {
        byte[][] fields = {utf8(joinRef, "join_ref"), utf8(ref, "ref"), utf8(topic, "topic"), utf8(event, "event")};
        int length = 1 + fields.length;
        for (byte[] field : fields) {
            length += field.length;
        }
        byte[] frame = new byte[length + payload.length];
        frame[0] = PUSH;
        int offset = 1 + fields.length;
        for (int i = 0; i < fields.length; i++) {
            frame[1 + i] = (byte) fields[i].length;
            System.arraycopy(fields[i], 0, frame, offset, fields[i].length);
            offset += fields[i].length;
        }
        System.arraycopy(payload, 0, frame, offset, payload.length);
        return frame;
    }

    private static byte[] utf8(String value, String name) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new IllegalArgumentException("Invalid " + name + " for a binary frame: " + bytes.length
                    + " bytes of UTF-8, at most 255 fit");
        }
        return bytes;
    }

    /** Decodes a text frame. */
    static PhoenixMessage decode(String text) throws MalformedFrameException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedFrameException(Kind.INVALID_JSON);
        }
        if (root == null || !root.isArray() || root.size() != 5) {
            throw new MalformedFrameException(Kind.WRONG_SHAPE);
        }
        ArrayNode fields = (ArrayNode) root;
        JsonNode topic = fields.get(2);
        JsonNode event = fields.get(3);
        if (!topic.isTextual() || !event.isTextual()) {
            throw new MalformedFrameException(Kind.WRONG_TYPES);
        }
        return new PhoenixMessage(ref(fields.get(0)), ref(fields.get(1)), topic.textValue(), event.textValue(),
                fields.get(4));
    }

    /** Returns a ref as text; refs are strings, and numbers are accepted as their decimal text. */
    private static String ref(JsonNode node) throws MalformedFrameException {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        throw new MalformedFrameException(Kind.WRONG_TYPES);
    }

    /** Decodes a binary frame from the server. */
    static PhoenixMessage decode(byte[] frame) throws MalformedFrameException {
        if (frame.length == 0) {
            throw new MalformedFrameException(Kind.SHORT_BINARY);
        }
        int kind = frame[0] & 0xFF;
        return switch (kind) {
            case PUSH -> {
                String[] fields = fields(frame, 3);
                yield new PhoenixMessage(nullIfEmpty(fields[0]), null, fields[1], fields[2], payload(frame, 3));
            }
            case REPLY -> {
                String[] fields = fields(frame, 4);
                ObjectNode reply = JsonNodeFactory.instance.objectNode();
                reply.put("status", fields[3]);
                reply.set("response", payload(frame, 4));
                yield new PhoenixMessage(nullIfEmpty(fields[0]), nullIfEmpty(fields[1]), fields[2], "phx_reply", reply);
            }
            case BROADCAST -> {
                String[] fields = fields(frame, 2);
                yield new PhoenixMessage(null, null, fields[0], fields[1], payload(frame, 2));
            }
            default -> throw new MalformedFrameException(Kind.UNKNOWN_BINARY_KIND);
        };
    }

    /** Reads {@code count} length-prefixed UTF-8 fields that follow the kind byte. */
    private static String[] fields(byte[] frame, int count) throws MalformedFrameException {
        if (frame.length < 1 + count) {
            throw new MalformedFrameException(Kind.SHORT_BINARY);
        }
        String[] fields = new String[count];
        int offset = 1 + count;
        for (int i = 0; i < count; i++) {
            int length = frame[1 + i] & 0xFF;
            if (offset + length > frame.length) {
                throw new MalformedFrameException(Kind.SHORT_BINARY);
            }
            fields[i] = new String(frame, offset, length, StandardCharsets.UTF_8);
            offset += length;
        }
        return fields;
    }

    /** Binary frames cannot hold null, so an empty ref means none, as phoenix.js reads it. */
    private static String nullIfEmpty(String ref) {
        return ref.isEmpty() ? null : ref;
    }

    private static BinaryNode payload(byte[] frame, int count) {
        int offset = 1 + count;
        for (int i = 0; i < count; i++) {
            offset += frame[1 + i] & 0xFF;
        }
        return BinaryNode.valueOf(Arrays.copyOfRange(frame, offset, frame.length));
    }
}
