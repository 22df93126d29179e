package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A LiveView server on 127.0.0.1 whose replies a test scripts: fixed HTML pages over HTTP, and a
 * {@code /live/websocket} endpoint that hands every client frame to the test's {@link Script}, which sends
 * what the server should answer. Heartbeats get their reply here. It records every client frame.
 */
final class ScriptedLiveServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Replies to the client's frames, one at a time, in arrival order. */
    @FunctionalInterface
    interface Script {
        void onFrame(ArrayNode frame, Connection connection);
    }

    /** The server side of one websocket. */
    static final class Connection {

        private final Session session;

        Connection(Session session) {
            this.session = session;
        }

        /** Sends a frame and waits until it is written, so frames go out in call order. */
        void send(JsonNode frame) {
            org.eclipse.jetty.websocket.api.Callback.Completable sent =
                    new org.eclipse.jetty.websocket.api.Callback.Completable();
            try {
                session.sendText(JSON.writeValueAsString(frame), sent);
                sent.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Sending a frame failed", e);
            }
        }

        /** Closes the websocket with a close frame. */
        void close(int code, String reason) {
            session.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    private final Server server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<ArrayNode> received = new CopyOnWriteArrayList<>();
    private volatile Script script = (frame, connection) -> { };

    ScriptedLiveServer() {
        QueuedThreadPool threads = new QueuedThreadPool(50, 4);
        threads.setName("test-live");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebSocketUpgradeHandler websockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ofSeconds(60));
            container.addMapping("/live/websocket", (request, response, callback) -> new Endpoint());
        });
        websockets.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String html = pages.get(Request.getPathInContext(request));
                response.setStatus(html == null ? 404 : 200);
                response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap((html == null ? "not found" : html)
                        .getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.setHandler(websockets);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the scripted LiveView server", e);
        }
    }

    /** Serves {@code html} at {@code path}. */
    ScriptedLiveServer page(String path, String html) {
        pages.put(path, html);
        return this;
    }

    /** Sets how the websocket replies. */
    ScriptedLiveServer script(Script replies) {
        this.script = replies;
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Returns the frames clients sent, heartbeats excluded, oldest first. */
    List<ArrayNode> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the scripted LiveView server", e);
        }
    }

    /** Returns a frame {@code [join_ref, ref, topic, event, payload]}. */
    static ArrayNode frame(String joinRef, String ref, String topic, String event, JsonNode payload) {
        ArrayNode frame = JSON.createArrayNode();
        frame.add(joinRef).add(ref).add(topic).add(event).add(payload);
        return frame;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The websocket endpoint; public, as Jetty requires. */
    public final class Endpoint extends Session.Listener.AbstractAutoDemanding {

        @Override
        public void onWebSocketText(String text) {
            ArrayNode frame = (ArrayNode) parse(text);
            Connection connection = new Connection(getSession());
            if ("phoenix".equals(frame.get(2).asText())) {
                connection.send(frame(null, frame.get(1).asText(), "phoenix", "phx_reply",
                        parse("{\"status\":\"ok\",\"response\":{}}")));
                return;
            }
            received.add(frame);
            script.onFrame(frame, connection);
        }
    }
}
