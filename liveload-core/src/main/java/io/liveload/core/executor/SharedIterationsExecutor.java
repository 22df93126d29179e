package io.liveload.core.executor;

import io.liveload.core.plan.SharedIterations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * k6's {@code shared-iterations}: the VUs take iterations from one shared counter until the total is reached, so
 * fast VUs run more of them than slow ones and the total is exact. No iteration starts after maxDuration; running
 * ones get the graceful stop to finish.
 */
final class SharedIterationsExecutor extends ScenarioExecutor {

    private final SharedIterations spec;

    SharedIterationsExecutor(ExecutionContext context, SharedIterations spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    public void run() throws InterruptedException {
        long start = System.nanoTime();
        long end = deadline(start, spec.maxDuration());
        AtomicLong started = new AtomicLong();
        List<VuHandle> vus = new ArrayList<>(spec.vus());
        for (int i = 0; i < spec.vus() && !context.stopRequested(); i++) {
            vus.add(context.startVu(vu -> {
                // The time and stop checks come before taking a number, so a taken number always runs.
                while (System.nanoTime() - end < 0 && !context.stopRequested()
                        && started.getAndIncrement() < spec.iterations()) {
                    vu.runIteration();
                }
            }));
        }
        List<VuHandle> running = context.awaitVus(vus, end);
        context.finish(running, deadline(Math.min(System.nanoTime(), end), context.scenario().gracefulStop()));
    }
}
