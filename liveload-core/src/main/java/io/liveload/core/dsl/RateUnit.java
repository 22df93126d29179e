package io.liveload.core.dsl;

import java.time.Duration;
import java.util.function.Function;

/**
 * The step that names the time unit of an arrival rate (k6's {@code timeUnit}): {@code constantArrivalRate(50)
 * .perSecond()} starts 50 iterations each second.
 *
 * @param <N> the step that follows
 */
public final class RateUnit<N> {

    private final Function<Duration, N> next;

    RateUnit(Function<Duration, N> next) {
        this.next = next;
    }

    /** Counts the rate in iterations per second. */
    public N perSecond() {
        return next.apply(Duration.ofSeconds(1));
    }

    /** Counts the rate in iterations per minute. */
    public N perMinute() {
        return next.apply(Duration.ofMinutes(1));
    }

    /**
     * Counts the rate in iterations per {@code timeUnit}, e.g. {@code per(Duration.ofMillis(100))}.
     *
     * @throws IllegalArgumentException when the unit is not longer than zero
     */
    public N per(Duration timeUnit) {
        return next.apply(Times.positive(timeUnit, "timeUnit"));
    }
}
