package io.liveload.core.phoenix;

import java.time.Duration;
import java.util.List;

/** Delays between retries: one per attempt, the last one repeating for every attempt after the list. */
final class Backoff {

    private final long[] stepsNanos;

    Backoff(List<Duration> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A back-off needs at least one delay");
        }
        stepsNanos = new long[steps.size()];
        for (int i = 0; i < stepsNanos.length; i++) {
            Duration step = steps.get(i);
            if (step.isNegative()) {
                throw new IllegalArgumentException("Invalid back-off delay " + step + ": it must be zero or more");
            }
            stepsNanos[i] = step.toNanos();
        }
    }

    /** Returns the delay before retry number {@code attempt}, counting from 1. */
    long delayNanos(int attempt) {
        int index = Math.min(Math.max(attempt, 1), stepsNanos.length) - 1;
        return stepsNanos[index];
    }
}
