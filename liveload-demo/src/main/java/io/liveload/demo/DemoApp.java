package io.liveload.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liveload.demo.internal.ProblemLog;
import io.liveload.demo.internal.live.LiveServices;
import io.liveload.demo.internal.live.SocketHandshake;
import io.liveload.demo.internal.security.SessionCookie;
import io.liveload.demo.internal.security.Tokens;
import io.liveload.demo.internal.views.DemoRouter;
import io.liveload.demo.internal.web.PageHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded web app on a loopback address that imitates a Phoenix LiveView app: HTTP
 * pages with dead renders and a {@code /live/websocket} endpoint that speaks the Phoenix
 * LiveView websocket protocol (V2 JSON frames, LiveView 1.2 diffs).
 *
 * <p>Routes: {@code /login?user=NAME}, {@code /logout}, {@code /counter}, {@code /other},
 * {@code /} (302 to {@code /counter}), {@code /profile/settings} and {@code /:username} (both
 * need the session cookie), {@code /assets/app.css}, {@code /assets/app.js} and
 * {@code /live/websocket}.
 *
 * <p>Each instance owns its Jetty server, thread pool, timer thread and signing key; many can
 * run in one JVM. {@link #close()} releases every thread and socket the instance created.
 * Thread-safe.
 */
public final class DemoApp implements AutoCloseable {
    /** The name of the signed session cookie, the one the LiveBeats app uses. */
    public static final String SESSION_COOKIE_NAME = SessionCookie.NAME;

    private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);
    private static final int DEFAULT_STANDALONE_PORT = 4000;
    private static final int MIN_THREADS = 4;
    private static final int MAX_THREADS = 64;
    private static final Duration MAX_IDLE_CHECK_PERIOD = Duration.ofSeconds(1);
    private static final Duration MIN_IDLE_CHECK_PERIOD = Duration.ofMillis(10);

    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService scheduler;
    private final ProblemLog problems = new ProblemLog();
    private final Tokens tokens;
    private final LiveServices live;
    private final DemoOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile URI baseUrl;

    private DemoApp(DemoOptions options) {
        this.options = options;
        String instance = Integer.toHexString(System.identityHashCode(this));
        ObjectMapper mapper = new ObjectMapper();
        this.tokens = new Tokens(mapper, Clock.systemUTC());
        DemoRouter router = new DemoRouter();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "liveload-demo-" + instance + "-timers");
            thread.setDaemon(true);
            return thread;
        });
        LiveServices.Settings settings = new LiveServices.Settings(
                options.heartbeatReplies(), options.idleTimeout(), options.maxChannelsPerSocket());
        this.live = new LiveServices(settings, tokens, router, mapper, scheduler, problems);

        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("liveload-demo-" + instance);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(withoutBrackets(options.bindHost()));
        connector.setPort(options.port());
        server.addConnector(connector);

        WebSocketUpgradeHandler websockets = WebSocketUpgradeHandler.from(server, container -> {
            container.addMapping("/live/websocket", new SocketHandshake(live));
            // The app closes idle sockets itself, counting only inbound frames as Phoenix does;
            // Jetty's own timeout, which also counts outbound frames, is only a backstop.
            container.setIdleTimeout(options.idleTimeout().plusSeconds(30));
        });
        websockets.setHandler(new PageHandler(router, tokens, problems));
        server.setHandler(websockets);
        server.setStopAtShutdown(false);
    }

    /** Starts an app on a free port of 127.0.0.1 with the default options. */
    public static DemoApp start() {
        return start(DemoOptions.defaults());
    }

    /**
     * Starts an app with the given options.
     *
     * @throws IllegalStateException when the server cannot start, for example because the port is taken
     */
    public static DemoApp start(DemoOptions options) {
        DemoApp app = new DemoApp(options);
        try {
            app.server.start();
        } catch (Exception e) {
            app.close();
            throw new IllegalStateException("Failed to start the demo app on " + options.bindHost() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
        app.baseUrl = URI.create("http://" + hostForUrl(options.bindHost()) + ":" + app.connector.getLocalPort());
        Duration checkPeriod = idleCheckPeriod(options.idleTimeout());
        app.scheduler.scheduleAtFixedRate(app::closeIdleSockets, checkPeriod.toNanos(), checkPeriod.toNanos(), TimeUnit.NANOSECONDS);
        LOG.info("Demo app listening on {}", app.baseUrl);
        return app;
    }

    /** Returns the root URL, for example {@code http://127.0.0.1:43121}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns the TCP port the app listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Returns the options the app was started with. */
    public DemoOptions options() {
        return options;
    }

    /**
     * Returns the value of a valid session cookie ({@link #SESSION_COOKIE_NAME}) for the user, so
     * a client can skip {@code /login}. The value is valid only for this app instance.
     *
     * @throws IllegalArgumentException when the name is not 2 to 30 letters, digits or underscores
     */
    public String sessionCookieFor(String user) {
        if (!Tokens.isValidUsername(user)) {
            throw new IllegalArgumentException("Invalid username \"" + user + "\": use 2 to 30 letters, digits or _");
        }
        return tokens.encodeSession(tokens.newSession(user));
    }

    /** Returns the number of open LiveView websockets. */
    public int openSockets() {
        return live.openSocketCount();
    }

    /** Stops the server and the timer thread and closes every socket; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Failed to stop the demo app's server cleanly", e);
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The demo app's timer thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        problems.logTotals();
        LOG.info("Demo app stopped{}", baseUrl == null ? "" : " at " + baseUrl);
    }

    /**
     * Runs the app on 127.0.0.1 until the JVM is stopped (Ctrl-C).
     *
     * @param args {@code --port N} sets the port (default 4000, 0 for a free one)
     */
    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_STANDALONE_PORT;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else {
                System.err.println("Usage: DemoApp [--port N]   (N: TCP port on 127.0.0.1, default 4000, 0 for a free one)");
                System.exit(2);
            }
        }
        DemoApp app = start(DemoOptions.defaults().withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "liveload-demo-shutdown"));
        System.out.println("liveload demo app running at " + app.baseUrl() + " (Ctrl-C stops it)");
        stopped.await();
    }

    private void closeIdleSockets() {
        try {
            live.closeIdleSockets();
        } catch (RuntimeException e) {
            problems.report("Idle socket check failed", e.toString());
        }
    }

    private static Duration idleCheckPeriod(Duration idleTimeout) {
        Duration tenth = idleTimeout.dividedBy(10);
        if (tenth.compareTo(MIN_IDLE_CHECK_PERIOD) < 0) {
            return MIN_IDLE_CHECK_PERIOD;
        }
        return tenth.compareTo(MAX_IDLE_CHECK_PERIOD) > 0 ? MAX_IDLE_CHECK_PERIOD : tenth;
    }

    private static String hostForUrl(String bindHost) {
        String host = withoutBrackets(bindHost);
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String withoutBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            System.err.println("Invalid port \"" + text + "\": use a number from 0 to 65535");
            System.exit(2);
            return -1;
        }
    }
}
