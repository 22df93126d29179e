package io.liveload.core.plan;

import java.time.Duration;

/**
 * A fixed number of VUs, each running iterations back to back for a fixed time (k6 {@code constant-vus}).
 *
 * @param vus      number of VUs, at least 1
 * @param duration how long VUs start new iterations
 */
public record ConstantVus(int vus, Duration duration) implements ExecutorSpec {

    public ConstantVus {
        ExecutorSpec.requirePositive(vus, "constant-vus", "vus");
        ExecutorSpec.requirePositive(duration, "constant-vus", "duration");
    }

    @Override
    public String k6Name() {
        return "constant-vus";
    }

    @Override
    public int maxVus() {
        return vus;
    }

    @Override
    public Duration maxDuration() {
        return duration;
    }

    @Override
    public String describe() {
        return vus + " looping VUs for " + DurationFormat.format(duration);
    }
}
