package io.liveload.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The websocket wire format of RFC 6455 for a test server that writes every byte itself: the accept key of the
 * handshake (section 4.2.2) and frames (section 5.2). Frames are written unmasked, as a server sends them, unless
 * a test requests a mask to break the protocol on purpose.
 */
public final class WebSocketWire {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    /** The GUID that RFC 6455 appends to the client's key before hashing it. */
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WebSocketWire() {
    }

    /**
     * One frame as read from the wire, unmasked.
     *
     * @param fin     whether this is the last frame of its message
     * @param opcode  the frame's opcode, e.g. {@link #TEXT}
     * @param payload the payload, unmasked
     */
    public record Frame(boolean fin, int opcode, byte[] payload) {

        /** Returns the close code of a close frame, or 1005 (no status) when it carries none. */
        public int closeCode() {
            return payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : 1005;
        }

        /** Returns the close reason of a close frame, empty when it carries none. */
        public String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }

        /** Returns the payload as UTF-8 text. */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Returns the {@code Sec-WebSocket-Accept} value for a client's {@code Sec-WebSocket-Key}. */
    public static String acceptKey(String clientKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((clientKey.trim() + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }

    /** Writes one unmasked frame. */
    public static void writeFrame(OutputStream out, boolean fin, int opcode, byte[] payload) throws IOException {
        writeFrame(out, fin, opcode, payload, false);
    }

    /**
     * Writes one frame, with its header and payload in one write so that no Nagle delay sits between them.
     *
     * @param masked whether to mask the payload, which a server must not do (RFC 6455 section 5.1)
     */
    public static void writeFrame(OutputStream out, boolean fin, int opcode, byte[] payload, boolean masked)
            throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length <= 125) {
            frame.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(maskBit | 127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (length >>> shift));
            }
        }
        if (masked) {
            byte[] key = {0x12, 0x34, 0x56, 0x78};
            frame.write(key);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ key[i % 4]);
            }
        } else {
            frame.write(payload);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Writes a close frame with a code and a reason. */
    public static void writeClose(OutputStream out, int code, String reason) throws IOException {
        byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + reasonBytes.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(reasonBytes, 0, payload, 2, reasonBytes.length);
        writeFrame(out, true, CLOSE, payload);
    }

    /**
     * Reads one frame and unmasks it.
     *
     * @param maxPayloadBytes the largest payload accepted
     * @throws EOFException when the stream ends, also in the middle of a frame
     * @throws IOException  when the payload is larger than the limit
     */
    public static Frame readFrame(InputStream in, int maxPayloadBytes) throws IOException {
        int first = readByte(in);
        int second = readByte(in);
        boolean masked = (second & 0x80) != 0;
        long length = second & 0x7F;
        if (length == 126) {
            length = (long) readByte(in) << 8 | readByte(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = length << 8 | readByte(in);
            }
        }
        if (length > maxPayloadBytes) {
            throw new IOException("Frame payload of " + length + " bytes is larger than the limit of "
                    + maxPayloadBytes);
        }
        byte[] key = masked ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length || key != null && key.length < 4) {
            throw new EOFException("The stream ended inside a frame");
        }
        if (key != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i % 4];
            }
        }
        return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }

    private static int readByte(InputStream in) throws IOException {
        int next = in.read();
        if (next < 0) {
            throw new EOFException("The stream ended before a frame header");
        }
        return next;
    }
}
