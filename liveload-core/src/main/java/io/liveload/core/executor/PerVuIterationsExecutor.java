package io.liveload.core.executor;

import io.liveload.core.plan.PerVuIterations;
import java.util.ArrayList;
import java.util.List;

/**
 * k6's {@code per-vu-iterations}: each VU runs the same number of iterations; none starts after maxDuration,
 * and running ones get the graceful stop to finish.
 */
final class PerVuIterationsExecutor extends ScenarioExecutor {

    private final PerVuIterations spec;

    PerVuIterationsExecutor(ExecutionContext context, PerVuIterations spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    public void run() throws InterruptedException {
        long start = System.nanoTime();
        long end = deadline(start, spec.maxDuration());
        List<VuHandle> vus = new ArrayList<>(spec.vus());
        for (int i = 0; i < spec.vus() && !context.stopRequested(); i++) {
            vus.add(context.startVu(vu -> {
                for (long done = 0; done < spec.iterations() && System.nanoTime() - end < 0
                        && !context.stopRequested(); done++) {
                    vu.runIteration();
                }
            }));
        }
        List<VuHandle> running = context.awaitVus(vus, end);
        context.finish(running, deadline(Math.min(System.nanoTime(), end), context.scenario().gracefulStop()));
    }
}
