package io.liveload.core.dsl;

import io.liveload.core.plan.ConstantArrivalRate;
import io.liveload.core.plan.ExecutorSpec;
import java.time.Duration;

/** A complete {@code constant-arrival-rate} workload; add {@link #maxVus(int)}, shared options or exec. */
public final class ConstantArrivalRateScenario extends ScenarioOptions<ConstantArrivalRateScenario> {

    private final long rate;
    private final Duration timeUnit;
    private final Duration duration;
    private final int preAllocatedVus;
    private final int maxVus;

    ConstantArrivalRateScenario(long rate, Duration timeUnit, Duration duration, int preAllocatedVus, int maxVus,
                                CommonOptions common) {
        super(common);
        this.rate = rate;
        this.timeUnit = timeUnit;
        this.duration = duration;
        this.preAllocatedVus = preAllocatedVus;
        this.maxVus = maxVus;
    }

    /**
     * Sets the most VUs the pool may grow to when every VU is busy (k6's {@code maxVUs}); at least
     * preAllocatedVus. An iteration due while all of them are busy is dropped and counted in
     * {@code dropped_iterations}.
     *
     * @throws IllegalArgumentException when {@code vus} is not positive; {@link #exec(io.liveload.core.VuScript)}
     *                                  rejects a value below preAllocatedVus
     */
    public ConstantArrivalRateScenario maxVus(int vus) {
        return new ConstantArrivalRateScenario(rate, timeUnit, duration, preAllocatedVus, Times.positive(vus, "maxVus"),
                common);
    }

    @Override
    ConstantArrivalRateScenario with(CommonOptions newCommon) {
        return new ConstantArrivalRateScenario(rate, timeUnit, duration, preAllocatedVus, maxVus, newCommon);
    }

    @Override
    ExecutorSpec executor() {
        return new ConstantArrivalRate(rate, timeUnit, duration, preAllocatedVus, maxVus);
    }
}
