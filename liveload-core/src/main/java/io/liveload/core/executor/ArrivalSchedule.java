package io.liveload.core.executor;

/**
 * The scheduled starts of an arrival-rate scenario's iterations, in order, as offsets from the scenario's start.
 * Each offset is computed from the start, never from the previous iteration's actual start, so a late iteration
 * does not shift the ones after it and long runs do not drift. Used by one thread.
 */
interface ArrivalSchedule {

    /** Returned by {@link #nextOffsetNanos()} when every iteration was scheduled. */
    long END = -1;

    /** Returns the next iteration's offset from the scenario's start in nanoseconds, or {@link #END}. */
    long nextOffsetNanos();
}
