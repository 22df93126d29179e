package io.liveload.core.dsl;

import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.ExecutorSpec;
import java.time.Duration;

/** A complete {@code constant-vus} workload; add shared options or {@link #exec(io.liveload.core.VuScript)}. */
public final class ConstantVusScenario extends ScenarioOptions<ConstantVusScenario> {

    private final int vus;
    private final Duration duration;

    ConstantVusScenario(int vus, Duration duration, CommonOptions common) {
        super(common);
        this.vus = vus;
        this.duration = duration;
    }

    @Override
    ConstantVusScenario with(CommonOptions newCommon) {
        return new ConstantVusScenario(vus, duration, newCommon);
    }

    @Override
    ExecutorSpec executor() {
        return new ConstantVus(vus, duration);
    }
}
