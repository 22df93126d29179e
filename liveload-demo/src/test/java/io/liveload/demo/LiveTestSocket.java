package io.liveload.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A minimal Phoenix V2 websocket client for tests: sends frames, records every received frame
 * in order and waits for frames by predicate.
 */
final class LiveTestSocket implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> frames = new ArrayList<>();
    private final AtomicInteger refs = new AtomicInteger();
    private final CompletableFuture<Integer> handshakeStatus = new CompletableFuture<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private LiveTestSocket(OkHttpClient http, Request request) {
        this.socket = http.newWebSocket(request, new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                handshakeStatus.complete(response.code());
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                try {
                    JsonNode frame = MAPPER.readTree(text);
                    synchronized (frames) {
                        frames.add(frame);
                        frames.notifyAll();
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("The server sent invalid JSON: " + text, e);
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                closeCode.complete(code);
                webSocket.close(1000, null);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
                handshakeStatus.complete(response == null ? -1 : response.code());
                closeCode.complete(-1);
            }
        });
    }

    /** Opens {@code /live/websocket} with the page's CSRF token, a matching Origin and the client's cookies. */
    static LiveTestSocket open(OkHttpClient http, URI baseUrl, String csrfToken) {
        return open(http, baseUrl, "_csrf_token=" + csrfToken + "&vsn=2.0.0", baseUrl.toString());
    }

    /** Opens {@code /live/websocket} with the given query and Origin header ({@code null} for none). */
    static LiveTestSocket open(OkHttpClient http, URI baseUrl, String query, String origin) {
        Request.Builder request = new Request.Builder()
                .url(baseUrl.resolve("/live/websocket?" + query).toString().replace("http", "ws"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return new LiveTestSocket(http, request.build());
    }

    /** Returns the HTTP status of the upgrade: 101 when it opened. */
    int handshakeStatus() throws Exception {
        return handshakeStatus.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the server closes the socket and returns the close code, -1 for a broken connection. */
    int awaitClose(Duration timeout) throws Exception {
        return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    String nextRef() {
        return Integer.toString(refs.incrementAndGet());
    }

    /** Sends {@code [joinRef, ref, topic, event, payload]} and returns the ref. */
    String push(String joinRef, String topic, String event, JsonNode payload) {
        String ref = nextRef();
        ArrayNode frame = JSON.arrayNode();
        frame.add(joinRef).add(ref).add(topic).add(event).add(payload);
        sendRaw(frame.toString());
        return ref;
    }

    void sendRaw(String text) {
        socket.send(text);
    }

    /** Sends a join and returns the reply; the join's ref becomes its join ref. */
    JsonNode join(String topic, ObjectNode payload) throws InterruptedException {
        String ref = nextRef();
        ArrayNode frame = JSON.arrayNode();
        frame.add(ref).add(ref).add(topic).add("phx_join").add(payload);
        sendRaw(frame.toString());
        return replyTo(ref);
    }

    /** Waits for the {@code phx_reply} to the ref. */
    JsonNode replyTo(String ref) throws InterruptedException {
        return await(frame -> "phx_reply".equals(frame.get(3).asText()) && ref.equals(frame.get(1).asText(null)), WAIT);
    }

    /** Waits for the first received frame that matches, including frames received earlier. */
    JsonNode await(Predicate<JsonNode> matcher, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            while (true) {
                for (JsonNode frame : frames) {
                    if (matcher.test(frame)) {
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No matching frame within " + timeout + "; received " + frames);
                }
                TimeUnit.NANOSECONDS.timedWait(frames, left);
            }
        }
    }

    /** Waits until at least {@code count} received frames match and returns them in order. */
    List<JsonNode> awaitAll(Predicate<JsonNode> matcher, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            while (true) {
                List<JsonNode> matching = frames.stream().filter(matcher).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expected " + count + " matching frames within " + timeout + ", got "
                            + matching.size() + "; received " + frames);
                }
                TimeUnit.NANOSECONDS.timedWait(frames, left);
            }
        }
    }

    /** Returns a copy of every frame received so far, in order. */
    List<JsonNode> received() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** Returns the join payload the official client sends for the page's main view. */
    static ObjectNode joinPayload(DeadPage page, int mounts) {
        ObjectNode params = JSON.objectNode();
        params.put("_csrf_token", page.csrfToken());
        ArrayNode trackStatic = params.putArray("_track_static");
        page.document().select("[phx-track-static]").forEach(element ->
                trackStatic.add(element.hasAttr("href") ? element.absUrl("href") : element.absUrl("src")));
        params.put("_mounts", mounts);
        params.put("_mount_attempts", 0);

        ObjectNode payload = JSON.objectNode();
        payload.put("url", page.url());
        payload.set("params", params);
        payload.put("session", page.sessionToken());
        payload.put("static", page.staticToken());
        payload.put("sticky", false);
        return payload;
    }

    /** Returns a click event payload. */
    static ObjectNode click(String event, ObjectNode value) {
        ObjectNode payload = JSON.objectNode();
        payload.put("type", "click");
        payload.put("event", event);
        payload.set("value", value == null ? JSON.objectNode().put("value", "") : value);
        return payload;
    }

    static boolean isEvent(JsonNode frame, String event) {
        return event.equals(frame.get(3).asText());
    }

    @Override
    public void close() {
        socket.close(1000, null);
    }
}
