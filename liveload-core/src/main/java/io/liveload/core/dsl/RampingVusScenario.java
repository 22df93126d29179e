package io.liveload.core.dsl;

import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.RampingVus;
import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.List;

/**
 * A {@code ramping-vus} workload with at least one stage; add stages, {@link #gracefulRampDown(Duration)},
 * shared options or {@link #exec(io.liveload.core.VuScript)}.
 */
public final class RampingVusScenario extends ScenarioOptions<RampingVusScenario> {

    private final int startVus;
    private final List<Stage> stages;
    private final Duration gracefulRampDown;

    RampingVusScenario(int startVus, List<Stage> stages, Duration gracefulRampDown, CommonOptions common) {
        super(common);
        this.startVus = startVus;
        this.stages = stages;
        this.gracefulRampDown = gracefulRampDown;
    }

    /**
     * Adds a stage that moves the VU count linearly to {@code target} over {@code duration}.
     *
     * @throws IllegalArgumentException when the duration or the target is negative
     */
    public RampingVusScenario stage(Duration duration, int target) {
        return new RampingVusScenario(startVus, StageList.plus(stages, duration, target), gracefulRampDown, common);
    }

    /** Adds a stage with a k6 duration string: {@code stage("1m", 100)}; see {@link #stage(Duration, int)}. */
    public RampingVusScenario stage(String duration, int target) {
        return new RampingVusScenario(startVus, StageList.plus(stages, Stage.of(duration, target)), gracefulRampDown,
                common);
    }

    /**
     * Adds stages written as {@code "duration -> target"}: {@code stages("1m -> 100", "10s -> 0")}.
     *
     * @throws IllegalArgumentException naming the first stage that does not have that form
     */
    public RampingVusScenario stages(String first, String... more) {
        return new RampingVusScenario(startVus, StageList.plusParsed(stages, first, more), gracefulRampDown, common);
    }

    /**
     * Sets how long a VU that a ramp-down removes may finish its iteration before it is interrupted (k6's
     * {@code gracefulRampDown}). Default: 30 s.
     *
     * @throws IllegalArgumentException when the time is negative
     */
    public RampingVusScenario gracefulRampDown(Duration time) {
        return new RampingVusScenario(startVus, stages, Times.notNegative(time, "gracefulRampDown"), common);
    }

    /** Sets gracefulRampDown as a k6 duration string such as {@code "5s"}; see {@link #gracefulRampDown(Duration)}. */
    public RampingVusScenario gracefulRampDown(String time) {
        return gracefulRampDown(Times.parse(time, "gracefulRampDown"));
    }

    @Override
    RampingVusScenario with(CommonOptions newCommon) {
        return new RampingVusScenario(startVus, stages, gracefulRampDown, newCommon);
    }

    @Override
    ExecutorSpec executor() {
        return gracefulRampDown == null ? new RampingVus(startVus, stages)
                : new RampingVus(startVus, stages, gracefulRampDown);
    }
}
