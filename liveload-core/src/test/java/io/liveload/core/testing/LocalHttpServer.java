package io.liveload.core.testing;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A Jetty server on 127.0.0.1 with routes that tests register; answers 404 for other paths. */
public final class LocalHttpServer implements AutoCloseable {

    /** Handles one request; return true when it answered. */
    @FunctionalInterface
    public interface Route {
        void handle(Request request, Response response, Callback callback) throws Exception;
    }

    private final Server server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    /** Completes delayed responses, so that a slow route holds no server thread while it waits. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-http-timer");
        thread.setDaemon(true);
        return thread;
    });

    public LocalHttpServer() {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("test-http");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                requests.incrementAndGet();
                Route route = routes.get(Request.getPathInContext(request));
                if (route == null) {
                    respond(response, callback, 404, "text/plain", "not found");
                } else {
                    route.handle(request, response, callback);
                }
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test server", e);
        }
    }

    /** Registers a route for an exact path. */
    public LocalHttpServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Registers a route answering a fixed text. */
    public LocalHttpServer text(String path, int status, String body) {
        return route(path, (request, response, callback) -> respond(response, callback, status, "text/plain", body));
    }

    /** Registers a route that answers a fixed text after {@code delay}, holding no server thread meanwhile. */
    public LocalHttpServer delayed(String path, Duration delay, String body) {
        return route(path, (request, response, callback) -> timer.schedule(
                () -> respond(response, callback, 200, "text/plain", body), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Registers a route that never answers; its requests stay open until the client gives up or the server stops. */
    public LocalHttpServer silent(String path) {
        return route(path, (request, response, callback) -> {
        });
    }

    /**
     * Registers a route that answers at once, except during one stall: the request numbered {@code stallAt}
     * (counted on this route from 1) starts it, and every request that arrives before it ends is answered when it
     * ends, as a server in a long GC pause would.
     */
    public LocalHttpServer stalling(String path, long stallAt, Duration stall) {
        AtomicLong count = new AtomicLong();
        AtomicLong stallEndNanos = new AtomicLong(Long.MIN_VALUE);
        return route(path, (request, response, callback) -> {
            long now = System.nanoTime();
            if (count.incrementAndGet() == stallAt) {
                stallEndNanos.set(now + stall.toNanos());
            }
            long wait = stallEndNanos.get() == Long.MIN_VALUE ? 0 : stallEndNanos.get() - now;
            if (wait <= 0) {
                respond(response, callback, 200, "text/plain", "ok");
            } else {
                timer.schedule(() -> respond(response, callback, 200, "text/plain", "ok"), wait, TimeUnit.NANOSECONDS);
            }
        });
    }

    /** Writes a complete response. */
    public static void respond(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", contentType + "; charset=utf-8");
        Content.Sink.write(response, true, body == null ? "" : body, callback);
    }

    /** Writes a complete response with bytes. */
    public static void respond(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.write(true, java.nio.ByteBuffer.wrap(body), callback);
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Returns the number of requests received so far. */
    public long requestCount() {
        return requests.get();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the test server", e);
        }
    }

    /** Returns the address the server listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }
}
