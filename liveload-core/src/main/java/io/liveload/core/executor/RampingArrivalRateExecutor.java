package io.liveload.core.executor;

import io.liveload.core.plan.RampingArrivalRate;
import java.time.Duration;

/**
 * k6's {@code ramping-arrival-rate}: iterations start at a rate that changes linearly within each stage; see
 * {@link RampingArrivalSchedule} for the start times and {@link ArrivalRateExecutor} for the VU pool.
 */
final class RampingArrivalRateExecutor extends ArrivalRateExecutor {

    private final RampingArrivalRate spec;

    RampingArrivalRateExecutor(ExecutionContext context, RampingArrivalRate spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    ArrivalSchedule schedule() {
        return new RampingArrivalSchedule(spec.startRate(), spec.timeUnit(), spec.stages());
    }

    @Override
    Duration duration() {
        return spec.maxDuration();
    }

    @Override
    int preAllocatedVus() {
        return spec.preAllocatedVus();
    }

    @Override
    int maxVus() {
        return spec.maxVus();
    }
}
