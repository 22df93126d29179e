package io.liveload.core.executor;

import io.liveload.core.plan.Scenario;
import java.util.Collection;
import java.util.List;

/**
 * What the engine gives an executor to run one scenario: VU threads, the run's stop signals and counters.
 * Times are {@link System#nanoTime()} values.
 */
public interface ExecutionContext {

    /** Returns the run's test name, for log lines. */
    String testName();

    /** Returns the scenario to run. */
    Scenario scenario();

    /**
     * Allocates a VU and starts its thread (virtual on Java 21+) running the loop. The VU counts in
     * {@code vus_max} from now on and in {@code vus} while it is active (initially active).
     */
    VuHandle startVu(VuLoop loop);

    /**
     * Returns whether the run asked every scenario to stop starting iterations (an abortOnFail threshold, an
     * abort of the whole run). Executors check it before each iteration.
     */
    boolean stopRequested();

    /** Returns whether the run stopped hard (a configuration error): executors end at once. */
    boolean hardStopRequested();

    /**
     * Sleeps until the deadline or until a stop is requested, whichever comes first.
     *
     * @return whether the deadline was reached (false: a stop was requested)
     */
    boolean sleepUntil(long deadlineNanos) throws InterruptedException;

    /**
     * Waits until every VU's thread has ended or the deadline passed; returns early when the run requests a stop
     * or stops hard.
     *
     * @return the VUs still running
     */
    List<VuHandle> awaitVus(Collection<VuHandle> vus, long deadlineNanos) throws InterruptedException;

    /**
     * Waits until every VU's thread has ended or the deadline passed; returns early only on a hard stop. For
     * waits inside a graceful period, which a stop request does not shorten.
     *
     * @return the VUs still running
     */
    List<VuHandle> awaitVusThroughStop(Collection<VuHandle> vus, long deadlineNanos) throws InterruptedException;

    /**
     * Ends the scenario: waits for the VUs until {@code gracefulDeadlineNanos}, then stops the rest hard
     * (counted as interrupted) and waits briefly for them; VUs stuck in code that ignores interrupts are
     * abandoned with a warning so that the run never hangs.
     */
    void finish(Collection<VuHandle> vus, long gracefulDeadlineNanos) throws InterruptedException;

    /** Counts an iteration that an arrival-rate executor could not start (no free VU). */
    void dropIteration();
}
