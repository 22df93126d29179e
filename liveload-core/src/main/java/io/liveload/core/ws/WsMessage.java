package io.liveload.core.ws;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import okio.Utf8;

/** One websocket message received: text or binary. Immutable. */
public final class WsMessage {

    private final String text;
    private final byte[] data;

    private WsMessage(String text, byte[] data) {
        this.text = text;
        this.data = data;
    }

    /** Returns a text message. */
    public static WsMessage text(String text) {
        return new WsMessage(Objects.requireNonNull(text, "text"), null);
    }

    /** Returns a binary message holding a copy of the bytes. */
    public static WsMessage binary(byte[] data) {
        return new WsMessage(null, data.clone());
    }

    /** Wraps bytes without copying; the caller must not keep or change them. */
    static WsMessage binaryOwned(byte[] data) {
        return new WsMessage(null, data);
    }

    /** Returns whether this is a text message. */
    public boolean isText() {
        return text != null;
    }

    /**
     * Returns the text of a text message.
     *
     * @throws IllegalStateException for a binary message; use {@link #bytes()}
     */
    public String text() {
        if (text == null) {
            throw new IllegalStateException("This is a binary message of " + data.length + " bytes: use bytes()");
        }
        return text;
    }

    /** Returns a copy of the payload: the bytes of a binary message, the UTF-8 encoding of a text message. */
    public byte[] bytes() {
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : data.clone();
    }

    /** Returns the payload size in bytes (UTF-8 bytes for text). */
    public long size() {
        return text != null ? Utf8.size(text) : data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WsMessage message && Objects.equals(text, message.text)
                && Arrays.equals(data, message.data);
    }

    @Override
    public int hashCode() {
        return text != null ? text.hashCode() : Arrays.hashCode(data);
    }

    /** Returns the kind and size only, because payloads may hold tokens that must not reach a log. */
    @Override
    public String toString() {
        return text != null ? "text message of " + text.length() + " chars" : "binary message of " + data.length + " bytes";
    }
}
