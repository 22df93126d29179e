package io.liveload.core.dsl;

import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.SharedIterations;
import java.time.Duration;

/**
 * A complete {@code shared-iterations} workload, by default on one VU ({@link #vus(int)}) and with
 * k6's maxDuration of 10 minutes ({@link #maxDuration(Duration)}).
 */
public final class SharedIterationsScenario extends ScenarioOptions<SharedIterationsScenario> {

    private final long iterations;
    private final int vus;
    private final Duration maxDuration;

    SharedIterationsScenario(long iterations, int vus, Duration maxDuration, CommonOptions common) {
        super(common);
        this.iterations = iterations;
        this.vus = vus;
        this.maxDuration = maxDuration;
    }

    /**
     * Sets the number of VUs that share the iterations; at most the number of iterations.
     *
     * @throws IllegalArgumentException when {@code vus} is not positive
     */
    public SharedIterationsScenario vus(int vus) {
        return new SharedIterationsScenario(iterations, Times.positive(vus, "vus"), maxDuration, common);
    }

    /**
     * Sets the time after which no VU starts another iteration, even if some are left (k6's
     * {@code maxDuration}); running iterations then get the graceful stop.
     *
     * @throws IllegalArgumentException when the time is not longer than zero
     */
    public SharedIterationsScenario maxDuration(Duration time) {
        return new SharedIterationsScenario(iterations, vus, Times.positive(time, "maxDuration"), common);
    }

    /** Sets maxDuration as a k6 duration string such as {@code "2m"}; see {@link #maxDuration(Duration)}. */
    public SharedIterationsScenario maxDuration(String time) {
        return maxDuration(Times.parse(time, "maxDuration"));
    }

    @Override
    SharedIterationsScenario with(CommonOptions newCommon) {
        return new SharedIterationsScenario(iterations, vus, maxDuration, newCommon);
    }

    @Override
    ExecutorSpec executor() {
        return maxDuration == null ? new SharedIterations(vus, iterations)
                : new SharedIterations(vus, iterations, maxDuration);
    }
}
