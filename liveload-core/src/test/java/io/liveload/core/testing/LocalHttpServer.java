package io.liveload.core.testing;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
