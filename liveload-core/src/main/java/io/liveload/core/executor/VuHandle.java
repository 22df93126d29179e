package io.liveload.core.executor;

/** What an executor controls of one VU: its iterations, whether it counts as active, and a hard stop. */
public interface VuHandle {

    /** Returns the VU's number, unique in the run. */
    int id();

    /**
     * Runs one iteration of the scenario's script on the calling thread (the VU's own thread) and records its
     * metrics.
     *
     * @return whether the iteration ran to its end; false when it was interrupted by a hard stop
     */
    boolean runIteration();

    /**
     * Runs one iteration that an arrival-rate executor scheduled for {@code scheduledNanos}
     * ({@link System#nanoTime()}), also recording its start delay and its latency from the scheduled start.
     */
    boolean runScheduledIteration(long scheduledNanos);

    /** Marks the VU as active (counted in the {@code vus} metric) or idle. */
    void setActive(boolean active);

    /**
     * Ends the iteration running now as interrupted, as a hard stop does, but keeps the VU usable: its next
     * iteration runs normally. Safe from any thread. The caller must make sure the VU does not start a new
     * iteration meanwhile (ramping-vus calls it only for VUs it deactivated), because the next iteration clears
     * the request when it starts.
     */
    void interruptIteration();

    /** Stops the VU hard: cancels its blocking calls and interrupts its thread. Safe from any thread. */
    void hardStop();

    /** Returns whether the VU's thread has ended. */
    boolean finished();
}
