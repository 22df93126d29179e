package io.liveload.core.phoenix;

import io.liveload.core.IterationInterruptedException;
import io.liveload.core.internal.VuWaits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One message pushed on a channel, and its reply to come. The reply future completes exactly once: with the
 * server's reply, or with {@link Reply#TIMEOUT} or {@link Reply#CHANNEL_LOST}. While the run goes on, it
 * completes by the push's timeout at the latest, because the run's timer enforces it. Dependent actions on the future run on the thread that completes it (the socket's
 * reader or the run's timer); keep them short.
 */
public final class Push {

    /** The role of a push in its channel's life. */
    enum Kind {
        JOIN, LEAVE, MESSAGE
    }

    private static final long AWAIT_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    final Channel channel;
    final String event;
    final Kind kind;
    final long timeoutNanos;
    final long createdNanos = System.nanoTime();
    private final CompletableFuture<Reply> reply = new CompletableFuture<>();

    // Guarded by the socket's lock.
    String payloadJson;
    byte[] binaryPayload;
    String ref;
    long sentNanos;
    ScheduledFuture<?> timeoutTask;

    Push(Channel channel, String event, Kind kind, long timeoutNanos) {
        this.channel = channel;
        this.event = event;
        this.kind = kind;
        this.timeoutNanos = timeoutNanos;
    }

    /** Returns the event, e.g. {@code phx_join} or an application event. */
    public String event() {
        return event;
    }

    /** Returns the future of the reply. */
    public CompletableFuture<Reply> reply() {
        return reply;
    }

    /** Returns whether the reply or liveload's verdict is there. */
    public boolean isDone() {
        return reply.isDone();
    }

    /**
     * Waits for the reply on the VU thread. The wait ends by the push's timeout at the latest, with a
     * {@link Reply#TIMEOUT} reply.
     *
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Reply await() {
        Reply result = VuWaits.await(channel.socket().runtime(), reply, timeoutNanos + AWAIT_MARGIN_NANOS,
                "waiting for the reply to " + event + " on " + channel.topic());
        return result != null ? result : Reply.local(Reply.TIMEOUT, System.nanoTime() - createdNanos);
    }

    /** Completes the push; returns false when it was already complete. */
    boolean complete(Reply result) {
        return reply.complete(result);
    }

    /** Returns the nanoseconds from sending (or from creation while unsent) to now. */
    long elapsedNanos() {
        return System.nanoTime() - (ref != null ? sentNanos : createdNanos);
    }

    @Override
    public String toString() {
        return "Push[" + channel.topic() + " " + event + ", ref " + ref + "]";
    }
}
