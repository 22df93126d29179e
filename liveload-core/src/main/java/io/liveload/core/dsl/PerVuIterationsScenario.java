package io.liveload.core.dsl;

import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.PerVuIterations;
import java.time.Duration;

/**
 * A complete {@code per-vu-iterations} workload, by default on one VU ({@link #vus(int)}) and with
 * k6's maxDuration of 10 minutes ({@link #maxDuration(Duration)}).
 */
public final class PerVuIterationsScenario extends ScenarioOptions<PerVuIterationsScenario> {

    private final long iterations;
    private final int vus;
    private final Duration maxDuration;

    PerVuIterationsScenario(long iterations, int vus, Duration maxDuration, CommonOptions common) {
        super(common);
        this.iterations = iterations;
        this.vus = vus;
        this.maxDuration = maxDuration;
    }

    /**
     * Sets the number of VUs, each running all the iterations.
     *
     * @throws IllegalArgumentException when {@code vus} is not positive
     */
    public PerVuIterationsScenario vus(int vus) {
        return new PerVuIterationsScenario(iterations, Times.positive(vus, "vus"), maxDuration, common);
    }

    /**
     * Sets the time after which no VU starts another iteration, even if it has some left (k6's
     * {@code maxDuration}); running iterations then get the graceful stop.
     *
     * @throws IllegalArgumentException when the time is not longer than zero
     */
    public PerVuIterationsScenario maxDuration(Duration time) {
        return new PerVuIterationsScenario(iterations, vus, Times.positive(time, "maxDuration"), common);
    }

    /** Sets maxDuration as a k6 duration string such as {@code "2m"}; see {@link #maxDuration(Duration)}. */
    public PerVuIterationsScenario maxDuration(String time) {
        return maxDuration(Times.parse(time, "maxDuration"));
    }

    @Override
    PerVuIterationsScenario with(CommonOptions newCommon) {
        return new PerVuIterationsScenario(iterations, vus, maxDuration, newCommon);
    }

    @Override
    ExecutorSpec executor() {
        return maxDuration == null ? new PerVuIterations(vus, iterations)
                : new PerVuIterations(vus, iterations, maxDuration);
    }
}
