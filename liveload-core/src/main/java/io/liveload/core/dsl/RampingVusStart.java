package io.liveload.core.dsl;

import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.List;

/** The first step of {@code rampingVus()}: the VUs at the start, then the first stage. */
public final class RampingVusStart {

    private final int startVus;

    RampingVusStart(int startVus) {
        this.startVus = startVus;
    }

    /**
     * Sets the VUs running at the scenario's start, before the first stage moves them (k6's {@code startVUs}).
     * Default: 1.
     *
     * @throws IllegalArgumentException when {@code vus} is negative
     */
    public RampingVusStart startVus(int vus) {
        if (vus < 0) {
            throw new IllegalArgumentException("Invalid startVus " + vus + ": it must be zero or more");
        }
        return new RampingVusStart(vus);
    }

    /**
     * Adds a stage that moves the VU count linearly to {@code target} over {@code duration}, one VU at a time.
     * A zero duration jumps to the target.
     *
     * @throws IllegalArgumentException when the duration or the target is negative
     */
    public RampingVusScenario stage(Duration duration, int target) {
        return new RampingVusScenario(startVus, StageList.plus(List.of(), duration, target), null,
                CommonOptions.DEFAULTS);
    }

    /** Adds a stage with a k6 duration string: {@code stage("30s", 100)}; see {@link #stage(Duration, int)}. */
    public RampingVusScenario stage(String duration, int target) {
        return new RampingVusScenario(startVus, StageList.plus(List.of(), Stage.of(duration, target)), null,
                CommonOptions.DEFAULTS);
    }

    /**
     * Adds stages written as {@code "duration -> target"}: {@code stages("30s -> 100", "1m -> 100", "10s -> 0")}.
     *
     * @throws IllegalArgumentException naming the first stage that does not have that form
     */
    public RampingVusScenario stages(String first, String... more) {
        return new RampingVusScenario(startVus, StageList.plusParsed(List.of(), first, more), null,
                CommonOptions.DEFAULTS);
    }
}
