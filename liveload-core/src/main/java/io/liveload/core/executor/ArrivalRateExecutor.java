package io.liveload.core.executor;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open model shared by k6's arrival-rate executors. The scenario's driver thread is the scheduler: it starts
 * {@code preAllocatedVUs} VUs, then waits for each scheduled start of the {@link ArrivalSchedule} and hands the
 * iteration to a free VU of the {@link ArrivalVuPool}. When every VU is busy it starts another one, up to
 * {@code maxVUs}; beyond that the iteration is dropped and counted in {@code dropped_iterations}. Iterations run
 * with {@link VuHandle#runScheduledIteration(long)}, so their start delay and their latency from the scheduled
 * start are recorded.
 *
 * <p>A start that the scheduler reaches late (a GC pause, a busy machine) is handed out at once with its
 * original scheduled time, so every scheduled iteration is either started or dropped and the count stays exact.
 *
 * <p>Unlike k6, which drops the iteration while it initializes a new VU in the background, a new VU here gets the
 * iteration that needed it, because starting a VU thread takes microseconds rather than a script's init time.
 */
abstract class ArrivalRateExecutor extends ScenarioExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalRateExecutor.class);
    /** Maximum time of one scheduler park, so that the scheduler sees a stop request within 10 ms. */
    private static final long MAX_PARK_NANOS = 10_000_000;

    ArrivalRateExecutor(ExecutionContext context) {
        super(context);
    }

    /** Returns a new schedule of the scenario's iteration starts. */
    abstract ArrivalSchedule schedule();

    /** Returns how long iterations are started, without the graceful stop. */
    abstract Duration duration();

    abstract int preAllocatedVus();

    abstract int maxVus();

    @Override
    public final void run() throws InterruptedException {
        ArrivalVuPool pool = new ArrivalVuPool(context, maxVus());
        pool.preAllocate(preAllocatedVus());
        long start = System.nanoTime();
        long end = deadline(start, duration());

        boolean stopped = !dispatch(schedule(), start, pool);
        if (!stopped) {
            stopped = !context.sleepUntil(end);
        }
        pool.close();

        long gracefulFrom = stopped ? Math.min(System.nanoTime(), end) : end;
        context.finish(pool.vus(), deadline(gracefulFrom, context.scenario().gracefulStop()));
    }

    /**
     * Hands out every scheduled iteration at its time, or drops it when the pool is full.
     *
     * @return false when the run requested a stop before the schedule's end
     */
    private boolean dispatch(ArrivalSchedule schedule, long startNanos, ArrivalVuPool pool)
            throws InterruptedException {
        long dropped = 0;
        boolean completed = true;
        for (long offset = schedule.nextOffsetNanos(); offset != ArrivalSchedule.END;
                offset = schedule.nextOffsetNanos()) {
            long scheduled = startNanos + offset;
            if (!awaitStart(scheduled)) {
                completed = false;
                break;
            }
            if (!pool.tryStart(scheduled)) {
                context.dropIteration();
                if (dropped == 0) {
                    LOG.warn("[{}] scenario {}: all {} VUs (maxVUs) are busy, so iterations are dropped and counted "
                            + "in dropped_iterations; raise maxVUs or lower the rate", context.testName(),
                            context.scenario().name(), maxVus());
                }
                dropped++;
            }
        }
        if (dropped > 1) {
            LOG.warn("[{}] scenario {}: {} iterations were dropped because all {} VUs were busy", context.testName(),
                    context.scenario().name(), dropped, maxVus());
        }
        return completed;
    }

    /** Parks until the scheduled start; returns false when the run requests a stop first. */
    private boolean awaitStart(long scheduledNanos) throws InterruptedException {
        while (!context.stopRequested()) {
            long remaining = scheduledNanos - System.nanoTime();
            if (remaining <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, Math.min(remaining, MAX_PARK_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException("the scheduler of scenario " + context.scenario().name()
                        + " was interrupted");
            }
        }
        return false;
    }
}
