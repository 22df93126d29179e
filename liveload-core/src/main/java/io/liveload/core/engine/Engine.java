package io.liveload.core.engine;

import io.liveload.core.ConfigurationException;
import io.liveload.core.RunResult;
import io.liveload.core.plan.LoadPlan;
import java.util.List;

/** Runs load plans. Each run owns its threads, connections and metrics, and releases them before returning. */
public final class Engine {

    private Engine() {
    }

    /**
     * Runs the plan to its end on the calling thread's behalf and returns the result. An interrupt of the calling
     * thread (a JUnit timeout) stops the run hard; the result then carries the abort and the interrupt flag is set.
     *
     * @param listeners receive the run's start, intervals and end, e.g. reports and progress lines
     * @throws ConfigurationException when the script revealed a configuration error; nothing more was sent
     */
    public static RunResult run(LoadPlan plan, List<RunListener> listeners) {
        return new LoadRun(plan, listeners).execute();
    }

    /** Runs the plan without listeners; see {@link #run(LoadPlan, List)}. */
    public static RunResult run(LoadPlan plan) {
        return run(plan, List.of());
    }
}
