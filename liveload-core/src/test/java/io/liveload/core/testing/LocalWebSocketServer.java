package io.liveload.core.testing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A Jetty websocket server on 127.0.0.1 for tests, with three endpoints:
 * <ul>
 *   <li>{@code /echo} sends every text and binary message back; the text {@code close:CODE} makes it close
 *       with that code and reason "bye", and {@code burst:N} makes it send the texts {@code m1} to {@code mN}.
 *       It accepts the first subprotocol offered.</li>
 *   <li>{@code /reject} rejects every upgrade with 403.</li>
 *   <li>{@code /phoenix/websocket} speaks Phoenix's V2 serializer; see {@link PhoenixTestEndpoint}. An upgrade
 *       without {@code vsn=2.0.0}, or with an {@code Origin} other than {@code http://127.0.0.1...}, gets 403,
 *       as Phoenix rejects an unknown serializer version or a failed origin check.</li>
 * </ul>
 * It records what tests check: the upgrade requests, the close frames clients sent, and the Phoenix frames.
 */
public final class LocalWebSocketServer implements AutoCloseable {

    /** One upgrade request as the server saw it. */
    public record Upgrade(String path, String query, String origin, String cookie, String userAgent,
                          List<String> subprotocols, long atNanos) {
    }

    /** One close the server saw, with the code and reason the client's close frame carried. */
    public record Close(int code, String reason) {
    }

    private final Server server;
    private final ServerWebSocketContainer container;
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-ws-delays");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
    private final List<Close> closes = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final PhoenixTestEndpoint.Recorder phoenix = new PhoenixTestEndpoint.Recorder();

    public LocalWebSocketServer() {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("test-ws");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, context, this::configure);
        context.setHandler(upgrades);
        server.setHandler(context);
        container = upgrades.getServerWebSocketContainer();
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test websocket server", e);
        }
    }

    private void configure(ServerWebSocketContainer websockets) {
        websockets.setIdleTimeout(Duration.ofSeconds(30));
        websockets.addMapping("/echo", (request, response, callback) -> {
            record(request);
            List<String> offered = request.getSubProtocols();
            if (!offered.isEmpty()) {
                response.setAcceptedSubProtocol(offered.get(0));
            }
            accepted.incrementAndGet();
            return new EchoEndpoint(closes);
        });
        websockets.addMapping("/reject", (request, response, callback) -> {
            record(request);
            Response.writeError(request, response, callback, 403);
            return null;
        });
        websockets.addMapping("/phoenix/websocket", (request, response, callback) -> {
            record(request);
            Fields query = Request.extractQueryParameters(request);
            String origin = request.getHeaders().get("Origin");
            if (!"2.0.0".equals(query.getValue("vsn")) || origin != null && !origin.startsWith("http://127.0.0.1")) {
                Response.writeError(request, response, callback, 403);
                return null;
            }
            accepted.incrementAndGet();
            return new PhoenixTestEndpoint(phoenix, closes, delays);
        });
    }

    private void record(ServerUpgradeRequest request) {
        upgrades.add(new Upgrade(Request.getPathInContext(request), request.getHttpURI().getQuery(),
                request.getHeaders().get("Origin"), request.getHeaders().get("Cookie"),
                request.getHeaders().get("User-Agent"), List.copyOf(request.getSubProtocols()), System.nanoTime()));
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Returns the websocket URL of a path, e.g. {@code ws://127.0.0.1:41234/echo}. */
    public String wsUrl(String path) {
        return "ws://127.0.0.1:" + port() + path;
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Returns the number of websocket connections open now, as Jetty counts them. */
    public int openConnections() {
        return container.getOpenSessions().size();
    }

    /** Returns the number of upgrades accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Returns every upgrade request received, accepted or not, oldest first. */
    public List<Upgrade> upgrades() {
        return List.copyOf(upgrades);
    }

    /** Returns the closes of every connection, oldest first, with the client's code and reason. */
    public List<Close> closes() {
        return List.copyOf(closes);
    }

    /** Returns what the Phoenix endpoint received and sent. */
    public PhoenixTestEndpoint.Recorder phoenix() {
        return phoenix;
    }

    /** Closes every open connection with the code, as a server restart or a drain does. */
    public void closeAll(int code, String reason) {
        for (Session session : container.getOpenSessions()) {
            session.close(code, reason, Callback.NOOP);
        }
    }

    @Override
    public void close() {
        delays.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the test websocket server", e);
        }
    }

    /** Sends a text and waits until it is written, so frames go out in call order. */
    static void sendText(Session session, String text) {
        Callback.Completable sent = new Callback.Completable();
        session.sendText(text, sent);
        join(sent);
    }

    /** Sends a binary message and waits until it is written. */
    static void sendBinary(Session session, byte[] data) {
        Callback.Completable sent = new Callback.Completable();
        session.sendBinary(ByteBuffer.wrap(data), sent);
        join(sent);
    }

    private static void join(Callback.Completable sent) {
        try {
            sent.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The peer went away; tests notice through what they assert.
        }
    }

    /** Echoes messages and runs the {@code close:} and {@code burst:} commands; public, as Jetty requires. */
    public static final class EchoEndpoint extends Session.Listener.AbstractAutoDemanding {

        private final List<Close> closes;

        EchoEndpoint(List<Close> closes) {
            this.closes = closes;
        }

        @Override
        public void onWebSocketText(String text) {
            if (text.startsWith("close:")) {
                getSession().close(Integer.parseInt(text.substring("close:".length())), "bye", Callback.NOOP);
            } else if (text.startsWith("burst:")) {
                int count = Integer.parseInt(text.substring("burst:".length()));
                for (int i = 1; i <= count; i++) {
                    sendText(getSession(), "m" + i);
                }
            } else {
                sendText(getSession(), text);
            }
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            byte[] copy = new byte[payload.remaining()];
            payload.get(copy);
            callback.succeed();
            sendBinary(getSession(), copy);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            closes.add(new Close(statusCode, reason));
        }
    }
}
