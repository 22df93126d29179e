package io.liveload.core.engine;

import io.liveload.core.ConfigurationException;
import io.liveload.core.RunResult;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.report.Reports;
import java.util.ArrayList;
import java.util.List;

/** Runs load plans. Each run owns its threads, connections and metrics, and releases them before returning. */
public final class Engine {

    private Engine() {
    }

    /**
     * Runs the plan to its end on the calling thread's behalf and returns the result. An interrupt of the calling
     * thread (a JUnit timeout) stops the run hard; the result then carries the abort and the interrupt flag is set.
     *
     * <p>Besides the given listeners, the run gets those its options ask for ({@link Reports#listeners}): the
     * progress line, time-series outputs, and the summary printed to standard output and written with the HTML
     * report to the output directory.
     *
     * <p>When the options set a warm-up, the plan first runs for that long with fresh VUs, a throwaway registry
     * and no listeners; then the measured run starts with new VUs and connections. Nothing of the warm-up
     * reaches the result.
     *
     * @param listeners receive the run's start, intervals and end
     * @throws ConfigurationException when the script revealed a configuration error; nothing more was sent
     */
    public static RunResult run(LoadPlan plan, List<RunListener> listeners) {
        if (plan.options().hasWarmup()) {
            LoadRun.warmup(plan).execute();
        }
        List<RunListener> all = new ArrayList<>(Reports.listeners(plan.options()));
        all.addAll(listeners);
        return new LoadRun(plan, all).execute();
    }

    /** Runs the plan without listeners; see {@link #run(LoadPlan, List)}. */
    public static RunResult run(LoadPlan plan) {
        return run(plan, List.of());
    }
}
