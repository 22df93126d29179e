package io.liveload.core.plan;

import java.time.Duration;

/**
 * Iterations started at a fixed rate whether or not earlier ones finished (k6 {@code constant-arrival-rate},
 * an open model). Each iteration runs on a free VU of the pool; when none is free and the pool is at
 * {@code maxVus}, the iteration is dropped and counted in {@code dropped_iterations}.
 *
 * @param rate            iterations per {@code timeUnit}, at least 1
 * @param timeUnit        the period of {@code rate}, k6's default is 1 s
 * @param duration        how long iterations are started
 * @param preAllocatedVus VUs started before the first iteration, at least 1
 * @param maxVus          the pool's limit, at least {@code preAllocatedVus}
 */
public record ConstantArrivalRate(long rate, Duration timeUnit, Duration duration, int preAllocatedVus, int maxVus)
        implements ExecutorSpec {

    public ConstantArrivalRate {
        ExecutorSpec.requirePositive(rate, "constant-arrival-rate", "rate");
        ExecutorSpec.requirePositive(timeUnit, "constant-arrival-rate", "timeUnit");
        ExecutorSpec.requirePositive(duration, "constant-arrival-rate", "duration");
        ExecutorSpec.requirePositive(preAllocatedVus, "constant-arrival-rate", "preAllocatedVUs");
        if (maxVus < preAllocatedVus) {
            throw new IllegalArgumentException("Invalid maxVUs " + maxVus + " for constant-arrival-rate: it must be at"
                    + " least preAllocatedVUs (" + preAllocatedVus + ")");
        }
    }

    @Override
    public String k6Name() {
        return "constant-arrival-rate";
    }

    @Override
    public Duration maxDuration() {
        return duration;
    }

    @Override
    public String describe() {
        return rate + " iterations/" + DurationFormat.format(timeUnit) + " for " + DurationFormat.format(duration)
                + " (maxVUs: " + maxVus + ", preAllocatedVUs: " + preAllocatedVus + ")";
    }
}
