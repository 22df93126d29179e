package io.liveload.core.plan;

import java.time.Duration;

/**
 * A total number of iterations shared by a pool of VUs; a VU takes the next one as soon as it is free
 * (k6 {@code shared-iterations}).
 *
 * @param vus         number of VUs, at least 1 and at most the iterations
 * @param iterations  total iterations, at least 1
 * @param maxDuration time after which no new iteration starts
 */
public record SharedIterations(int vus, long iterations, Duration maxDuration) implements ExecutorSpec {

    public SharedIterations {
        ExecutorSpec.requirePositive(vus, "shared-iterations", "vus");
        ExecutorSpec.requirePositive(iterations, "shared-iterations", "iterations");
        ExecutorSpec.requirePositive(maxDuration, "shared-iterations", "maxDuration");
        if (vus > iterations) {
            throw new IllegalArgumentException("Invalid shared-iterations: " + vus + " vus for " + iterations
                    + " iterations would leave VUs without work; use at most as many vus as iterations");
        }
    }

    /** Returns the executor with k6's default maxDuration of 10 minutes. */
    public SharedIterations(int vus, long iterations) {
        this(vus, iterations, DEFAULT_MAX_DURATION);
    }

    @Override
    public String k6Name() {
        return "shared-iterations";
    }

    @Override
    public int maxVus() {
        return vus;
    }

    @Override
    public String describe() {
        return iterations + " iterations shared among " + vus + " VUs (maxDuration: " + DurationFormat.format(maxDuration) + ")";
    }
}
