package io.liveload.core.plan;

import java.time.Duration;
import java.util.List;

/**
 * Iterations started at a rate that follows stages (k6 {@code ramping-arrival-rate}), an open model with the
 * same VU pool rules as {@link ConstantArrivalRate}.
 *
 * @param startRate       iterations per {@code timeUnit} at the start, zero or more
 * @param timeUnit        the period of the rates
 * @param stages          at least one stage; targets are iterations per {@code timeUnit}
 * @param preAllocatedVus VUs started before the first iteration, at least 1
 * @param maxVus          the pool's limit, at least {@code preAllocatedVus}
 */
public record RampingArrivalRate(long startRate, Duration timeUnit, List<Stage> stages, int preAllocatedVus,
                                 int maxVus) implements ExecutorSpec {

    public RampingArrivalRate {
        if (startRate < 0) {
            throw new IllegalArgumentException("Invalid startRate " + startRate
                    + " for ramping-arrival-rate: it must be zero or more");
        }
        ExecutorSpec.requirePositive(timeUnit, "ramping-arrival-rate", "timeUnit");
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("ramping-arrival-rate needs at least one stage, e.g. 1m -> 100");
        }
        stages = List.copyOf(stages);
        if (Stage.total(stages).isZero()) {
            throw new IllegalArgumentException("ramping-arrival-rate stages add up to 0s: give at least one stage a duration");
        }
        ExecutorSpec.requirePositive(preAllocatedVus, "ramping-arrival-rate", "preAllocatedVUs");
        if (maxVus < preAllocatedVus) {
            throw new IllegalArgumentException("Invalid maxVUs " + maxVus + " for ramping-arrival-rate: it must be at"
                    + " least preAllocatedVUs (" + preAllocatedVus + ")");
        }
    }

    @Override
    public String k6Name() {
        return "ramping-arrival-rate";
    }

    @Override
    public Duration maxDuration() {
        return Stage.total(stages);
    }

    @Override
    public String describe() {
        long maxRate = startRate;
        for (Stage stage : stages) {
            maxRate = Math.max(maxRate, stage.target());
        }
        return "up to " + maxRate + " iterations/" + DurationFormat.format(timeUnit) + " over "
                + DurationFormat.format(maxDuration()) + " (maxVUs: " + maxVus + ", preAllocatedVUs: " + preAllocatedVus + ")";
    }
}
