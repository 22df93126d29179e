package io.liveload.core.dsl;

import java.time.Duration;

/** The step of {@code constantArrivalRate(n).perSecond()} that sets how long iterations are started. */
public final class ConstantArrivalRateDuration {

    private final long rate;
    private final Duration timeUnit;

    ConstantArrivalRateDuration(long rate, Duration timeUnit) {
        this.rate = rate;
        this.timeUnit = timeUnit;
    }

    /**
     * Sets how long iterations are started; iterations still running then get the graceful stop. Continue with
     * {@link ConstantArrivalRatePool#preAllocatedVus(int) preAllocatedVus(...)}.
     *
     * @throws IllegalArgumentException when the duration is not longer than zero
     */
    public ConstantArrivalRatePool during(Duration duration) {
        return new ConstantArrivalRatePool(rate, timeUnit, Times.positive(duration, "duration"));
    }

    /** Sets the duration as a k6 duration string such as {@code "90s"}; see {@link #during(Duration)}. */
    public ConstantArrivalRatePool during(String duration) {
        return during(Times.parse(duration, "duration"));
    }
}
