package io.liveload.core.ws;

import io.liveload.core.ConfigurationException;
import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.VuRuntime;
import io.liveload.core.http.Http;
import io.liveload.core.internal.VuWaits;
import io.liveload.core.metrics.TagSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A VU's websocket client, as k6's {@code ws} module: scripts reach it with {@code vu.ws()}. Connections go
 * through the VU's OkHttp client, so the upgrade request carries the VU's cookies (a session cookie set by an
 * earlier page flows to the socket), and OkHttp's reader runs on the run's executor (virtual threads on
 * Java 21+). URLs are resolved as HTTP URLs are: {@code ws://} and {@code wss://} are taken as they are,
 * {@code http(s)://} and relative URLs against the base URL, and the host must be in the allowed hosts.
 * <pre>{@code
 * WsSession chat = vu.ws().connect("/chat", ws -> ws.origin("http://127.0.0.1:8080"));
 * if (vu.check(chat, "upgraded", s -> s.status() == 101)) {
 *     chat.send("hello");
 *     Optional<WsMessage> answer = chat.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 * Every session still open when the VU ends is closed then. Connect methods belong to the VU thread, except
 * {@link #open(WsRequest)}.
 */
public final class WebSockets implements AutoCloseable {

    /** How long the end of a VU waits for its sessions' closing handshakes before cancelling them. */
    static final long VU_END_CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final VuRuntime vu;
    private final Http http;
    private final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Creates the websocket client of a VU; the engine does this, scripts use {@code vu.ws()}. */
    public WebSockets(VuRuntime vu, Http http) {
        this.vu = vu;
        this.http = http;
    }

    /** Connects with default options; see {@link #connect(String, Consumer)}. */
    public WsSession connect(String url) {
        return connect(url, null);
    }

    /**
     * Connects and waits until the upgrade succeeded or failed, at most the connect timeout. A failure is not
     * thrown: the returned session is then closed, its {@link WsSession#status()} returns the server's status
     * (e.g. 403) or 0, and {@link WsSession#closeInfo()} the {@link WsErrorCode}; the failure is also counted in
     * the run's error log under {@code ws}.
     *
     * @param configure sets headers, cookies, tags, timeouts, inbox and listener; may be null
     * @throws ConfigurationException        when the URL cannot be resolved or its host is not allowed
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public WsSession connect(String url, Consumer<WsOptions> configure) {
        vu.checkNotHardStopped();
        WsSession session = open(prepare(url, configure));
        vu.closeAtIterationEnd(session, () -> session.closeAsync(WsClose.GOING_AWAY, "session no longer used"));
        session.awaitHandshake();
        return session;
    }

    /**
     * Resolves and checks a connect request without connecting, for clients that open the same request again
     * later (Phoenix Channels reconnects). Takes the VU's current tags, so call it on the VU thread.
     *
     * @throws ConfigurationException when the URL cannot be resolved or its host is not allowed
     */
    public WsRequest prepare(String url, Consumer<WsOptions> configure) {
        WsOptions options = new WsOptions();
        if (configure != null) {
            configure.accept(options);
        }
        HttpUrl target = http.resolve(url);
        http.checkAllowed(target);
        Request.Builder builder = new Request.Builder().url(target).headers(options.headers());
        if (options.headers().get("User-Agent") == null) {
            builder.header("User-Agent", vu.run().options().userAgent());
        }
        if (!options.subprotocols().isEmpty()) {
            builder.header("Sec-WebSocket-Protocol", String.join(", ", options.subprotocols()));
        }
        OkHttpClient client = http.okHttpClient();
        if (!options.cookies().isEmpty()) {
            client = client.newBuilder().cookieJar(new ExtraCookieJar(client.cookieJar(), options.cookies())).build();
        }
        String displayUrl = (target.isHttps() ? "wss://" : "ws://") + target.host() + ":" + target.port()
                + target.encodedPath();
        TagSet dataTags = vu.tags();
        TagSet tags = dataTags.withAll(TagSet.of(options.tags()));
        tags = options.name() != null ? tags.with("name", options.name())
                : tags.with("name", displayUrl).with("url", displayUrl);
        long connectTimeoutNanos = VuWaits.nanos(options.connectTimeout() != null ? options.connectTimeout()
                : vu.run().options().httpTimeout(), "connect timeout");
        long closeTimeoutNanos = VuWaits.nanos(options.closeTimeout(), "close timeout");
        return new WsRequest(client, builder.build(), displayUrl, tags, dataTags, connectTimeoutNanos,
                closeTimeoutNanos, options.effectiveInboxCapacity(), options.listener(), options.expectedCloseCodes());
    }

    /**
     * Starts connecting and returns at once; the session's listener and {@link WsSession#handshake()} tell
     * when the upgrade succeeded or failed. May be called from any thread. After the VU ended, the session
     * comes back closed with {@link WsErrorCode#CANCELLED}.
     */
    public WsSession open(WsRequest request) {
        WsSession session = new WsSession(this, request);
        if (closed) {
            session.cancel(WsErrorCode.CANCELLED);
            return session;
        }
        sessions.add(session);
        session.start();
        if (closed) {
            session.cancel(WsErrorCode.CANCELLED);
        }
        return session;
    }

    /** Returns the number of this VU's sessions that are not closed yet. */
    public int openSessions() {
        return sessions.size();
    }

    VuRuntime runtime() {
        return vu;
    }

    void forget(WsSession session) {
        sessions.remove(session);
    }

    /**
     * Ends every session of the VU; the engine calls this when the VU ends. Open sessions get a close frame
     * with 1001 (going away) and up to one second in total for the server's close frame; then the rest is
     * cancelled.
     * After a hard stop they are cancelled at once. Sessions opened later come back cancelled.
     */
    @Override
    public void close() {
        closed = true;
        List<WsSession> open = new ArrayList<>(sessions);
        if (open.isEmpty()) {
            return;
        }
        if (!vu.hardStopped() && !Thread.currentThread().isInterrupted()) {
            for (WsSession session : open) {
                session.closeAsync(WsClose.GOING_AWAY, "VU ended");
            }
            awaitClosed(open, System.nanoTime() + VU_END_CLOSE_WAIT_NANOS);
        }
        for (WsSession session : open) {
            session.cancel(WsErrorCode.CANCELLED);
        }
    }

    private static void awaitClosed(List<WsSession> open, long deadlineNanos) {
        for (WsSession session : open) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            try {
                session.closeFuture().get(remaining, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return;
            }
        }
    }
}
