package io.liveload.core.dsl;

import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.List;

/** The first step of {@code rampingArrivalRate().perSecond()}: the rate at the start, then the first stage. */
public final class RampingArrivalRateStart {

    private final Duration timeUnit;
    private final long startRate;

    RampingArrivalRateStart(Duration timeUnit, long startRate) {
        this.timeUnit = timeUnit;
        this.startRate = startRate;
    }

    /**
     * Sets the rate at the scenario's start, in iterations per time unit (k6's {@code startRate}). Default: 0.
     *
     * @throws IllegalArgumentException when the rate is negative
     */
    public RampingArrivalRateStart startRate(long rate) {
        return new RampingArrivalRateStart(timeUnit, Times.notNegative(rate, "startRate"));
    }

    /**
     * Adds a stage that moves the rate linearly to {@code target} iterations per time unit over {@code duration}.
     * A zero duration jumps to the target.
     *
     * @throws IllegalArgumentException when the duration or the target is negative
     */
    public RampingArrivalRateStages stage(Duration duration, long target) {
        return new RampingArrivalRateStages(timeUnit, startRate, StageList.plus(List.of(), duration, target));
    }

    /** Adds a stage with a k6 duration string: {@code stage("1m", 100)}; see {@link #stage(Duration, long)}. */
    public RampingArrivalRateStages stage(String duration, long target) {
        return new RampingArrivalRateStages(timeUnit, startRate, StageList.plus(List.of(), Stage.of(duration, target)));
    }

    /**
     * Adds stages written as {@code "duration -> target rate"}: {@code stages("1m -> 100", "5m -> 100")}.
     *
     * @throws IllegalArgumentException naming the first stage that does not have that form
     */
    public RampingArrivalRateStages stages(String first, String... more) {
        return new RampingArrivalRateStages(timeUnit, startRate, StageList.plusParsed(List.of(), first, more));
    }
}
