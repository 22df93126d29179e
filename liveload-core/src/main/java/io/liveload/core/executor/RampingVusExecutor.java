package io.liveload.core.executor;

import io.liveload.core.plan.RampingVus;
import java.util.ArrayList;
import java.util.List;

/**
 * k6's {@code ramping-vus}: the scenario's driver thread is a controller that follows {@link VuSteps}. When the
 * wanted count rises it activates parked VUs, or starts new ones; when it falls it deactivates the most recently
 * activated VUs, which finish their iteration and park, and are interrupted after {@code gracefulRampDown}. At the
 * stages' end, or on a stop request, no VU starts another iteration and running ones get the graceful stop. A VU
 * still in a ramp-down keeps its earlier deadline. The {@code vus} metric therefore follows the stages, plus
 * the deactivated VUs still finishing an iteration.
 */
final class RampingVusExecutor extends ScenarioExecutor {

    private final RampingVus spec;
    private final List<RampingVuSlot> slots = new ArrayList<>();
    private int active;

    RampingVusExecutor(ExecutionContext context, RampingVus spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    public void run() throws InterruptedException {
        VuSteps steps = new VuSteps(spec.startVus(), spec.stages());
        long start = System.nanoTime();
        long end = start + steps.totalNanos();
        boolean stopped = false;
        while (!stopped && !context.stopRequested()) {
            long now = System.nanoTime();
            long elapsed = now - start;
            if (elapsed >= steps.totalNanos()) {
                break;
            }
            moveTo(steps.vusAt(elapsed), now);
            interruptOverdue(now);
            long wake = Math.min(start + steps.nextChangeAfter(elapsed), earliestRampDownDeadline());
            stopped = !context.sleepUntil(wake);
        }
        long gracefulEnd = deadline(Math.min(System.nanoTime(), end), context.scenario().gracefulStop());
        finishRampDowns(gracefulEnd);
    }

    /** Activates or deactivates VUs until {@code target} are active. */
    private void moveTo(int target, long now) {
        while (active < target) {
            if (active < slots.size()) {
                slots.get(active).activate();
            } else {
                RampingVuSlot slot = new RampingVuSlot(context);
                slots.add(slot);
                slot.attach(context.startVu(slot));
            }
            active++;
        }
        while (active > target) {
            active--;
            slots.get(active).deactivate(deadline(now, spec.gracefulRampDown()));
        }
    }

    private void interruptOverdue(long now) {
        for (RampingVuSlot slot : slots) {
            slot.interruptIfOverdue(now);
        }
    }

    private long earliestRampDownDeadline() {
        long earliest = RampingVuSlot.NONE;
        for (RampingVuSlot slot : slots) {
            long deadline = slot.rampDownDeadline();
            if (deadline != RampingVuSlot.NONE && (earliest == RampingVuSlot.NONE || deadline - earliest < 0)) {
                earliest = deadline;
            }
        }
        return earliest;
    }

    /**
     * Ends the scenario: no VU starts another iteration; VUs still in a ramp-down are interrupted at their own
     * deadline, the others at the graceful stop's end.
     */
    private void finishRampDowns(long gracefulEnd) throws InterruptedException {
        List<VuHandle> vus = new ArrayList<>();
        for (RampingVuSlot slot : slots) {
            slot.close();
            vus.add(slot.handle());
        }
        List<VuHandle> running = vus;
        while (!running.isEmpty() && !context.hardStopRequested()) {
            long next = earliestRampDownDeadline();
            if (next == RampingVuSlot.NONE || next - gracefulEnd >= 0) {
                break;
            }
            running = context.awaitVusThroughStop(running, next);
            interruptOverdue(System.nanoTime());
        }
        context.finish(running, gracefulEnd);
    }
}
