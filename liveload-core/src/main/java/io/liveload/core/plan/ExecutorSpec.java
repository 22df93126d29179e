package io.liveload.core.plan;

import java.time.Duration;

/**
 * How a scenario schedules its VUs and iterations. One record per k6 executor, with k6's option names and
 * defaults; each validates its options when built.
 */
public sealed interface ExecutorSpec
        permits ConstantVus, PerVuIterations, SharedIterations, RampingVus, ConstantArrivalRate, RampingArrivalRate {

    /** k6's default maxDuration for iteration-based executors. */
    Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

    /** Returns k6's name of the executor, e.g. {@code constant-vus}. */
    String k6Name();

    /** Returns the largest number of VUs the executor may run at once. */
    int maxVus();

    /** Returns the longest time the executor schedules iterations, without the graceful stop. */
    Duration maxDuration();

    /** Returns a one-line description for the summary, e.g. {@code 100 looping VUs for 10s}. */
    String describe();

    static int requirePositive(int value, String executor, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + " for " + executor
                    + ": it must be a positive number");
        }
        return value;
    }

    static long requirePositive(long value, String executor, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + " for " + executor
                    + ": it must be a positive number");
        }
        return value;
    }

    static Duration requirePositive(Duration value, String executor, String option) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("Invalid " + option + " " + (value == null ? "(none)"
                    : DurationFormat.format(value)) + " for " + executor + ": it must be longer than zero");
        }
        return value;
    }

    static Duration requireNotNegative(Duration value, String executor, String option) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("Invalid " + option + " for " + executor
                    + ": it must be zero or longer");
        }
        return value;
    }
}
