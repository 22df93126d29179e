package io.liveload.core.liveview;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The LiveView client's JSON helpers. */
final class Json {

    /**
     * The mapper of every LiveView, used on VU and socket threads. Its buffer pool is shared and bounded,
     * because Jackson's default pool keeps buffers per thread, so every held page's threads would keep some.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newBoundedPool(64)).build());

    private Json() {
    }

    /** Returns the size of the node written as compact UTF-8 JSON, without keeping the text. */
    static long size(JsonNode node) {
        CountingStream counter = new CountingStream();
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(counter)) {
            MAPPER.writeTree(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.bytes;
    }

    /** Returns the text of a string field, or null when the field is missing or not a string. */
    static String text(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** Returns whether any string value in the tree contains {@code part}; keys are not searched. */
    static boolean mentions(JsonNode node, String part) {
        if (node.isTextual()) {
            return node.textValue().contains(part);
        }
        for (JsonNode child : node) {
            if (mentions(child, part)) {
                return true;
            }
        }
        return false;
    }

    private static final class CountingStream extends OutputStream {

        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }
}
