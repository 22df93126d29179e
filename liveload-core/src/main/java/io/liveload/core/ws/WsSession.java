package io.liveload.core.ws;

import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.RunContext;
import io.liveload.core.engine.VuRuntime;
import io.liveload.core.internal.Inbox;
import io.liveload.core.internal.Timers;
import io.liveload.core.internal.VuWaits;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.TagSet;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import okio.Utf8;

/**
 * One websocket connection of a VU, on OkHttp's {@link WebSocket}. {@link WebSockets#connect} returns it
 * once the upgrade succeeded or failed; check {@link #isOpen()} or {@link #status()} (101 when open, the
 * server's status such as 403 when the upgrade was rejected, 0 when no response came).
 *
 * <p>Received messages go to a bounded inbox read with {@link #receive} and {@link #await}, and to the
 * session's {@link WsListener} if one was set. A session can outlive the iteration that opened it when the
 * script keeps it in its own per-VU state. Every session still open when its VU ends is closed then.
 *
 * <p>Threading: send methods and {@link #closeAsync} may be called from any thread. Blocking methods
 * ({@link #receive}, {@link #await}, {@link #ping}, {@link #close(int, String)}, {@link #awaitClose}) belong
 * to the VU thread: each wait is bounded by its timeout and ends with
 * {@link IterationInterruptedException} when the run stops the VU hard.
 *
 * <p>Metrics, with k6's meanings: {@code ws_sessions} and {@code ws_connecting} when the upgrade completed or
 * failed, {@code ws_msgs_sent} and {@code ws_msgs_received} per message, {@code ws_ping} per answered ping,
 * {@code ws_session_duration} from the connect to the close, and {@code data_sent} / {@code data_received}
 * with the upgrade and the frames (an estimate from header and payload sizes, before any compression). Samples
 * carry the VU's tags at connect time (scenario, group), the session's own tags, {@code name} and {@code url}
 * (see {@link WsOptions#name}), {@code status} and, when the server chose one, {@code subproto}. A failed
 * upgrade's samples carry {@code error_code} as well.
 *
 * <p>Failures: liveload's own rate {@code ws_session_failed} gets one sample when the session ends, tagged with
 * the {@code close_code} of {@link #closeInfo()} and, for a failed session, the {@code error_code} of its
 * {@link WsErrorCode}. A session fails when its upgrade fails, its connection ends without a closing handshake,
 * the server closes it with a code outside {@link WsOptions#expectCloseCodes}, the server leaves a close frame
 * unanswered, or a client on top closes it as dead ({@link #closeAsFailed}). Each failure is also counted in the
 * run's error log under {@code ws}, which logs each distinct failure once.
 */
public final class WsSession {

    /** The stages of a session's life. */
    public enum State {
        /** The upgrade request is under way. */
        CONNECTING,
        /** The upgrade succeeded; messages flow both ways. */
        OPEN,
        /** A close frame was sent or received; the closing handshake is under way. */
        CLOSING,
        /** The connection ended, as {@link #closeInfo()} describes. */
        CLOSED
    }

    /** Pause between two looks at the pong counter while a ping waits for its pong. */
    private static final long PONG_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** Time added to a close timeout for the cancel that follows it to be reported. */
    private static final long CLOSE_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final WebSockets owner;
    private final WsRequest request;
    private final VuRuntime vu;
    private final RunContext run;
    private final Inbox<WsMessage> inbox;
    private final CompletableFuture<WsSession> handshake = new CompletableFuture<>();
    private final CompletableFuture<WsClose> closed = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private volatile State state = State.CONNECTING;
    private volatile WebSocket webSocket;
    private volatile int status;
    private volatile Headers responseHeaders = Headers.of();
    private volatile WsSeries series;
    private volatile TagSet handshakeTags;
    private volatile WsClose closeInfo;
    /** The pong count that the pong of the latest ping brings; used by the VU thread only. */
    private int pongsAwaited;

    // Guarded by this.
    private boolean closeSent;
    private boolean closeStartedByClient;
    private WsErrorCode cancelReason;
    private WsErrorCode closeFailure;
    private String closeFailureDetail;
    private ScheduledFuture<?> timer;

    WsSession(WebSockets owner, WsRequest request) {
        this.owner = owner;
        this.request = request;
        this.vu = owner.runtime();
        this.run = vu.run();
        this.inbox = request.inboxCapacity > 0 ? new Inbox<>(request.inboxCapacity) : null;
    }

    /** Sends the upgrade request and arms the connect timeout; returns at once. */
    void start() {
        WebSocket created = request.client.newWebSocket(request.request, new Callbacks());
        synchronized (this) {
            if (webSocket == null) {
                webSocket = created;
            }
            if (state == State.CONNECTING) {
                timer = Timers.schedule(run.scheduler(), run.errors(), "ws", request.connectTimeoutNanos,
                        () -> cancel(WsErrorCode.CONNECT_TIMEOUT));
            }
        }
    }

    /** Returns the URL without its query, as {@code ws://host:port/path}. */
    public String url() {
        return request.url;
    }

    /** Returns the session's state now. */
    public State state() {
        return state;
    }

    /** Returns whether the session is open, so messages can be sent. */
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /**
     * Returns the HTTP status of the upgrade: 101 once open, the server's status when it rejected the upgrade
     * (e.g. 403), 0 while connecting or when no response came.
     */
    public int status() {
        return status;
    }

    /** Returns a header of the server's upgrade response, also of a rejected one. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(responseHeaders.get(name));
    }

    /** Returns the subprotocol the server chose, or an empty string when it chose none. */
    public String subprotocol() {
        String chosen = responseHeaders.get("Sec-WebSocket-Protocol");
        return chosen == null ? "" : chosen;
    }

    /**
     * Sends a text message.
     *
     * @return false when the session is not open or OkHttp's 16 MiB send buffer is full (OkHttp then closes
     *         the session with 1001)
     */
    public boolean send(String text) {
        WebSocket socket = webSocket;
        if (state != State.OPEN || socket == null || !socket.send(text)) {
            return false;
        }
        recordSent(Utf8.size(text));
        return true;
    }

    /** Sends a binary message; returns false as {@link #send(String)} does. */
    public boolean sendBinary(byte[] data) {
        WebSocket socket = webSocket;
        if (state != State.OPEN || socket == null || !socket.send(ByteString.of(data))) {
            return false;
        }
        recordSent(data.length);
        return true;
    }

    private void recordSent(long payloadBytes) {
        WsSeries target = series;
        target.messagesSent.increment();
        target.dataSent.add(payloadBytes + WsSeries.frameHeaderBytes(payloadBytes, true));
    }

    /**
     * Takes the oldest received message, waiting up to the timeout for one.
     *
     * @return the message, or empty when none came in time or the session closed and its inbox is drained
     * @throws IllegalStateException         when the session keeps no inbox ({@link WsOptions#inboxCapacity} 0)
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<WsMessage> receive(Duration timeout) {
        long timeoutNanos = VuWaits.nanos(timeout, "receive timeout");
        return Optional.ofNullable(VuWaits.poll(vu, requireInbox(), timeoutNanos, "receiving on " + request.url));
    }

    /** Takes the oldest received message without waiting. */
    public Optional<WsMessage> poll() {
        return Optional.ofNullable(requireInbox().poll());
    }

    /**
     * Takes received messages until one matches, waiting up to the timeout in total. Messages that do not
     * match are taken out of the inbox and dropped.
     *
     * @return the first matching message, or empty when none came in time or the session closed
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<WsMessage> await(Predicate<? super WsMessage> condition, Duration timeout) {
        Inbox<WsMessage> messages = requireInbox();
        long deadline = System.nanoTime() + VuWaits.nanos(timeout, "await timeout");
        while (true) {
            long remaining = deadline - System.nanoTime();
            WsMessage message = VuWaits.poll(vu, messages, Math.max(0, remaining), "waiting on " + request.url);
            if (message == null) {
                return Optional.empty();
            }
            if (condition.test(message)) {
                return Optional.of(message);
            }
        }
    }

    private Inbox<WsMessage> requireInbox() {
        if (inbox == null) {
            throw new IllegalStateException("The session to " + request.url + " keeps no inbox: it has a listener"
                    + " and inboxCapacity 0; read messages in the listener or set WsOptions.inboxCapacity");
        }
        return inbox;
    }

    /** Returns how many received messages were dropped because the inbox was full. */
    public long droppedMessages() {
        return inbox == null ? 0 : inbox.dropped();
    }

    /**
     * Sends a ping and waits for its pong, recording the round trip as {@code ws_ping}. One ping is in flight
     * at a time. The pong is noticed by polling every 50 µs, so a round trip may read up to about 0.1 ms long.
     *
     * @return the round trip, or empty when the session is not open, the previous ping is still unanswered, or
     *         no pong came within the timeout
     * @throws UnsupportedOperationException when the OkHttp version on the class path cannot send pings
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<Duration> ping(Duration timeout) {
        if (!OkHttpPings.available()) {
            throw new UnsupportedOperationException("Websocket pings need OkHttp 5.5's websocket internals, which"
                    + " this OkHttp version lacks; use the version liveload depends on");
        }
        long timeoutNanos = VuWaits.nanos(timeout, "ping timeout");
        WebSocket socket = webSocket;
        if (state != State.OPEN || socket == null) {
            return Optional.empty();
        }
        int pongsBefore = OkHttpPings.pongsReceived(socket);
        if (pongsAwaited > pongsBefore) {
            return Optional.empty();
        }

        long start = System.nanoTime();
        OkHttpPings.send(socket);
        pongsAwaited = pongsBefore + 1;
        series.dataSent.add(WsSeries.frameHeaderBytes(0, true));

        vu.beginBlocking(() -> { });
        try {
            while (OkHttpPings.pongsReceived(socket) == pongsBefore) {
                if (System.nanoTime() - start >= timeoutNanos || state == State.CLOSED) {
                    return Optional.empty();
                }
                LockSupport.parkNanos(PONG_POLL_NANOS);
                if (Thread.interrupted()) {
                    throw VuWaits.stopped(vu, "waiting for a pong on " + request.url);
                }
            }
        } finally {
            vu.endBlocking();
        }

        long roundTripNanos = System.nanoTime() - start;
        series.ping.recordNanos(roundTripNanos);
        series.dataReceived.add(WsSeries.frameHeaderBytes(0, false));
        return Optional.of(Duration.ofNanos(roundTripNanos));
    }

    /** Closes with code 1000 and waits for the closing handshake; see {@link #close(int, String)}. */
    public Optional<WsClose> close() {
        return close(WsClose.NORMAL, "");
    }

    /**
     * Sends a close frame and waits for the server's, up to the close timeout; after that the connection is
     * cancelled. A session still connecting is cancelled at once.
     *
     * @param code   the close code, 1000 to 4999 except the reserved 1004 to 1006 and 1015 to 2999
     * @param reason at most 123 bytes of UTF-8
     * @return how the session ended, or empty when even the cancel was not reported in time
     * @throws IllegalArgumentException      when the code or reason is invalid
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<WsClose> close(int code, String reason) {
        closeAsync(code, reason);
        long waitNanos = request.closeTimeoutNanos + CLOSE_MARGIN_NANOS;
        return Optional.ofNullable(VuWaits.await(vu, closed, waitNanos, "closing " + request.url));
    }

    /**
     * Starts the closing handshake and returns at once; the connection is cancelled when the server's close
     * frame does not come within the close timeout. Does nothing when the session is already closing.
     *
     * @throws IllegalArgumentException when the code or reason is invalid
     */
    public void closeAsync(int code, String reason) {
        validateClose(code, reason);
        WebSocket socket;
        synchronized (this) {
            if (state == State.CLOSED || closeSent) {
                return;
            }
            if (state == State.CONNECTING) {
                socket = null;
            } else {
                socket = webSocket;
                closeSent = true;
                closeStartedByClient = true;
                state = State.CLOSING;
                Timers.cancel(timer);
                timer = Timers.schedule(run.scheduler(), run.errors(), "ws", request.closeTimeoutNanos,
                        () -> cancel(WsErrorCode.CLOSE_TIMEOUT));
            }
        }
        if (socket == null) {
            cancel(WsErrorCode.CANCELLED);
            return;
        }
        socket.close(code, reason.isEmpty() ? null : reason);
        long reasonBytes = Utf8.size(reason);
        series.dataSent.add(2 + reasonBytes + WsSeries.frameHeaderBytes(2 + reasonBytes, true));
    }

    /**
     * Closes the session as failed, for clients on top that judge the server dead or broken by their own
     * protocol, as Phoenix Channels do when a heartbeat gets no reply. Counts the failure in the run's error log
     * at once, then starts the closing handshake as {@link #closeAsync} does. However the handshake ends,
     * {@link #closeInfo()} carries the error and the session counts as failed. Does nothing when the session is
     * closed or was closed as failed before. Any thread.
     *
     * @param error  why the session failed; not {@link WsErrorCode#CANCELLED}
     * @param detail what happened, for people, e.g. {@code no heartbeat reply within 30s}; the log adds the name
     * @throws IllegalArgumentException when the code or reason is invalid, or the error is CANCELLED
     */
    public void closeAsFailed(int code, String reason, WsErrorCode error, String detail) {
        validateClose(code, reason);
        Objects.requireNonNull(detail, "detail");
        if (error == null || error == WsErrorCode.CANCELLED) {
            throw new IllegalArgumentException("Invalid failure " + error + ": a session closed as failed needs an"
                    + " error other than CANCELLED; use closeAsync for a close that is no failure");
        }
        synchronized (this) {
            if (state == State.CLOSED || closeFailure != null) {
                return;
            }
            closeFailure = error;
            closeFailureDetail = detail;
        }
        recordError(error, detail);
        closeAsync(code, reason);
    }

    /**
     * Checks a close code and reason before anything is sent, with the rules OkHttp enforces: RFC 6455's
     * reserved codes are rejected, and the reason must fit in a control frame.
     */
    static void validateClose(int code, String reason) {
        if (code < 1000 || code > 4999 || code >= 1004 && code <= 1006 || code >= 1015 && code <= 2999) {
            throw new IllegalArgumentException("Invalid close code " + code + ": use 1000 to 4999, except the "
                    + "reserved 1004 to 1006 and 1015 to 2999");
        }
        if (Utf8.size(reason) > 123) {
            throw new IllegalArgumentException("Invalid close reason of " + Utf8.size(reason) + " bytes: it must be"
                    + " at most 123 bytes of UTF-8");
        }
    }

    /**
     * Waits up to the timeout for the session to end.
     *
     * @return how it ended, or empty when it is still open after the timeout
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<WsClose> awaitClose(Duration timeout) {
        long timeoutNanos = VuWaits.nanos(timeout, "close timeout");
        return Optional.ofNullable(VuWaits.await(vu, closed, timeoutNanos, "waiting for " + request.url + " to close"));
    }

    /** Returns how the session ended, or empty while it is not closed. */
    public Optional<WsClose> closeInfo() {
        return Optional.ofNullable(closeInfo);
    }

    /** Returns a future that completes with this session when the upgrade succeeded or failed. */
    public CompletableFuture<WsSession> handshake() {
        return handshake;
    }

    /** Returns a future that completes when the session ended. */
    public CompletableFuture<WsClose> closeFuture() {
        return closed;
    }

    /**
     * Waits on the VU thread until the upgrade succeeded or failed, at most the connect timeout (after which
     * the session is cancelled as {@link WsErrorCode#CONNECT_TIMEOUT}).
     *
     * @return whether the session is open
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public boolean awaitHandshake() {
        long waitNanos = request.connectTimeoutNanos + CLOSE_MARGIN_NANOS;
        VuWaits.await(vu, handshake, waitNanos, "connecting to " + request.url);
        if (state == State.CONNECTING) {
            cancel(WsErrorCode.CONNECT_TIMEOUT);
        }
        return state == State.OPEN;
    }

    /**
     * Ends the connection at once without a closing handshake. A session already closed is left as it is.
     */
    void cancel(WsErrorCode reason) {
        WebSocket socket;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            cancelReason = reason;
            socket = webSocket;
        }
        if (socket != null) {
            socket.cancel();
        }
        fail(reason, reason.description(), null, true);
    }

    /**
     * Ends the session without a closing handshake: records it, counts it in the error log and notifies the
     * listener. A failure from {@link #closeAsFailed} takes the place of the code, because it is the cause and
     * was counted already.
     */
    private void fail(WsErrorCode code, String detail, Response response, boolean byClient) {
        WsClose close;
        boolean counted;
        boolean opened;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            opened = state != State.CONNECTING;
            if (!opened && response != null) {
                status = response.code();
                responseHeaders = response.headers();
            }
            counted = closeFailure != null;
            close = counted ? new WsClose(WsClose.ABNORMAL, "", byClient, closeFailure, closeFailureDetail)
                    : new WsClose(WsClose.ABNORMAL, "", byClient, code, detail);
            closeLocked(close);
        }
        if (!opened) {
            recordHandshake(close.failed() ? close.error() : null);
        }
        if (close.failed() && !counted) {
            String statusPart = code == WsErrorCode.HANDSHAKE_REJECTED ? " with HTTP " + status : "";
            recordError(code, code.description() + statusPart);
        }
        afterClose(close);
    }

    /**
     * Ends the session after a closing handshake. A close that the server started with a code outside the
     * expected ones is a failure, {@link WsErrorCode#UNEXPECTED_CLOSE}.
     */
    private void finish(int code, String reason) {
        WsClose close;
        boolean unexpected = false;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            boolean byClient = closeStartedByClient;
            if (closeFailure != null) {
                close = new WsClose(code, reason, byClient, closeFailure, closeFailureDetail);
            } else if (!byClient && !request.isExpectedClose(code)) {
                unexpected = true;
                close = new WsClose(code, reason, false, WsErrorCode.UNEXPECTED_CLOSE,
                        "the server closed the session with unexpected close code " + code
                                + (reason.isEmpty() ? "" : ", reason \"" + reason + "\""));
            } else {
                close = new WsClose(code, reason, byClient, null, null);
            }
            closeLocked(close);
        }
        if (unexpected) {
            // The reason stays out of the error log, because a server may put ids in it and make every close a
            // kind of error of its own.
            recordError(WsErrorCode.UNEXPECTED_CLOSE, "the server closed the session with unexpected close code "
                    + code);
        }
        afterClose(close);
    }

    /**
     * Counts a failure of this session in the run's error log, which logs each distinct message once. The message
     * names the session by its {@code name} tag, as HTTP errors name the request, so that sessions named with
     * {@link WsOptions#name} count as one kind of error however their URLs differ.
     */
    private void recordError(WsErrorCode code, String message) {
        run.errors().record("ws", code.code(), message + " (" + request.name() + ")", null);
    }

    /** Moves to CLOSED; the thread that does so is the only one to run {@link #afterClose}. */
    private void closeLocked(WsClose close) {
        state = State.CLOSED;
        closeInfo = close;
        Timers.cancel(timer);
        timer = null;
    }

    /**
     * Records the session's duration and outcome, releases it, and notifies the waiting threads and the listener.
     */
    private void afterClose(WsClose close) {
        WsSeries opened = series;
        if (opened != null) {
            opened.sessionDuration.recordNanos(System.nanoTime() - startNanos);
        }
        TagSet outcomeTags = handshakeTags.with("close_code", String.valueOf(close.code()));
        if (close.failed()) {
            outcomeTags = outcomeTags.with("error_code", close.error().code());
        }
        run.metrics().rate(BuiltinMetrics.WS_SESSION_FAILED, outcomeTags).add(close.failed());
        owner.forget(this);
        if (inbox != null) {
            inbox.close();
        }
        handshake.complete(this);
        closed.complete(close);
        notifyListener(listener -> listener.onClose(this, close));
    }

    /**
     * Records {@code ws_sessions} and {@code ws_connecting} once the upgrade completed or failed.
     *
     * @param failure why the upgrade failed, or null when it succeeded or was cancelled
     */
    private TagSet recordHandshake(WsErrorCode failure) {
        TagSet tags = request.tags.with("status", String.valueOf(status));
        String subprotocol = subprotocol();
        if (!subprotocol.isEmpty()) {
            tags = tags.with("subproto", subprotocol);
        }
        if (failure != null) {
            tags = tags.with("error_code", failure.code());
        }
        handshakeTags = tags;
        run.metrics().counter(BuiltinMetrics.WS_SESSIONS, tags).increment();
        run.metrics().trend(BuiltinMetrics.WS_CONNECTING, tags).recordNanos(System.nanoTime() - startNanos);
        return tags;
    }

    private void received(WsMessage message, long payloadBytes) {
        WsSeries target = series;
        target.messagesReceived.increment();
        target.dataReceived.add(payloadBytes + WsSeries.frameHeaderBytes(payloadBytes, false));
        if (inbox != null && inbox.offer(message)) {
            run.errors().record("ws", "inbox_overflow", "the inbox of " + inbox.capacity() + " messages was full, so"
                    + " the oldest message was dropped (" + request.url + "): read messages sooner with receive()"
                    + " or set WsOptions.inboxCapacity", null);
        }
        notifyListener(listener -> listener.onMessage(this, message));
    }

    private void notifyListener(Consumer<WsListener> event) {
        WsListener listener = request.listener;
        if (listener == null) {
            return;
        }
        try {
            event.accept(listener);
        } catch (RuntimeException | Error e) {
            run.errors().record("ws", "listener_failed", "a websocket listener threw " + e.getClass().getName()
                    + " (" + request.url + ")", e);
        }
    }

    /** Estimates the bytes of the upgrade request and response from OkHttp's view of them. */
    private void recordHandshakeBytes(Response response) {
        Response network = response.networkResponse() != null ? response.networkResponse() : response;
        Request sent = network.request();
        String target = sent.url().encodedPath() + (sent.url().encodedQuery() == null ? "" : "?" + sent.url().encodedQuery());
        long requestBytes = sent.method().length() + 1 + target.length() + " HTTP/1.1\r\n".length()
                + sent.headers().byteCount() + 2;
        long responseBytes = "HTTP/1.1 101 \r\n".length() + network.message().length()
                + network.headers().byteCount() + 2;
        series.dataSent.add(requestBytes);
        series.dataReceived.add(responseBytes);
    }

    /**
     * Returns the code to answer a server's close frame with: its own code, as endpoints usually echo it, or
     * 1000 for codes that must not be sent (1005 no status, 1006 abnormal, 1015 TLS) and reserved ones.
     */
    static int echoCode(int received) {
        boolean sendable = received >= 1000 && received <= 1003 || received >= 1007 && received <= 1014
                || received >= 3000 && received <= 4999;
        return sendable ? received : WsClose.NORMAL;
    }

    @Override
    public String toString() {
        return "WsSession[" + request.url + ", " + state + "]";
    }

    /** OkHttp's callbacks for this session; see {@link WsListener} for the threads that run them. */
    private final class Callbacks extends WebSocketListener {

        @Override
        public void onOpen(WebSocket socket, Response response) {
            synchronized (WsSession.this) {
                if (state != State.CONNECTING) {
                    socket.cancel();
                    return;
                }
                webSocket = socket;
                status = response.code();
                responseHeaders = response.headers();
                Timers.cancel(timer);
                timer = null;
                // The series is set before the state, so a thread that reads OPEN also reads the series.
                series = new WsSeries(run.metrics(), recordHandshake(null), request.dataTags);
                state = State.OPEN;
            }
            recordHandshakeBytes(response);
            handshake.complete(WsSession.this);
            notifyListener(listener -> listener.onOpen(WsSession.this));
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            received(WsMessage.text(text), Utf8.size(text));
        }

        @Override
        public void onMessage(WebSocket socket, ByteString bytes) {
            received(WsMessage.binaryOwned(bytes.toByteArray()), bytes.size());
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            long reasonBytes = Utf8.size(reason);
            series.dataReceived.add(2 + reasonBytes + WsSeries.frameHeaderBytes(2 + reasonBytes, false));
            boolean echo;
            synchronized (WsSession.this) {
                echo = !closeSent;
                if (echo) {
                    closeSent = true;
                    state = State.CLOSING;
                    Timers.cancel(timer);
                    timer = Timers.schedule(run.scheduler(), run.errors(), "ws", request.closeTimeoutNanos,
                            () -> cancel(WsErrorCode.CLOSE_TIMEOUT));
                }
            }
            if (echo) {
                socket.close(echoCode(code), null);
                series.dataSent.add(2 + WsSeries.frameHeaderBytes(2, true));
            }
        }

        @Override
        public void onClosed(WebSocket socket, int code, String reason) {
            finish(code, reason);
        }

        @Override
        public void onFailure(WebSocket socket, Throwable failure, Response response) {
            WsErrorCode code;
            boolean byClient;
            synchronized (WsSession.this) {
                if (state == State.CLOSED) {
                    return;
                }
                byClient = cancelReason != null;
                if (cancelReason != null) {
                    code = cancelReason;
                } else if (state == State.CONNECTING && response != null) {
                    code = response.code() == 101 ? WsErrorCode.PROTOCOL_ERROR : WsErrorCode.HANDSHAKE_REJECTED;
                } else {
                    code = WsErrorCode.classify(failure, state != State.CONNECTING);
                }
            }
            fail(code, failure.toString(), response, byClient);
        }
    }
}
