package io.liveload.core.internal;

import io.liveload.core.engine.ErrorLog;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Schedules tasks on the run's timer so that a failing task is counted instead of lost silently. */
public final class Timers {

    private Timers() {
    }

    /**
     * Runs the task once after the delay on the run's timer thread. An exception from the task is counted in
     * the error log under the category.
     *
     * @return the scheduled task, or null when the run already ended and its timer no longer takes tasks
     */
    public static ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, ErrorLog errors, String category,
                                              long delayNanos, Runnable task) {
        try {
            return scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    errors.record(category, e.getClass().getSimpleName(), "timer task failed: " + e, e);
                }
            }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Cancels the task when it is not null; never interrupts it. */
    public static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
