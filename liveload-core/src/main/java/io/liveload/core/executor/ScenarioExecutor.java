package io.liveload.core.executor;

import io.liveload.core.plan.ConstantArrivalRate;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RampingArrivalRate;
import io.liveload.core.plan.RampingVus;
import io.liveload.core.plan.SharedIterations;

/**
 * Runs one scenario with the semantics of its k6 executor. {@link #run()} is called on the scenario's own
 * driver thread at the scenario's start time and returns when every VU has ended.
 */
public abstract class ScenarioExecutor {

    protected final ExecutionContext context;

    protected ScenarioExecutor(ExecutionContext context) {
        this.context = context;
    }

    /** Runs the scenario to its end, graceful stop included. */
    public abstract void run() throws InterruptedException;

    /** Returns the executor for the scenario's executor options. */
    public static ScenarioExecutor create(ExecutionContext context) {
        ExecutorSpec spec = context.scenario().executor();
        if (spec instanceof ConstantVus constantVus) {
            return new ConstantVusExecutor(context, constantVus);
        }
        if (spec instanceof PerVuIterations perVuIterations) {
            return new PerVuIterationsExecutor(context, perVuIterations);
        }
        if (spec instanceof SharedIterations sharedIterations) {
            return new SharedIterationsExecutor(context, sharedIterations);
        }
        if (spec instanceof RampingVus rampingVus) {
            return new RampingVusExecutor(context, rampingVus);
        }
        if (spec instanceof ConstantArrivalRate constantArrivalRate) {
            return new ConstantArrivalRateExecutor(context, constantArrivalRate);
        }
        if (spec instanceof RampingArrivalRate rampingArrivalRate) {
            return new RampingArrivalRateExecutor(context, rampingArrivalRate);
        }
        throw new IllegalStateException("No executor for " + spec.k6Name());
    }

    /** Returns the time a duration after {@code startNanos}, saturating instead of overflowing. */
    protected static long deadline(long startNanos, java.time.Duration after) {
        long nanos;
        try {
            nanos = after.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 2;
        }
        return startNanos + Math.min(nanos, Long.MAX_VALUE / 2);
    }
}
