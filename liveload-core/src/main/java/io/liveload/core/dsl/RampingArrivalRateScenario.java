package io.liveload.core.dsl;

import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.RampingArrivalRate;
import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.List;

/** A complete {@code ramping-arrival-rate} workload; add {@link #maxVus(int)}, shared options or exec. */
public final class RampingArrivalRateScenario extends ScenarioOptions<RampingArrivalRateScenario> {

    private final Duration timeUnit;
    private final long startRate;
    private final List<Stage> stages;
    private final int preAllocatedVus;
    private final int maxVus;

    RampingArrivalRateScenario(Duration timeUnit, long startRate, List<Stage> stages, int preAllocatedVus, int maxVus,
                               CommonOptions common) {
        super(common);
        this.timeUnit = timeUnit;
        this.startRate = startRate;
        this.stages = stages;
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
    public RampingArrivalRateScenario maxVus(int vus) {
        return new RampingArrivalRateScenario(timeUnit, startRate, stages, preAllocatedVus,
                Times.positive(vus, "maxVus"), common);
    }

    @Override
    RampingArrivalRateScenario with(CommonOptions newCommon) {
        return new RampingArrivalRateScenario(timeUnit, startRate, stages, preAllocatedVus, maxVus, newCommon);
    }

    @Override
    ExecutorSpec executor() {
        return new RampingArrivalRate(startRate, timeUnit, stages, preAllocatedVus, maxVus);
    }
}
