package io.liveload.core.plan;

import java.time.Duration;

/**
 * Each VU runs the same number of iterations (k6 {@code per-vu-iterations}).
 *
 * @param vus         number of VUs, at least 1
 * @param iterations  iterations per VU, at least 1
 * @param maxDuration time after which no new iteration starts, even if some VUs did not finish
 */
public record PerVuIterations(int vus, long iterations, Duration maxDuration) implements ExecutorSpec {

    public PerVuIterations {
        ExecutorSpec.requirePositive(vus, "per-vu-iterations", "vus");
        ExecutorSpec.requirePositive(iterations, "per-vu-iterations", "iterations");
        ExecutorSpec.requirePositive(maxDuration, "per-vu-iterations", "maxDuration");
    }

    /** Returns the executor with k6's default maxDuration of 10 minutes. */
    public PerVuIterations(int vus, long iterations) {
        this(vus, iterations, DEFAULT_MAX_DURATION);
    }

    @Override
    public String k6Name() {
        return "per-vu-iterations";
    }

    @Override
    public int maxVus() {
        return vus;
    }

    @Override
    public String describe() {
        return iterations + " iterations for each of " + vus + " VUs (maxDuration: " + DurationFormat.format(maxDuration) + ")";
    }
}
