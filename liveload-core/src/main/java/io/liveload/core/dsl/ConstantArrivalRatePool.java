package io.liveload.core.dsl;

import java.time.Duration;

/** The step of {@code constantArrivalRate} that sizes the VU pool the iterations run on. */
public final class ConstantArrivalRatePool {

    private final long rate;
    private final Duration timeUnit;
    private final Duration duration;

    ConstantArrivalRatePool(long rate, Duration timeUnit, Duration duration) {
        this.rate = rate;
        this.timeUnit = timeUnit;
        this.duration = duration;
    }

    /**
     * Sets the VUs started before the first iteration (k6's {@code preAllocatedVUs}). Size it as the rate times
     * the expected iteration time: 50 iterations per second of 200 ms each keep about 10 VUs busy. The pool grows
     * up to {@link ConstantArrivalRateScenario#maxVus(int) maxVus}, which is the same number unless set.
     *
     * @throws IllegalArgumentException when {@code vus} is not positive
     */
    public ConstantArrivalRateScenario preAllocatedVus(int vus) {
        int checked = Times.positive(vus, "preAllocatedVus");
        return new ConstantArrivalRateScenario(rate, timeUnit, duration, checked, checked, CommonOptions.DEFAULTS);
    }
}
