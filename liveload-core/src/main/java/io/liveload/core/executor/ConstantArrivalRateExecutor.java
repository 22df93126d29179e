package io.liveload.core.executor;

import io.liveload.core.plan.ConstantArrivalRate;
import java.time.Duration;

/** k6's {@code constant-arrival-rate}: iterations start at a fixed rate, spaced evenly; see {@link ArrivalRateExecutor}. */
final class ConstantArrivalRateExecutor extends ArrivalRateExecutor {

    private final ConstantArrivalRate spec;

    ConstantArrivalRateExecutor(ExecutionContext context, ConstantArrivalRate spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    ArrivalSchedule schedule() {
        return new ConstantArrivalSchedule(spec.rate(), spec.timeUnit(), spec.duration());
    }

    @Override
    Duration duration() {
        return spec.duration();
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
