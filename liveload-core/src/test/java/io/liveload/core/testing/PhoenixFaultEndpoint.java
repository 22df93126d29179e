package io.liveload.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.testing.FaultServer.ReceivedRequest;
import io.liveload.core.testing.WebSocketWire.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Phoenix channel server of {@link WebSocketFaultServer} for one connection, speaking the V2 serializer
 * ({@code [join_ref, ref, topic, event, payload]}). Joins get an ok reply, {@code echo} gets an ok reply with
 * {@code {"echo": payload}}, a leave gets an ok reply, and heartbeats get an ok reply unless a fault
 * turns the replies off. The query parameter {@code fault} chooses the fault:
 * <ul>
 *   <li>{@code invalid-json}: every join is preceded by a text frame that is not JSON.</li>
 *   <li>{@code no-heartbeat-reply}: heartbeats are never answered.</li>
 *   <li>{@code no-heartbeat-reply-once}: heartbeats are not answered on the first connection of each client,
 *       told apart by the query parameter {@code client}, and answered on its later connections.</li>
 *   <li>{@code abrupt-once}: on the first connection of each client, the first join gets its reply and then the
 *       TCP connection ends without a close frame.</li>
 *   <li>{@code abrupt-then-reject}: as {@code abrupt-once}, and later upgrades of the client get 403.</li>
 * </ul>
 */
public final class PhoenixFaultEndpoint implements WebSocketFaultServer.MessageHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One join the server received.
     *
     * @param client     the {@code client} query parameter of the connection, empty when there was none
     * @param connection which connection of that client it came on, counting from 1
     * @param topic      the joined topic
     */
    public record Join(String client, int connection, String topic) {
    }

    /** What every connection of the endpoint received, shared by the server's connections. */
    public static final class Recorder {

        private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
        private final AtomicInteger heartbeats = new AtomicInteger();
        private final List<Join> joins = new CopyOnWriteArrayList<>();

        /** Returns the number of heartbeats received, with or without reply. */
        public int heartbeats() {
            return heartbeats.get();
        }

        /** Returns every join received, oldest first. */
        public List<Join> joins() {
            return List.copyOf(joins);
        }

        /** Counts a connection of the request's client and returns its number, counting from 1. */
        int connect(ReceivedRequest request) {
            String client = request.parameter("client", "");
            return connections.computeIfAbsent(client, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    private final Recorder recorder;
    private final String fault;
    private final String client;
    private final int connection;

    /**
     * Creates the endpoint of one connection.
     *
     * @param connection which connection of the request's client this is, from {@link Recorder#connect}
     */
    PhoenixFaultEndpoint(Recorder recorder, ReceivedRequest request, int connection) {
        this.recorder = recorder;
        this.fault = request.parameter("fault", "");
        this.client = request.parameter("client", "");
        this.connection = connection;
    }

    /** Returns whether the upgrade of a client's connection is rejected, by the fault {@code abrupt-then-reject}. */
    static boolean rejectsUpgrade(ReceivedRequest request, int connection) {
        return request.parameter("fault", "").equals("abrupt-then-reject") && connection > 1;
    }

    @Override
    public void onMessage(Frame message, OutputStream out) throws IOException {
        if (message.opcode() != WebSocketWire.TEXT) {
            return;
        }
        ArrayNode frame = (ArrayNode) JSON.readTree(message.text());
        String joinRef = frame.get(0).isNull() ? null : frame.get(0).asText();
        String ref = frame.get(1).isNull() ? null : frame.get(1).asText();
        String topic = frame.get(2).asText();
        String event = frame.get(3).asText();
        switch (event) {
            case "heartbeat" -> {
                recorder.heartbeats.incrementAndGet();
                if (answersHeartbeats()) {
                    reply(out, null, ref, topic, object());
                }
            }
            case "phx_join" -> {
                recorder.joins.add(new Join(client, connection, topic));
                if (fault.equals("invalid-json")) {
                    WebSocketWire.writeFrame(out, true, WebSocketWire.TEXT, "[\"1\",\"1\",".getBytes(StandardCharsets.UTF_8));
                }
                reply(out, joinRef, ref, topic, object());
                boolean abrupt = fault.equals("abrupt-once") || fault.equals("abrupt-then-reject");
                if (abrupt && connection == 1) {
                    throw new IOException("The Phoenix fault endpoint ends the connection on purpose");
                }
            }
            case "echo" -> reply(out, joinRef, ref, topic, object().set("echo", frame.get(4)));
            default -> reply(out, joinRef, ref, topic, object());
        }
    }

    private boolean answersHeartbeats() {
        return switch (fault) {
            case "no-heartbeat-reply" -> false;
            case "no-heartbeat-reply-once" -> connection > 1;
            default -> true;
        };
    }

    private static void reply(OutputStream out, String joinRef, String ref, String topic, JsonNode response)
            throws IOException {
        ObjectNode payload = object().put("status", "ok");
        payload.set("response", response);
        ArrayNode frame = JsonNodeFactory.instance.arrayNode();
        frame.add(joinRef).add(ref).add(topic).add("phx_reply").add(payload);
        WebSocketWire.writeFrame(out, true, WebSocketWire.TEXT, frame.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
