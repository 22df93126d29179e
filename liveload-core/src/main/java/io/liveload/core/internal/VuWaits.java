package io.liveload.core.internal;

import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.VuRuntime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded waits of a VU thread that a hard stop of the run ends. Each wait registers with
 * {@link VuRuntime#beginBlocking(Runnable)}. The engine interrupts the VU thread when it stops the VU, which
 * ends the wait with {@link IterationInterruptedException}.
 */
public final class VuWaits {

    /** The maximum wait, so that deadline arithmetic cannot overflow. */
    private static final long MAX_WAIT_NANOS = TimeUnit.DAYS.toNanos(1);

    private VuWaits() {
    }

    /**
     * Returns the timeout in nanoseconds, capped at one day.
     *
     * @throws IllegalArgumentException when the timeout is negative
     */
    public static long nanos(Duration timeout, String setting) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("Invalid " + setting + " " + timeout + ": it must be zero or more");
        }
        return timeout.compareTo(Duration.ofDays(1)) > 0 ? MAX_WAIT_NANOS : timeout.toNanos();
    }

    /**
     * Waits up to the timeout for the future, which must complete normally with a non-null value.
     *
     * @param action what the VU is waiting for, for the interruption message, e.g. "waiting for a join reply"
     * @return the future's value, or null when the timeout passed first
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public static <T> T await(VuRuntime vu, CompletableFuture<T> future, long timeoutNanos, String action) {
        T done = future.getNow(null);
        if (done != null) {
            return done;
        }
        // The engine interrupts the VU thread on a hard stop, which ends get(); nothing else needs cancelling.
        vu.beginBlocking(() -> { });
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            throw stopped(vu, action);
        } catch (ExecutionException e) {
            throw new IllegalStateException("liveload error while " + action + ": " + e.getCause(), e.getCause());
        } finally {
            vu.endBlocking();
        }
    }

    /**
     * Takes the next message from the inbox, waiting up to the timeout.
     *
     * @return the message, or null when the timeout passed or the inbox is closed and empty
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public static <T> T poll(VuRuntime vu, Inbox<T> inbox, long timeoutNanos, String action) {
        T ready = inbox.poll();
        if (ready != null || timeoutNanos <= 0) {
            return ready;
        }
        vu.beginBlocking(inbox::wakeUp);
        try {
            T item = inbox.poll(timeoutNanos);
            if (item == null && vu.hardStopped()) {
                throw stopped(vu, action);
            }
            return item;
        } catch (InterruptedException e) {
            throw stopped(vu, action);
        } finally {
            vu.endBlocking();
        }
    }

    /** Returns the exception that ends an iteration whose VU was stopped while waiting. */
    public static IterationInterruptedException stopped(VuRuntime vu, String action) {
        return new IterationInterruptedException("VU " + vu.vuId() + " was stopped while " + action);
    }
}
