package io.liveload.core.engine;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.Interval;
import io.liveload.core.plan.LoadPlan;

/**
 * Receives a run's events: its start, each sampling interval (about once a second, on the run's sampler
 * thread) and its end. Progress lines, time-series outputs and live threshold checks are listeners. A listener
 * that throws is logged once and removed; the run goes on.
 */
public interface RunListener {

    /** Called once before any VU starts. */
    default void runStarted(LoadPlan plan, long startEpochMillis) {
    }

    /**
     * Called after each sampling interval. Values in {@code interval} are only valid during the call.
     *
     * @param status the run's state at the end of the interval
     */
    default void intervalSampled(Interval interval, RunStatus status) {
    }

    /** Called once after the last interval, with the complete result, before resources are released. */
    default void runFinished(RunResult result) {
    }
}
