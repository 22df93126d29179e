package io.liveload.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A minimal Phoenix channel server for one connection, speaking the V2 serializer: frames are
 * {@code [join_ref, ref, topic, event, payload]}, replies {@code phx_reply} with {@code {status, response}}.
 *
 * <p>Joins: topics starting with {@code denied:} get an error reply {@code {"reason":"unauthorized"}}, topics
 * starting with {@code slow:} get their ok reply after 300 ms, other topics an ok reply at once with
 * {@code {"topic": topic}}. Heartbeats on topic {@code phoenix} get an ok reply unless switched off. A leave gets
 * an ok reply followed by {@code phx_close}. A message on a topic that is not joined gets an error reply
 * {@code {"reason":"unmatched topic"}}, as Phoenix replies.
 *
 * <p>Events on a joined topic:
 * <ul>
 *   <li>{@code echo}: ok reply with {@code {"echo": payload}}; {@code fail}: error reply; {@code silent}: no reply</li>
 *   <li>{@code crash}: {@code phx_error} for the topic, and the topic is no longer joined</li>
 *   <li>{@code close_channel}: {@code phx_close} for the topic</li>
 *   <li>{@code push}: ok reply, then a server push of event {@code payload.event} with the payload</li>
 *   <li>{@code push_stale}: a push {@code stale} carrying an old join ref, then a push {@code fresh}, then ok</li>
 *   <li>{@code malformed}: three malformed frames (invalid JSON, wrong arity, a number as topic), then a push
 *       {@code after_malformed}, then ok</li>
 *   <li>{@code binary_push}: a binary push {@code bin} with the bytes 1, 2, 3, then ok;
 *       {@code binary_reply}: a binary ok reply with the bytes 4, 5</li>
 *   <li>{@code close_socket}: closes the websocket with {@code payload.code}</li>
 * </ul>
 * A binary push from the client gets an ok reply {@code {"bytes": n}} with the payload's size.
 */
public final class PhoenixTestEndpoint extends Session.Listener.AbstractAutoDemanding {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One frame the server received. */
    public record Frame(String joinRef, String ref, String topic, String event, JsonNode payload) {
    }

    /** What every connection of the endpoint received and did, shared by the server's connections. */
    public static final class Recorder {

        private final AtomicBoolean heartbeatReplies = new AtomicBoolean(true);
        private final AtomicInteger heartbeats = new AtomicInteger();
        private final List<Frame> received = new CopyOnWriteArrayList<>();
        private final List<String> timeline = new CopyOnWriteArrayList<>();

        /** Switches heartbeat replies on or off. */
        public void heartbeatReplies(boolean on) {
            heartbeatReplies.set(on);
        }

        /** Returns the number of heartbeats received. */
        public int heartbeats() {
            return heartbeats.get();
        }

        /** Returns every frame received, oldest first. */
        public List<Frame> received() {
            return List.copyOf(received);
        }

        /** Returns the joins received, oldest first. */
        public List<Frame> joins() {
            return received.stream().filter(frame -> frame.event().equals("phx_join")).toList();
        }

        /** Returns "received TOPIC EVENT" and "replied TOPIC EVENT" entries in the order they happened. */
        public List<String> timeline() {
            return List.copyOf(timeline);
        }
    }

    private final Recorder recorder;
    private final List<LocalWebSocketServer.Close> closes;
    private final ScheduledExecutorService delays;
    private final Map<String, String> joined = new ConcurrentHashMap<>();

    PhoenixTestEndpoint(Recorder recorder, List<LocalWebSocketServer.Close> closes, ScheduledExecutorService delays) {
        this.recorder = recorder;
        this.closes = closes;
        this.delays = delays;
    }

    @Override
    public void onWebSocketText(String text) {
        ArrayNode frame;
        try {
            frame = (ArrayNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("The test server got a frame that is not a JSON array: " + text, e);
        }
        String joinRef = frame.get(0).isNull() ? null : frame.get(0).asText();
        String ref = frame.get(1).isNull() ? null : frame.get(1).asText();
        String topic = frame.get(2).asText();
        String event = frame.get(3).asText();
        JsonNode payload = frame.get(4);
        recorder.received.add(new Frame(joinRef, ref, topic, event, payload));
        recorder.timeline.add("received " + topic + " " + event);
        handle(joinRef, ref, topic, event, payload);
    }

    private void handle(String joinRef, String ref, String topic, String event, JsonNode payload) {
        if (topic.equals("phoenix") && event.equals("heartbeat")) {
            recorder.heartbeats.incrementAndGet();
            if (recorder.heartbeatReplies.get()) {
                reply(null, ref, topic, "ok", object());
            }
            return;
        }
        if (event.equals("phx_join")) {
            join(joinRef, ref, topic);
            return;
        }
        if (event.equals("phx_leave")) {
            joined.remove(topic);
            reply(joinRef, ref, topic, "ok", object());
            send(joinRef, joinRef, topic, "phx_close", object());
            return;
        }
        if (!joinRef.equals(joined.get(topic))) {
            reply(null, ref, topic, "error", object().put("reason", "unmatched topic"));
            return;
        }
        switch (event) {
            case "echo" -> reply(joinRef, ref, topic, "ok", object().set("echo", payload));
            case "fail" -> reply(joinRef, ref, topic, "error", object().put("reason", "failed"));
            case "silent" -> {
                // No reply, so the push times out.
            }
            case "crash" -> {
                joined.remove(topic);
                send(joinRef, joinRef, topic, "phx_error", object());
            }
            case "close_channel" -> {
                joined.remove(topic);
                send(joinRef, joinRef, topic, "phx_close", object());
            }
            case "push" -> {
                reply(joinRef, ref, topic, "ok", object());
                send(joinRef, null, topic, payload.path("event").asText("pushed"), payload);
            }
            case "push_stale" -> {
                send("stale-" + joinRef, null, topic, "stale", object());
                send(joinRef, null, topic, "fresh", object());
                reply(joinRef, ref, topic, "ok", object());
            }
            case "malformed" -> {
                LocalWebSocketServer.sendText(getSession(), "not json");
                LocalWebSocketServer.sendText(getSession(), "[1,2,3]");
                LocalWebSocketServer.sendText(getSession(), "[null,null,5,\"x\",{}]");
                send(joinRef, null, topic, "after_malformed", object());
                reply(joinRef, ref, topic, "ok", object());
            }
            case "binary_push" -> {
                LocalWebSocketServer.sendBinary(getSession(), binary(new byte[] {0}, new String[] {joinRef, topic, "bin"},
                        new byte[] {1, 2, 3}));
                reply(joinRef, ref, topic, "ok", object());
            }
            case "binary_reply" -> LocalWebSocketServer.sendBinary(getSession(),
                    binary(new byte[] {1}, new String[] {joinRef, ref, topic, "ok"}, new byte[] {4, 5}));
            case "close_socket" -> getSession().close(payload.path("code").asInt(1011), "closed by test", Callback.NOOP);
            default -> reply(joinRef, ref, topic, "ok", object().put("event", event));
        }
    }

    private void join(String joinRef, String ref, String topic) {
        if (topic.startsWith("denied:")) {
            reply(joinRef, ref, topic, "error", object().put("reason", "unauthorized"));
            return;
        }
        Runnable accept = () -> {
            joined.put(topic, joinRef);
            reply(joinRef, ref, topic, "ok", object().put("topic", topic));
        };
        if (topic.startsWith("slow:")) {
            delays.schedule(accept, 300, TimeUnit.MILLISECONDS);
        } else {
            accept.run();
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] frame = new byte[payload.remaining()];
        payload.get(frame);
        callback.succeed();
        int offset = 5;
        String[] fields = new String[4];
        for (int i = 0; i < 4; i++) {
            int length = frame[1 + i] & 0xFF;
            fields[i] = new String(frame, offset, length, StandardCharsets.UTF_8);
            offset += length;
        }
        int size = frame.length - offset;
        recorder.received.add(new Frame(fields[0], fields[1], fields[2], fields[3], object().put("bytes", size)));
        recorder.timeline.add("received " + fields[2] + " " + fields[3]);
        reply(fields[0], fields[1], fields[2], "ok", object().put("bytes", size));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closes.add(new LocalWebSocketServer.Close(statusCode, reason));
    }

    private void reply(String joinRef, String ref, String topic, String status, JsonNode response) {
        ObjectNode payload = object().put("status", status);
        payload.set("response", response);
        recorder.timeline.add("replied " + topic + " " + status);
        send(joinRef, ref, topic, "phx_reply", payload);
    }

    private void send(String joinRef, String ref, String topic, String event, JsonNode payload) {
        ArrayNode frame = JsonNodeFactory.instance.arrayNode();
        frame.add(joinRef).add(ref).add(topic).add(event).add(payload);
        LocalWebSocketServer.sendText(getSession(), frame.toString());
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Builds a binary frame: the kind byte, one length byte per field, the fields, the payload. */
    private static byte[] binary(byte[] kind, String[] fields, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(kind[0]);
        List<byte[]> encoded = new ArrayList<>();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            encoded.add(bytes);
            out.write(bytes.length);
        }
        encoded.forEach(out::writeBytes);
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
