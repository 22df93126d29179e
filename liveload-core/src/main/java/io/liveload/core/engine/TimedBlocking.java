package io.liveload.core.engine;

/**
 * A blocking operation of a VU with a time limit, such as an HTTP request, registered with
 * {@link VuRuntime#beginBlocking(Runnable, long)}. The run's watchdog thread cancels it once its deadline passed
 * and marks it as timed out, so the VU can report a timeout rather than a cancellation.
 *
 * <p>Why not OkHttp's call timeout: each call with one enters and leaves a heap of timeouts that every call of the
 * JVM shares, under one lock (Okio's {@code AsyncTimeout}). In W1 of {@code bench/throughput.sh} on JDK 25 that
 * took an estimated 14% of the client's CPU. The watchdog instead reads one volatile field per VU every
 * {@link #CHECK_PERIOD_MILLIS} ms.
 */
public final class TimedBlocking {

    /** How often the watchdog looks for operations past their deadline, so the latest a cancellation comes. */
    public static final long CHECK_PERIOD_MILLIS = 10;

    private final Runnable cancel;
    private final long deadlineNanos;
    private volatile boolean timedOut;

    TimedBlocking(Runnable cancel, long deadlineNanos) {
        this.cancel = cancel;
        this.deadlineNanos = deadlineNanos;
    }

    /** Returns whether the watchdog cancelled the operation because its deadline passed. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Cancels the operation when its deadline passed at {@code nowNanos}; runs on the watchdog thread. */
    void expireIfOverdue(long nowNanos) {
        if (!timedOut && nowNanos - deadlineNanos >= 0) {
            timedOut = true;
            cancel.run();
        }
    }
}
