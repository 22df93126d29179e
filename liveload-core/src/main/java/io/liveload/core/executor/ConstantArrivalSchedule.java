package io.liveload.core.executor;

import java.time.Duration;

/**
 * Iterations spaced evenly at {@code rate} per {@code timeUnit}, as k6's {@code constant-arrival-rate} spaces them:
 * the first at the start, iteration {@code k} (from 0) at {@code k * timeUnit / rate}, for every offset before the
 * duration's end. A whole number of iterations per duration therefore gives exactly {@code rate * duration /
 * timeUnit} iterations.
 */
final class ConstantArrivalSchedule implements ArrivalSchedule {

    private final double periodNanos;
    private final long durationNanos;
    private long next;

    ConstantArrivalSchedule(long rate, Duration timeUnit, Duration duration) {
        this.periodNanos = (double) timeUnit.toNanos() / rate;
        this.durationNanos = duration.toNanos();
    }

    @Override
    public long nextOffsetNanos() {
        // Multiplying from the start keeps rounding errors from adding up over a long run.
        long offset = (long) (next * periodNanos);
        if (offset >= durationNanos) {
            return END;
        }
        next++;
        return offset;
    }
}
