package io.liveload.core.dsl;

import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.List;

/** The stages of {@code rampingArrivalRate}: more stages, then the VU pool. */
public final class RampingArrivalRateStages {

    private final Duration timeUnit;
    private final long startRate;
    private final List<Stage> stages;

    RampingArrivalRateStages(Duration timeUnit, long startRate, List<Stage> stages) {
        this.timeUnit = timeUnit;
        this.startRate = startRate;
        this.stages = stages;
    }

    /**
     * Adds a stage that moves the rate linearly to {@code target} iterations per time unit over {@code duration}.
     *
     * @throws IllegalArgumentException when the duration or the target is negative
     */
    public RampingArrivalRateStages stage(Duration duration, long target) {
        return new RampingArrivalRateStages(timeUnit, startRate, StageList.plus(stages, duration, target));
    }

    /** Adds a stage with a k6 duration string: {@code stage("1m", 100)}; see {@link #stage(Duration, long)}. */
    public RampingArrivalRateStages stage(String duration, long target) {
        return new RampingArrivalRateStages(timeUnit, startRate, StageList.plus(stages, Stage.of(duration, target)));
    }

    /**
     * Adds stages written as {@code "duration -> target rate"}: {@code stages("2m -> 100", "30s -> 0")}.
     *
     * @throws IllegalArgumentException naming the first stage that does not have that form
     */
    public RampingArrivalRateStages stages(String first, String... more) {
        return new RampingArrivalRateStages(timeUnit, startRate, StageList.plusParsed(stages, first, more));
    }

    /**
     * Sets the VUs started before the first iteration (k6's {@code preAllocatedVUs}). The pool grows up to
     * {@link RampingArrivalRateScenario#maxVus(int) maxVus}, which is the same number unless set.
     *
     * @throws IllegalArgumentException when {@code vus} is not positive
     */
    public RampingArrivalRateScenario preAllocatedVus(int vus) {
        int checked = Times.positive(vus, "preAllocatedVus");
        return new RampingArrivalRateScenario(timeUnit, startRate, stages, checked, checked, CommonOptions.DEFAULTS);
    }
}
