package io.liveload.core.engine;

import io.liveload.core.metrics.TagSet;

/**
 * What a VU's protocol clients (HTTP, websocket, LiveView) need from the engine: the run's shared context, the
 * tags of the samples they record, and a way to be cancelled when the run stops hard. Internal to liveload;
 * scripts use {@link io.liveload.core.Vu}.
 */
public interface VuRuntime {

    /** Returns the VU's number, starting at 1. */
    int vuId();

    /** Returns the run this VU belongs to. */
    RunContext run();

    /** Returns the tags of the samples recorded now: run, scenario, VU tags and the current group. */
    TagSet tags();

    /**
     * Registers a blocking operation (an HTTP call, a websocket wait) that a hard stop must cancel, and
     * throws {@link io.liveload.core.IterationInterruptedException} when the VU is already stopping hard.
     * Call {@link #endBlocking()} in a finally block.
     */
    void beginBlocking(Runnable cancel);

    /**
     * Registers a blocking operation as {@link #beginBlocking(Runnable)} does, which the run also cancels once
     * {@code timeoutNanos} passed, up to {@link TimedBlocking#CHECK_PERIOD_MILLIS} ms late. Call
     * {@link #endBlocking()} in a finally block.
     *
     * @return the registration; its {@link TimedBlocking#timedOut()} returns whether the run cancelled the operation
     */
    TimedBlocking beginBlocking(Runnable cancel, long timeoutNanos);

    /** Unregisters the blocking operation of {@link #beginBlocking(Runnable)}. */
    void endBlocking();

    /**
     * Registers a resource the current iteration opened (a websocket session, a Phoenix socket, a LiveView): it
     * is closed when the iteration ends unless the script keeps it with {@code Vu.getOrCreate}, which then
     * closes it when the VU ends.
     *
     * @param resource the object the script holds; {@code getOrCreate} recognizes it by identity
     * @param close    closes the resource without blocking for long
     */
    void closeAtIterationEnd(Object resource, Runnable close);

    /** Registers an {@link AutoCloseable} resource; see {@link #closeAtIterationEnd(Object, Runnable)}. */
    default void closeAtIterationEnd(AutoCloseable resource) {
        closeAtIterationEnd(resource, () -> {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Removes a resource from the iteration's list, for a client that owns a resource it opened through
     * another client (a LiveView owns its Phoenix socket and closes it itself).
     */
    void keepOpen(Object resource);

    /**
     * Returns whether the current iteration must end: the run stopped this VU hard, or its executor interrupted
     * the iteration (a ramp-down past {@code gracefulRampDown}). Blocking calls then end the iteration.
     */
    boolean hardStopped();

    /** Throws {@link io.liveload.core.IterationInterruptedException} when the VU was stopped hard. */
    default void checkNotHardStopped() {
        if (hardStopped()) {
            throw new io.liveload.core.IterationInterruptedException("VU " + vuId() + " was stopped");
        }
    }
}
