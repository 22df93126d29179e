package io.liveload.core.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * Makes a threshold stop the run when it fails while the run goes on (k6's {@code abortOnFail}): the threshold is
 * judged once a second from {@code delayAbortEval} after the start, and a breach stops every scenario gracefully
 * and fails the run, naming the threshold and the time. Create it with {@link Liveload#abortOnFail()}.
 *
 * @param delayAbortEval time after the run's start before the first check, so early samples (warm-up, connection
 *                       setup) do not abort the run; zero or longer
 */
public record AbortOnFail(Duration delayAbortEval) {

    public AbortOnFail {
        Objects.requireNonNull(delayAbortEval, "delayAbortEval");
        Times.notNegative(delayAbortEval, "delayAbortEval");
    }

    /** Returns this with another delay before the first check; see {@link #delayAbortEval()}. */
    public AbortOnFail delayAbortEval(Duration delay) {
        return new AbortOnFail(delay);
    }

    /** Returns this with a delay given as a k6 duration string such as {@code "10s"}. */
    public AbortOnFail delayAbortEval(String delay) {
        return new AbortOnFail(Times.parse(delay, "delayAbortEval"));
    }
}
