package io.liveload.core.phoenix;

import io.liveload.core.IterationInterruptedException;
import io.liveload.core.internal.Inbox;
import io.liveload.core.internal.Timers;
import io.liveload.core.internal.VuWaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;

/**
 * One channel on a {@link PhoenixSocket}, as phoenix.js's {@code Channel}: a topic joined once, then pushed
 * to, with the server's pushes delivered to a listener or an inbox.
 *
 * <p>Life: {@link #join} sends {@code phx_join}. An ok reply makes the channel joined. An error reply, a join
 * timeout (then a {@code phx_leave} is sent as well), a {@code phx_error} from the server or the loss of the
 * socket makes it errored; while rejoining is on and the socket is open, an errored channel rejoins after 1,
 * 2, 5, then every 10 s (the rejoin back-off), and at once when the socket reconnects. Each join frame takes
 * its payload from the {@link JoinPayload}, so rejoins can carry fresh values. {@code phx_close} from the
 * server, {@link #leave()} or the socket's final close close the channel for good, without rejoin.
 *
 * <p>Pushes made before the join reply, or while the channel rejoins, wait in a buffer (at most 100) and go
 * out once the channel is joined, because the server must not receive them before its join reply. Their
 * timeout runs while they wait and starts again when they are sent, as in phoenix.js. Server messages whose join ref is set but is not the channel's current
 * one are left-overs of an earlier join and are dropped.
 *
 * <p>Threading: the public methods may be called from any thread; the waiting ones ({@link #receive},
 * {@link #await}, {@link Push#await()}) belong to the VU thread, are bounded and end with
 * {@link IterationInterruptedException} when the run stops the VU hard.
 */
public final class Channel {

    /** The stages of a channel's life. */
    public enum State {
        /** Not joined yet, or closed for good. */
        CLOSED,
        /** A join was sent (or waits for the socket) and has no reply yet. */
        JOINING,
        /** The server accepted the join. */
        JOINED,
        /** A leave was sent and has no reply yet. */
        LEAVING,
        /** The join failed or the channel crashed; it rejoins if rejoining is on. */
        ERRORED
    }

    /** Pushes kept while the channel is not joined; more complete at once with {@link Reply#CHANNEL_LOST}. */
    static final int MAX_BUFFERED_PUSHES = 100;

    private final PhoenixSocket socket;
    private final String topic;
    private final ChannelListener listener;
    private final Inbox<PhoenixMessage> inbox;
    private volatile State state = State.CLOSED;
    private volatile String joinRef;
    private volatile int joinAttempts;

    // Guarded by the socket's lock.
    private JoinPayload payload;
    private boolean joinedOnce;
    private boolean finished;
    private int rejoinTries;
    private ScheduledFuture<?> rejoinTask;
    private Push joinPush;
    private List<Push> buffer;

    Channel(PhoenixSocket socket, String topic, ChannelListener listener) {
        this.socket = socket;
        this.topic = topic;
        this.listener = listener;
        this.inbox = listener == null ? new Inbox<>(socket.settings.inboxCapacity()) : null;
    }

    /** Returns the topic, e.g. {@code room:lobby}. */
    public String topic() {
        return topic;
    }

    /** Returns the socket this channel lives on. */
    public PhoenixSocket socket() {
        return socket;
    }

    /** Returns the channel's state now. */
    public State state() {
        return state;
    }

    /** Returns the ref of the latest join frame sent, which every message of this join carries; null before. */
    public String joinRef() {
        return joinRef;
    }

    /** Returns how many join frames were sent: the first join and every rejoin. */
    public int joinAttempts() {
        return joinAttempts;
    }

    /** Joins with a fixed payload; see {@link #join(JoinPayload)}. */
    public Push join(Object payload) {
        return join(JoinPayload.of(payload));
    }

    /**
     * Sends {@code phx_join}, or sends it once the socket opens if it is still connecting. A channel is
     * joined once; rejoins are automatic. The returned push completes with the reply to this first join, or
     * with {@link Reply#TIMEOUT} after the socket's reply timeout.
     *
     * @throws IllegalStateException    when the channel was joined before or is closed
     * @throws IllegalArgumentException when the payload cannot be written as JSON
     */
    public Push join(JoinPayload payloadBuilder) {
        Objects.requireNonNull(payloadBuilder, "payload builder");
        String json = PhoenixFrames.payloadJson(payloadBuilder.build(0));
        Push push = new Push(this, PhoenixSocket.JOIN, Push.Kind.JOIN, socket.settings.timeoutNanos());
        synchronized (socket.lock) {
            if (finished) {
                throw new IllegalStateException("Channel \"" + topic + "\" is closed; create a new channel to join"
                        + " the topic again");
            }
            if (joinedOnce) {
                throw new IllegalStateException("Channel \"" + topic + "\" was joined before: join is called once "
                        + "per channel and rejoins are automatic");
            }
            joinedOnce = true;
            payload = payloadBuilder;
            joinPush = push;
            state = State.JOINING;
            push.payloadJson = json;
            push.timeoutTask = socket.schedule(push.timeoutNanos, () -> socket.timedOut(push));
            sendJoinLocked(push);
        }
        return push;
    }

    /** Pushes an event with the socket's reply timeout; see {@link #push(String, Object, Duration)}. */
    public Push push(String event, Object payload) {
        return push(event, payload, Duration.ofNanos(socket.settings.timeoutNanos()));
    }

    /**
     * Pushes an event. It is sent at once when the channel is joined, else kept until the join reply.
     *
     * @param payload serialized with Jackson (a map, a record or a {@code JsonNode}); a {@code String} is taken
     *                as JSON text already; null sends {@code {}}
     * @param timeout time from sending the push after which it completes with {@link Reply#TIMEOUT}
     * @throws IllegalStateException    when the channel was never joined
     * @throws IllegalArgumentException when the payload cannot be written as JSON or the event is reserved
     */
    public Push push(String event, Object payload, Duration timeout) {
        Push push = newPush(event, timeout);
        push.payloadJson = PhoenixFrames.payloadJson(payload);
        return enqueue(push);
    }

    /**
     * Pushes an event with a binary payload, sent as a binary frame; the server's channel receives
     * {@code {:binary, data}}. Otherwise as {@link #push(String, Object, Duration)}.
     */
    public Push pushBinary(String event, byte[] payload, Duration timeout) {
        Push push = newPush(event, timeout);
        push.binaryPayload = payload.clone();
        return enqueue(push);
    }

    private Push newPush(String event, Duration timeout) {
        Objects.requireNonNull(event, "event");
        if (event.startsWith("phx_")) {
            throw new IllegalArgumentException("Invalid event \"" + event + "\": phx_ events are the protocol's own;"
                    + " use join() and leave()");
        }
        long timeoutNanos = VuWaits.nanos(timeout, "push timeout");
        return new Push(this, event, Push.Kind.MESSAGE, timeoutNanos);
    }

    private Push enqueue(Push push) {
        Deferred after = new Deferred(socket);
        synchronized (socket.lock) {
            if (!joinedOnce) {
                throw new IllegalStateException("Cannot push \"" + push.event + "\" on channel \"" + topic
                        + "\" before joining it: call join() first");
            }
            if (finished || state == State.LEAVING) {
                after.complete(push, Reply.local(Reply.CHANNEL_LOST, 0));
            } else {
                push.timeoutTask = socket.schedule(push.timeoutNanos, () -> socket.timedOut(push));
                if (state == State.JOINED && socket.isOpenLocked()) {
                    sendPushLocked(push);
                } else {
                    bufferLocked(push, after);
                }
            }
        }
        after.run();
        return push;
    }

    private void bufferLocked(Push push, Deferred after) {
        if (buffer == null) {
            buffer = new ArrayList<>(4);
        }
        if (buffer.size() >= MAX_BUFFERED_PUSHES) {
            Timers.cancel(push.timeoutTask);
            after.complete(push, Reply.local(Reply.CHANNEL_LOST, 0));
            socket.run().errors().record("phoenix", "push_buffer_full", "a push was dropped because "
                    + MAX_BUFFERED_PUSHES + " pushes already wait for the channel's join (" + socket.url() + ")", null);
            return;
        }
        buffer.add(push);
    }

    /**
     * Leaves the channel: sends {@code phx_leave} when joined, and closes the channel when the reply comes or
     * times out. When the channel is not joined (or the socket is down) it closes at once and the push
     * completes with an ok reply, as phoenix.js does. Stops any rejoin.
     */
    public Push leave() {
        Push push = new Push(this, PhoenixSocket.LEAVE, Push.Kind.LEAVE, socket.settings.timeoutNanos());
        push.payloadJson = PhoenixFrames.EMPTY_OBJECT;
        Deferred after = new Deferred(socket);
        synchronized (socket.lock) {
            Timers.cancel(rejoinTask);
            rejoinTask = null;
            if (finished || state == State.LEAVING) {
                after.complete(push, Reply.local(Reply.OK, 0));
            } else if (state == State.JOINED && socket.isOpenLocked()) {
                state = State.LEAVING;
                push.timeoutTask = socket.schedule(push.timeoutNanos, () -> socket.timedOut(push));
                sendPushLocked(push);
            } else {
                if (joinRef != null && socket.isOpenLocked()) {
                    String ref = socket.nextRefLocked();
                    socket.sendLocked(PhoenixFrames.frame(joinRef, ref, topic, PhoenixSocket.LEAVE,
                            PhoenixFrames.EMPTY_OBJECT));
                }
                after.complete(push, Reply.local(Reply.OK, 0));
                closedLocked("leave", after);
            }
        }
        after.run();
        return push;
    }

    /**
     * Takes the oldest server message, waiting up to the timeout for one.
     *
     * @return the message, or empty when none came in time or the channel closed and its inbox is drained
     * @throws IllegalStateException         when the channel has a listener instead of an inbox
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<PhoenixMessage> receive(Duration timeout) {
        long timeoutNanos = VuWaits.nanos(timeout, "receive timeout");
        return Optional.ofNullable(VuWaits.poll(socket.runtime(), requireInbox(), timeoutNanos,
                "receiving on channel " + topic));
    }

    /** Takes the oldest server message without waiting. */
    public Optional<PhoenixMessage> poll() {
        return Optional.ofNullable(requireInbox().poll());
    }

    /**
     * Takes server messages until one matches, waiting up to the timeout in total; messages that do not match
     * are dropped.
     *
     * @return the first matching message, or empty when none came in time or the channel closed
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<PhoenixMessage> await(Predicate<? super PhoenixMessage> condition, Duration timeout) {
        Inbox<PhoenixMessage> messages = requireInbox();
        long deadline = System.nanoTime() + VuWaits.nanos(timeout, "await timeout");
        while (true) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            PhoenixMessage message = VuWaits.poll(socket.runtime(), messages, remaining, "waiting on channel " + topic);
            if (message == null) {
                return Optional.empty();
            }
            if (condition.test(message)) {
                return Optional.of(message);
            }
        }
    }

    /** Returns how many server messages were dropped because the inbox was full. */
    public long droppedMessages() {
        return inbox == null ? 0 : inbox.dropped();
    }

    private Inbox<PhoenixMessage> requireInbox() {
        if (inbox == null) {
            throw new IllegalStateException("Channel \"" + topic + "\" delivers its messages to its listener and "
                    + "keeps no inbox");
        }
        return inbox;
    }

    /** Hands a server push or broadcast to the listener or the inbox; runs on the reader thread, unlocked. */
    void deliver(PhoenixMessage message) {
        if (listener != null) {
            socket.runSafely(() -> listener.onMessage(this, message));
        } else if (inbox.offer(message)) {
            socket.run().errors().record("phoenix", "inbox_overflow", "the inbox of channel messages was full ("
                    + inbox.capacity() + "), so the oldest was dropped (" + socket.url() + "): read sooner with "
                    + "receive() or raise PhoenixOptions.inboxCapacity", null);
        }
    }

    // ---- join life, called with the socket's lock held unless noted ----

    /** Sends the join push now if the socket is open; else it goes out when the socket opens. */
    private void sendJoinLocked(Push push) {
        if (!socket.isOpenLocked()) {
            return;
        }
        String ref = socket.nextRefLocked();
        joinRef = ref;
        push.ref = ref;
        restartTimeoutLocked(push);
        joinAttempts++;
        socket.pending.put(ref, push);
        socket.sendLocked(PhoenixFrames.frame(ref, ref, topic, PhoenixSocket.JOIN, push.payloadJson));
    }

    private void sendPushLocked(Push push) {
        String ref = socket.nextRefLocked();
        push.ref = ref;
        restartTimeoutLocked(push);
        socket.pending.put(ref, push);
        if (push.binaryPayload != null) {
            socket.sendBinaryLocked(PhoenixFrames.binaryFrame(joinRef, ref, topic, push.event, push.binaryPayload));
        } else {
            socket.sendLocked(PhoenixFrames.frame(joinRef, ref, topic, push.event, push.payloadJson));
        }
    }

    /**
     * Marks the push as sent now and starts its timeout again, as phoenix.js does when it sends a push, so
     * the timeout counts from the frame going out also for a push that waited for the join.
     */
    private void restartTimeoutLocked(Push push) {
        push.sentNanos = System.nanoTime();
        Timers.cancel(push.timeoutTask);
        push.timeoutTask = socket.schedule(push.timeoutNanos, () -> socket.timedOut(push));
    }

    /**
     * Returns whether the socket, now open, must send a join for this channel: an errored channel rejoins at
     * once, and a first join that waited for the socket goes out. Resets the rejoin back-off.
     */
    boolean needsJoinOnOpenLocked() {
        Timers.cancel(rejoinTask);
        rejoinTask = null;
        rejoinTries = 0;
        return !finished && (state == State.ERRORED || state == State.JOINING && joinPush != null && joinPush.ref == null);
    }

    /**
     * Sends a join for an errored channel, or the first join that waited for the socket. Builds the payload
     * without the lock, because it is user code. Runs on the reader or the timer thread.
     */
    void rejoin() {
        int attempt;
        synchronized (socket.lock) {
            if (finished || !socket.isOpenLocked()) {
                return;
            }
            if (state == State.JOINING && joinPush != null && joinPush.ref == null) {
                sendJoinLocked(joinPush);
                return;
            }
            if (state != State.ERRORED) {
                return;
            }
            attempt = joinAttempts;
        }
        String json;
        try {
            json = PhoenixFrames.payloadJson(payload.build(attempt));
        } catch (RuntimeException e) {
            socket.run().errors().record("phoenix", "join_payload_failed", "building the rejoin payload of a"
                    + " channel threw " + e.getClass().getName() + " (" + socket.url() + ")", e);
            synchronized (socket.lock) {
                if (!finished && state == State.ERRORED && socket.settings.rejoin()) {
                    scheduleRejoinLocked();
                }
            }
            return;
        }
        synchronized (socket.lock) {
            if (finished || state != State.ERRORED || !socket.isOpenLocked()) {
                return;
            }
            Push push = new Push(this, PhoenixSocket.JOIN, Push.Kind.JOIN, socket.settings.timeoutNanos());
            push.payloadJson = json;
            joinPush = push;
            state = State.JOINING;
            push.timeoutTask = socket.schedule(push.timeoutNanos, () -> socket.timedOut(push));
            sendJoinLocked(push);
        }
    }

    private void scheduleRejoinLocked() {
        rejoinTries++;
        Timers.cancel(rejoinTask);
        rejoinTask = socket.schedule(socket.settings.rejoinBackoff().delayNanos(rejoinTries), this::rejoin);
    }

    private void scheduleRejoinIfEnabledLocked() {
        if (socket.settings.rejoin() && socket.isOpenLocked()) {
            scheduleRejoinLocked();
        }
    }

    /** Handles the reply to one of this channel's pushes. */
    void repliedLocked(Push push, Reply reply, Deferred after) {
        after.complete(push, reply);
        switch (push.kind) {
            case JOIN -> joinRepliedLocked(push, reply, after);
            case LEAVE -> closedLocked("leave", after);
            case MESSAGE -> {
                // The future carries the reply; nothing else changes.
            }
        }
    }

    private void joinRepliedLocked(Push push, Reply reply, Deferred after) {
        notifyJoin(reply, after);
        if (push != joinPush || state != State.JOINING) {
            return;
        }
        joinPush = null;
        if (reply.isOk()) {
            state = State.JOINED;
            rejoinTries = 0;
            Timers.cancel(rejoinTask);
            rejoinTask = null;
            flushBufferLocked();
        } else {
            state = State.ERRORED;
            scheduleRejoinIfEnabledLocked();
        }
    }

    private void flushBufferLocked() {
        if (buffer == null) {
            return;
        }
        List<Push> waiting = buffer;
        buffer = null;
        for (Push push : waiting) {
            if (!push.isDone()) {
                sendPushLocked(push);
            }
        }
    }

    /** Handles a push without reply in time; the socket already removed it from the pending replies. */
    void timedOutLocked(Push push, Deferred after) {
        Reply reply = Reply.local(Reply.TIMEOUT, push.elapsedNanos());
        after.complete(push, reply);
        if (buffer != null) {
            buffer.remove(push);
        }
        switch (push.kind) {
            case JOIN -> {
                notifyJoin(reply, after);
                if (push == joinPush && state == State.JOINING) {
                    joinPush = null;
                    if (push.ref != null && socket.isOpenLocked()) {
                        socket.sendLocked(PhoenixFrames.frame(joinRef, socket.nextRefLocked(), topic,
                                PhoenixSocket.LEAVE, PhoenixFrames.EMPTY_OBJECT));
                    }
                    state = State.ERRORED;
                    scheduleRejoinIfEnabledLocked();
                }
            }
            case LEAVE -> closedLocked("leave", after);
            case MESSAGE -> {
                // Only the push itself timed out.
            }
        }
    }

    /** Handles {@code phx_error}: the server's channel process crashed. */
    void erroredLocked(String reason, Deferred after) {
        if (finished) {
            return;
        }
        if (state == State.LEAVING) {
            closedLocked(reason, after);
            return;
        }
        failInFlightLocked(after, true);
        joinPush = null;
        state = State.ERRORED;
        if (listener != null) {
            after.add(() -> listener.onError(this, reason));
        }
        scheduleRejoinIfEnabledLocked();
    }

    /** Handles the loss of the socket when a reconnect follows: the channel rejoins once the socket opens. */
    void socketLostLocked(Deferred after) {
        Timers.cancel(rejoinTask);
        rejoinTask = null;
        rejoinTries = 0;
        if (finished) {
            return;
        }
        if (state == State.LEAVING) {
            closedLocked("socket closed", after);
            return;
        }
        boolean unsentJoin = state == State.JOINING && joinPush != null && joinPush.ref == null;
        failInFlightLocked(after, true);
        if (unsentJoin || state == State.CLOSED || state == State.ERRORED) {
            return;
        }
        joinPush = null;
        state = State.ERRORED;
        if (listener != null) {
            after.add(() -> listener.onError(this, "socket closed"));
        }
    }

    /** Closes the channel for good: {@code phx_close}, a leave, or the socket's final close. */
    void closedLocked(String reason, Deferred after) {
        if (finished) {
            return;
        }
        finished = true;
        state = State.CLOSED;
        Timers.cancel(rejoinTask);
        rejoinTask = null;
        socket.channels.remove(topic, this);
        failInFlightLocked(after, false);
        if (joinPush != null && !joinPush.isDone()) {
            Timers.cancel(joinPush.timeoutTask);
            after.complete(joinPush, Reply.local(Reply.CHANNEL_LOST, joinPush.elapsedNanos()));
            joinPush = null;
        }
        if (buffer != null) {
            for (Push push : buffer) {
                Timers.cancel(push.timeoutTask);
                after.complete(push, Reply.local(Reply.CHANNEL_LOST, push.elapsedNanos()));
            }
            buffer = null;
        }
        after.add(() -> {
            if (inbox != null) {
                inbox.close();
            }
            if (listener != null) {
                listener.onClose(this, reason);
            }
        });
    }

    /**
     * Completes this channel's sent pushes that wait for a reply with {@link Reply#CHANNEL_LOST}, because the
     * server's channel process that would reply is gone.
     *
     * @param includeLeave whether a pending leave fails too; when the channel closes, it is left to its reply
     */
    private void failInFlightLocked(Deferred after, boolean includeLeave) {
        for (Iterator<Push> pushes = socket.pending.values().iterator(); pushes.hasNext(); ) {
            Push push = pushes.next();
            if (push.channel != this || !includeLeave && push.kind == Push.Kind.LEAVE) {
                continue;
            }
            pushes.remove();
            Timers.cancel(push.timeoutTask);
            Reply lost = Reply.local(Reply.CHANNEL_LOST, push.elapsedNanos());
            after.complete(push, lost);
            if (push.kind == Push.Kind.JOIN) {
                notifyJoin(lost, after);
            }
        }
    }

    private void notifyJoin(Reply reply, Deferred after) {
        if (listener != null) {
            after.add(() -> listener.onJoin(this, reply));
        }
    }

    @Override
    public String toString() {
        return "Channel[" + topic + ", " + state + "]";
    }
}
