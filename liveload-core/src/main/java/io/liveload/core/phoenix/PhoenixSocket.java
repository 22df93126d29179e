package io.liveload.core.phoenix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.RunContext;
import io.liveload.core.engine.VuRuntime;
import io.liveload.core.internal.Timers;
import io.liveload.core.internal.VuWaits;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.ws.WsClose;
import io.liveload.core.ws.WsErrorCode;
import io.liveload.core.ws.WsListener;
import io.liveload.core.ws.WsMessage;
import io.liveload.core.ws.WsRequest;
import io.liveload.core.ws.WsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Phoenix socket: a websocket speaking the V2 JSON serializer ({@code vsn=2.0.0}), with the channels
 * multiplexed on it, as phoenix.js's {@code Socket}. It keeps one ref counter for all its messages (refs are
 * decimal strings "1", "2", ...), sends a heartbeat on topic {@code phoenix} one heartbeat interval after the
 * previous reply, and closes itself as dead ("heartbeat timeout", a failed websocket session with the error code
 * {@code heartbeat_timeout}) when a heartbeat gets no reply within the interval. When reconnecting is on, a
 * socket that opened once reconnects after a failure, a close with a code other than 1000 or a heartbeat
 * timeout, with phoenix.js's back-off, and every channel rejoins.
 *
 * <p>Threading: frames are read on OkHttp's reader thread, timers run on the run's timer thread, and the VU
 * thread calls the public methods. State is guarded by one lock per socket that is never held while user
 * code (listeners, payload builders, reply futures' dependents) runs. Malformed frames are counted once per
 * kind in the run's error log (category {@code phoenix}) and dropped; the socket and its other channels go on.
 *
 * <p>An idle socket holds only this object, its channels and its websocket: no thread of its own beyond
 * OkHttp's reader, and one pending timer task for the next heartbeat.
 */
public final class PhoenixSocket {

    /** The stages of a socket's life. */
    public enum State {
        /** The websocket upgrade is under way. */
        CONNECTING,
        /** The websocket is open. */
        OPEN,
        /** The websocket was lost; a reconnect is scheduled. */
        RECONNECTING,
        /** Closed for good: by {@link #close()}, the VU's end, a failed first connect, or a close without reconnect. */
        CLOSED
    }

    static final String PHOENIX_TOPIC = "phoenix";
    static final String REPLY = "phx_reply";
    static final String JOIN = "phx_join";
    static final String LEAVE = "phx_leave";
    static final String ERROR = "phx_error";
    static final String CLOSE = "phx_close";
    private static final String HEARTBEAT = "heartbeat";
    /** The close reason phoenix.js sends when a heartbeat got no reply. */
    private static final String HEARTBEAT_TIMEOUT_REASON = "heartbeat timeout";
    private static final long CLOSE_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The options of a socket, fixed when it connects. */
    record Settings(long heartbeatNanos, long timeoutNanos, boolean reconnect, int maxReconnectAttempts,
                    Backoff reconnectBackoff, boolean rejoin, Backoff rejoinBackoff, int inboxCapacity,
                    PhoenixSocketListener listener) {

        static Settings of(PhoenixOptions options) {
            return new Settings(options.heartbeatInterval().toNanos(), options.timeout().toNanos(),
                    options.reconnect(), options.maxReconnectAttempts(), new Backoff(options.reconnectBackoff()),
                    options.rejoin(), new Backoff(options.rejoinBackoff()), options.inboxCapacity(),
                    options.listener());
        }
    }

    final Settings settings;
    final Object lock = new Object();
    private final PhoenixClient client;
    private final VuRuntime vu;
    private final RunContext run;
    private final Transport transport = new Transport();
    private final CompletableFuture<WsClose> closed = new CompletableFuture<>();
    /**
     * Completes when the first websocket opened or failed and this socket's state says so. The websocket's
     * handshake future completes before its listener runs, so a caller waiting for the handshake alone could
     * still read CONNECTING.
     */
    private final CompletableFuture<State> firstOutcome = new CompletableFuture<>();
    private volatile WsRequest request;
    private volatile WsSession session;
    private volatile State state = State.CONNECTING;
    private volatile int status;
    private volatile WsClose lastClose;
    private volatile int reconnects;

    // Guarded by lock.
    final Map<String, Channel> channels = new HashMap<>(4);
    final Map<String, Push> pending = new HashMap<>(8);
    private long lastRef;
    private boolean openedOnce;
    private boolean closeRequested;
    private String heartbeatRef;
    private ScheduledFuture<?> heartbeatTask;
    private ScheduledFuture<?> reconnectTask;
    private int reconnectAttempts;

    PhoenixSocket(PhoenixClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
        this.vu = client.runtime();
        this.run = vu.run();
    }

    /** Returns the listener the websocket of this socket reports to. */
    WsListener transport() {
        return transport;
    }

    /** Opens the first websocket and returns it; the caller waits for its handshake. */
    WsSession start(WsRequest prepared) {
        this.request = prepared;
        WsSession opened;
        synchronized (lock) {
            opened = client.webSockets().open(prepared);
            session = opened;
        }
        redeliverIfClosed(opened);
        return opened;
    }

    /**
     * Hands in again the close of a session that ended before {@link #session} pointed to it, because that
     * close was ignored. A close handled already is ignored the second time, as the field no longer points to
     * the session.
     */
    private void redeliverIfClosed(WsSession opened) {
        opened.closeInfo().ifPresent(close -> transport.onClose(opened, close));
    }

    /**
     * Waits on the VU thread until the first websocket's open or failure has reached this socket's state, at
     * most {@code timeoutNanos}; the caller has waited for the handshake already, so this is short.
     */
    void awaitFirstOutcome(long timeoutNanos) {
        VuWaits.await(vu, firstOutcome, timeoutNanos, "connecting to " + url());
    }

    /** Returns the websocket URL without its query, as {@code ws://host:port/path}. */
    public String url() {
        WsRequest prepared = request;
        return prepared == null ? "" : prepared.url();
    }

    /** Returns the socket's state now. */
    public State state() {
        return state;
    }

    /** Returns whether the websocket is open. */
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /**
     * Returns the HTTP status of the latest websocket upgrade: 101 when it succeeded, the server's status when
     * it was rejected (e.g. 403 for a bad origin or {@code vsn}), 0 when no response came.
     */
    public int status() {
        return status;
    }

    /** Returns how the latest websocket ended, or empty while the first one is still open. */
    public Optional<WsClose> lastClose() {
        return Optional.ofNullable(lastClose);
    }

    /** Returns how many times the socket reconnected successfully. */
    public int reconnects() {
        return reconnects;
    }

    /** Creates a channel whose server messages go to an inbox read with {@link Channel#receive}. */
    public Channel channel(String topic) {
        return createChannel(topic, null);
    }

    /** Creates a channel whose server messages go to the listener; see {@link ChannelListener} for threads. */
    public Channel channel(String topic, ChannelListener listener) {
        return createChannel(topic, Objects.requireNonNull(listener, "listener"));
    }

    private Channel createChannel(String topic, ChannelListener listener) {
        Objects.requireNonNull(topic, "topic");
        if (topic.isEmpty() || topic.equals(PHOENIX_TOPIC)) {
            throw new IllegalArgumentException("Invalid topic \"" + topic + "\": it must not be empty, and \""
                    + PHOENIX_TOPIC + "\" is reserved for heartbeats");
        }
        synchronized (lock) {
            if (state == State.CLOSED) {
                throw new IllegalStateException("The socket to " + url() + " is closed; connect a new one");
            }
            Channel existing = channels.get(topic);
            if (existing != null && existing.state() != Channel.State.LEAVING) {
                throw new IllegalStateException("The socket already has a channel for topic \"" + topic
                        + "\"; leave it before creating another");
            }
            Channel channel = new Channel(this, topic, listener);
            channels.put(topic, channel);
            return channel;
        }
    }

    /**
     * Closes the socket and waits for the websocket's closing handshake, at most its close timeout. Every
     * channel closes; pushes without reply complete with {@link Reply#CHANNEL_LOST}. No reconnect follows.
     *
     * @return how the websocket ended, or empty when that was not reported in time
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<WsClose> close() {
        closeAsync();
        WsRequest prepared = request;
        long waitNanos = (prepared == null ? 0 : prepared.closeTimeout().toNanos()) + CLOSE_MARGIN_NANOS;
        return Optional.ofNullable(VuWaits.await(vu, closed, waitNanos, "closing " + url()));
    }

    /** Starts closing the socket for good and returns at once; see {@link #close()}. Any thread. */
    public void closeAsync() {
        WsSession current;
        Deferred after = new Deferred(this);
        synchronized (lock) {
            if (closeRequested) {
                return;
            }
            closeRequested = true;
            Timers.cancel(reconnectTask);
            Timers.cancel(heartbeatTask);
            current = session;
            if (current == null) {
                socketDownLocked(new WsClose(WsClose.NORMAL, "", true, null, null), false, after);
            }
        }
        if (current != null) {
            current.closeAsync(WsClose.NORMAL, "");
        }
        after.run();
    }

    /** Returns a future that completes when the socket closed for good. */
    public CompletableFuture<WsClose> closeFuture() {
        return closed;
    }

    // ---- used by Channel and Push, under the lock unless noted ----

    VuRuntime runtime() {
        return vu;
    }

    RunContext run() {
        return run;
    }

    boolean isOpenLocked() {
        return state == State.OPEN && session != null;
    }

    String nextRefLocked() {
        lastRef++;
        return Long.toString(lastRef);
    }

    void sendLocked(String frame) {
        WsSession current = session;
        if (current != null) {
            current.send(frame);
        }
    }

    void sendBinaryLocked(byte[] frame) {
        WsSession current = session;
        if (current != null) {
            current.sendBinary(frame);
        }
    }

    /** Runs the task on the run's timer after the delay; counted in the error log if it throws. */
    ScheduledFuture<?> schedule(long delayNanos, Runnable task) {
        return Timers.schedule(run.scheduler(), run.errors(), "phoenix", delayNanos, task);
    }

    /** Completes a push that got no reply in time; runs on the timer thread. */
    void timedOut(Push push) {
        Deferred after = new Deferred(this);
        synchronized (lock) {
            if (push.isDone()) {
                return;
            }
            if (push.ref != null) {
                pending.remove(push.ref);
            }
            push.channel.timedOutLocked(push, after);
        }
        after.run();
    }

    /** Runs user code (a listener, a future's dependents) and counts what it throws. Never under the lock. */
    void runSafely(Runnable action) {
        try {
            action.run();
        } catch (IterationInterruptedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            run.errors().record("phoenix", "listener_failed", "a Phoenix listener threw " + e.getClass().getName()
                    + " (" + url() + ")", e);
        }
    }

    // ---- connection life ----

    private void scheduleHeartbeatLocked() {
        Timers.cancel(heartbeatTask);
        heartbeatTask = schedule(settings.heartbeatNanos, this::sendHeartbeat);
    }

    private void sendHeartbeat() {
        synchronized (lock) {
            if (!isOpenLocked() || heartbeatRef != null) {
                return;
            }
            String ref = nextRefLocked();
            heartbeatRef = ref;
            sendLocked(PhoenixFrames.frame(null, ref, PHOENIX_TOPIC, HEARTBEAT, PhoenixFrames.EMPTY_OBJECT));
            heartbeatTask = schedule(settings.heartbeatNanos, () -> heartbeatTimedOut(ref));
        }
    }

    /**
     * Closes the websocket as dead, as phoenix.js does, with 1000 and the reason "heartbeat timeout". The
     * websocket session counts as failed with {@link WsErrorCode#HEARTBEAT_TIMEOUT}, which also counts it in the
     * run's error log under {@code ws}.
     */
    private void heartbeatTimedOut(String ref) {
        WsSession dead;
        String detail = "no heartbeat reply within " + DurationFormat.format(Duration.ofNanos(settings.heartbeatNanos))
                + ", so the socket was closed";
        Deferred after = new Deferred(this);
        synchronized (lock) {
            if (!ref.equals(heartbeatRef) || !isOpenLocked()) {
                return;
            }
            dead = session;
            session = null;
            socketDownLocked(new WsClose(WsClose.NORMAL, HEARTBEAT_TIMEOUT_REASON, true,
                    WsErrorCode.HEARTBEAT_TIMEOUT, detail), true, after);
        }
        dead.closeAsFailed(WsClose.NORMAL, HEARTBEAT_TIMEOUT_REASON, WsErrorCode.HEARTBEAT_TIMEOUT, detail);
        after.run();
    }

    /**
     * Handles the loss of the websocket: fails what waits for a reply, errors the channels and schedules a
     * reconnect, or closes everything for good.
     *
     * @param heartbeatTimeout whether the socket closed itself because a heartbeat went unanswered; that
     *                         reconnects although liveload closed the websocket with 1000
     */
    private void socketDownLocked(WsClose close, boolean heartbeatTimeout, Deferred after) {
        if (state == State.CLOSED) {
            return;
        }
        Timers.cancel(heartbeatTask);
        heartbeatTask = null;
        heartbeatRef = null;
        lastClose = close;

        boolean lostByServer = heartbeatTimeout || !close.byClient() && close.code() != WsClose.NORMAL;
        boolean willReconnect = !closeRequested && settings.reconnect && openedOnce && lostByServer
                && reconnectAttempts < settings.maxReconnectAttempts;
        if (willReconnect) {
            state = State.RECONNECTING;
            for (Channel channel : channels.values()) {
                channel.socketLostLocked(after);
            }
            reconnectAttempts++;
            reconnectTask = schedule(settings.reconnectBackoff.delayNanos(reconnectAttempts), this::reconnect);
        } else {
            state = State.CLOSED;
            for (Channel channel : new ArrayList<>(channels.values())) {
                channel.closedLocked("socket closed", after);
            }
            channels.clear();
        }

        for (Iterator<Push> leftover = pending.values().iterator(); leftover.hasNext(); ) {
            Push push = leftover.next();
            leftover.remove();
            Timers.cancel(push.timeoutTask);
            after.complete(push, Reply.local(Reply.CHANNEL_LOST, push.elapsedNanos()));
        }

        PhoenixSocketListener listener = settings.listener;
        if (listener != null) {
            after.add(() -> listener.onClose(this, close, willReconnect));
        }
        if (!willReconnect) {
            after.add(() -> client.forget(this));
            after.add(() -> closed.complete(close));
        }
        after.add(() -> firstOutcome.complete(state));
    }

    private void reconnect() {
        WsSession opened;
        synchronized (lock) {
            if (closeRequested || state != State.RECONNECTING) {
                return;
            }
            state = State.CONNECTING;
            opened = client.webSockets().open(request);
            session = opened;
        }
        redeliverIfClosed(opened);
    }

    private void dispatch(WsSession from, PhoenixMessage message) {
        Deferred after = null;
        Channel target = null;
        synchronized (lock) {
            if (from != session) {
                return;
            }
            if (REPLY.equals(message.event())) {
                String ref = message.ref();
                if (ref == null) {
                    return;
                }
                if (ref.equals(heartbeatRef) && PHOENIX_TOPIC.equals(message.topic())) {
                    heartbeatRef = null;
                    scheduleHeartbeatLocked();
                    return;
                }
                Push push = pending.remove(ref);
                if (push == null) {
                    return;
                }
                Timers.cancel(push.timeoutTask);
                after = new Deferred(this);
                push.channel.repliedLocked(push, replyOf(message, push), after);
            } else {
                Channel channel = channels.get(message.topic());
                // Messages of an earlier join of this topic carry its join ref; phoenix.js drops them too.
                if (channel == null || message.joinRef() != null && !message.joinRef().equals(channel.joinRef())) {
                    return;
                }
                switch (message.event()) {
                    case ERROR -> {
                        after = new Deferred(this);
                        channel.erroredLocked(reasonOf(message.payload()), after);
                    }
                    case CLOSE -> {
                        after = new Deferred(this);
                        channel.closedLocked(CLOSE, after);
                    }
                    default -> target = channel;
                }
            }
        }
        if (after != null) {
            after.run();
        }
        if (target != null) {
            target.deliver(message);
        }
    }

    private Reply replyOf(PhoenixMessage message, Push push) {
        Duration elapsed = Duration.ofNanos(Math.max(0, push.elapsedNanos()));
        JsonNode payload = message.payload();
        JsonNode status = payload.get("status");
        if (status == null || !status.isTextual() || status.textValue().isEmpty()) {
            countMalformed(MalformedFrameException.Kind.INVALID_REPLY);
            return new Reply(Reply.ERROR, payload, elapsed);
        }
        JsonNode response = payload.get("response");
        return new Reply(status.textValue(), response != null ? response : JsonNodeFactory.instance.objectNode(),
                elapsed);
    }

    private static String reasonOf(JsonNode payload) {
        JsonNode reason = payload.get("reason");
        return reason != null && reason.isTextual() ? reason.textValue() : ERROR;
    }

    private void countMalformed(MalformedFrameException.Kind kind) {
        run.errors().record("phoenix", "malformed_frame", "malformed frame dropped: " + kind.description
                + " (" + url() + ")", null);
    }

    @Override
    public String toString() {
        return "PhoenixSocket[" + url() + ", " + state + "]";
    }

    /** Receives the websocket's events; see {@link WsListener} for the threads. */
    private final class Transport implements WsListener {

        @Override
        public void onOpen(WsSession opened) {
            List<Channel> toJoin = new ArrayList<>();
            boolean reconnected;
            synchronized (lock) {
                if (opened != session) {
                    return;
                }
                state = State.OPEN;
                status = opened.status();
                reconnected = openedOnce;
                openedOnce = true;
                reconnectAttempts = 0;
                if (reconnected) {
                    reconnects++;
                }
                scheduleHeartbeatLocked();
                for (Channel channel : channels.values()) {
                    if (channel.needsJoinOnOpenLocked()) {
                        toJoin.add(channel);
                    }
                }
            }
            firstOutcome.complete(State.OPEN);
            for (Channel channel : toJoin) {
                channel.rejoin();
            }
            PhoenixSocketListener listener = settings.listener;
            if (listener != null) {
                runSafely(() -> listener.onOpen(PhoenixSocket.this, reconnected));
            }
        }

        @Override
        public void onMessage(WsSession from, WsMessage message) {
            if (from != session) {
                return;
            }
            PhoenixMessage decoded;
            try {
                decoded = message.isText() ? PhoenixFrames.decode(message.text()) : PhoenixFrames.decode(message.bytes());
            } catch (MalformedFrameException e) {
                countMalformed(e.kind);
                return;
            }
            dispatch(from, decoded);
        }

        @Override
        public void onClose(WsSession ended, WsClose close) {
            Deferred after = new Deferred(PhoenixSocket.this);
            synchronized (lock) {
                if (ended != session) {
                    return;
                }
                session = null;
                status = ended.status();
                socketDownLocked(close, false, after);
            }
            after.run();
        }
    }
}
