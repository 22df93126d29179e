package io.liveload.core.executor;

import io.liveload.core.plan.ConstantVus;
import java.util.ArrayList;
import java.util.List;

/**
 * k6's {@code constant-vus}: every VU starts at once and runs iterations back to back; no iteration starts
 * after the duration; running ones get the graceful stop to finish.
 */
final class ConstantVusExecutor extends ScenarioExecutor {

    private final ConstantVus spec;

    ConstantVusExecutor(ExecutionContext context, ConstantVus spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    public void run() throws InterruptedException {
        long start = System.nanoTime();
        long end = deadline(start, spec.duration());
        List<VuHandle> vus = new ArrayList<>(spec.vus());
        for (int i = 0; i < spec.vus() && !context.stopRequested(); i++) {
            vus.add(context.startVu(vu -> {
                while (System.nanoTime() - end < 0 && !context.stopRequested()) {
                    vu.runIteration();
                }
            }));
        }
        context.sleepUntil(end);
        context.finish(vus, deadline(System.nanoTime() - end < 0 ? System.nanoTime() : end,
                context.scenario().gracefulStop()));
    }
}
