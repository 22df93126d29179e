package io.liveload.core.engine;

import io.liveload.core.ConfigurationException;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.executor.ExecutionContext;
import io.liveload.core.executor.ScenarioExecutor;
import io.liveload.core.executor.VuHandle;
import io.liveload.core.executor.VuLoop;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterSeries;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.Scenario;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's side of one scenario: its VUs, counters and the {@link ExecutionContext} its executor uses. */
final class ScenarioRun implements ExecutionContext {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRun.class);
    /** How long VUs get to end after a hard stop before they are abandoned. */
    static final long HARD_STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Scenario scenario;
    private final LoadRun loadRun;
    private final ThreadFactory threads;
    private final List<VuContext> vus = new ArrayList<>();
    private final Object vuEnded = new Object();
    private final LongAdder complete = new LongAdder();
    private final LongAdder interrupted = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private final CounterSeries droppedSeries;

    ScenarioRun(Scenario scenario, LoadRun loadRun) {
        this.scenario = scenario;
        this.loadRun = loadRun;
        this.threads = Threads.factory("liveload-vu-" + scenario.name() + "-");
        TagSet tags = TagSet.of(loadRun.context().options().tags()).with("scenario", scenario.name());
        if (scenario.executor() instanceof io.liveload.core.plan.ConstantArrivalRate
                || scenario.executor() instanceof io.liveload.core.plan.RampingArrivalRate) {
            // Only these executors drop iterations; a zero recorded up front lets a threshold such as
            // "count == 0" on dropped_iterations pass instead of failing for want of samples.
            this.droppedSeries = loadRun.context().metrics().counter(BuiltinMetrics.DROPPED_ITERATIONS, tags);
            droppedSeries.add(0);
        } else {
            this.droppedSeries = null;
        }
    }

    RunContext run() {
        return loadRun.context();
    }

    @Override
    public String testName() {
        return loadRun.testName();
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    /** Runs the scenario on the calling thread: waits for its start time, then runs its executor. */
    void execute(long runStartNanos) {
        try {
            if (!sleepUntil(runStartNanos + scenario.startTime().toNanos())) {
                return;
            }
            ScenarioExecutor.create(this).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hardStopAll();
        } catch (RuntimeException | Error e) {
            LOG.error("[{}] scenario {} failed: {}", loadRun.testName(), scenario.name(), e.toString(), e);
            loadRun.failed(e);
            hardStopAll();
        }
    }

    @Override
    public VuHandle startVu(VuLoop loop) {
        VuContext vu = new VuContext(loadRun.nextVuId(), this);
        Thread thread = threads.newThread(() -> {
            try {
                loop.run(vu);
            } catch (InterruptedException e) {
                // The VU was stopped hard while waiting for work.
            } catch (RuntimeException | Error e) {
                LOG.error("[{}] VU {} of scenario {} ended with an engine error: {}", loadRun.testName(), vu.id(),
                        scenario.name(), e.toString(), e);
                loadRun.failed(e);
            } finally {
                vu.close();
                synchronized (vuEnded) {
                    vuEnded.notifyAll();
                }
            }
        });
        vu.bind(thread);
        synchronized (vus) {
            vus.add(vu);
        }
        loadRun.vuAllocated();
        vu.setActive(true);
        if (loadRun.hardStopRequested()) {
            vu.hardStop();
        }
        thread.start();
        return vu;
    }

    void activeVusChanged(int delta) {
        int now = active.addAndGet(delta);
        maxActive.accumulateAndGet(now, Math::max);
        loadRun.activeVusChanged(delta);
    }

    @Override
    public boolean stopRequested() {
        return loadRun.stopRequested();
    }

    @Override
    public boolean hardStopRequested() {
        return loadRun.hardStopRequested();
    }

    @Override
    public boolean sleepUntil(long deadlineNanos) throws InterruptedException {
        return loadRun.sleepUntil(deadlineNanos);
    }

    @Override
    public List<VuHandle> awaitVus(Collection<VuHandle> waitFor, long deadlineNanos) throws InterruptedException {
        return waitForEnd(waitFor, deadlineNanos, true, true);
    }

    @Override
    public List<VuHandle> awaitVusThroughStop(Collection<VuHandle> waitFor, long deadlineNanos)
            throws InterruptedException {
        return waitForEnd(waitFor, deadlineNanos, false, true);
    }

    /**
     * Waits until the VUs ended or the deadline passed.
     *
     * @param endOnStop     also return when the run asks scenarios to stop
     * @param endOnHardStop also return when the run stops hard
     * @return the VUs still running
     */
    private List<VuHandle> waitForEnd(Collection<VuHandle> waitFor, long deadlineNanos, boolean endOnStop,
                                      boolean endOnHardStop) throws InterruptedException {
        List<VuHandle> running = new ArrayList<>(waitFor);
        synchronized (vuEnded) {
            while (true) {
                running.removeIf(VuHandle::finished);
                long remaining = deadlineNanos - System.nanoTime();
                if (running.isEmpty() || remaining <= 0 || endOnStop && loadRun.stopRequested()
                        || endOnHardStop && loadRun.hardStopRequested()) {
                    return running;
                }
                vuEnded.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), 100)));
            }
        }
    }

    @Override
    public void finish(Collection<VuHandle> running, long gracefulDeadlineNanos) throws InterruptedException {
        List<VuHandle> left = waitForEnd(running, gracefulDeadlineNanos, false, true);
        if (left.isEmpty()) {
            return;
        }
        LOG.info("[{}] scenario {}: graceful stop over, interrupting {} VUs", loadRun.testName(), scenario.name(),
                left.size());
        left.forEach(VuHandle::hardStop);
        List<VuHandle> stuck = waitForEnd(left, System.nanoTime() + HARD_STOP_WAIT_NANOS, false, false);
        if (!stuck.isEmpty()) {
            LOG.warn("[{}] scenario {}: {} VUs did not stop within {} ms of being interrupted (code that ignores "
                            + "interrupts, such as a busy loop); abandoning their threads", loadRun.testName(),
                    scenario.name(), stuck.size(), TimeUnit.NANOSECONDS.toMillis(HARD_STOP_WAIT_NANOS));
            for (VuHandle vu : stuck) {
                VuContext context = (VuContext) vu;
                if (context.abandon()) {
                    countInterrupted();
                }
                loadRun.abandoned(context.thread());
            }
        }
    }

    @Override
    public void dropIteration() {
        dropped.increment();
        if (droppedSeries == null) {
            throw new IllegalStateException("Only arrival-rate executors drop iterations");
        }
        droppedSeries.increment();
    }

    void countComplete() {
        complete.increment();
    }

    void countInterrupted() {
        interrupted.increment();
    }

    void recordStartDelay(TagSet tags, long delayNanos) {
        run().metrics().trend(BuiltinMetrics.ITERATION_START_DELAY, tags).recordNanos(delayNanos);
    }

    void recordLatency(TagSet tags, long latencyNanos) {
        run().metrics().trend(BuiltinMetrics.ITERATION_LATENCY, tags).recordNanos(latencyNanos);
    }

    void configurationError(ConfigurationException error) {
        loadRun.configurationError(error);
    }

    /** Cancels the timed blocking operations of this scenario's VUs whose deadline passed. */
    void expireOverdue(long nowNanos) {
        synchronized (vus) {
            for (VuContext vu : vus) {
                vu.expireOverdue(nowNanos);
            }
        }
    }

    /** Stops every VU of this scenario hard, from any thread. */
    void hardStopAll() {
        List<VuContext> copy;
        synchronized (vus) {
            copy = new ArrayList<>(vus);
        }
        copy.forEach(VuContext::hardStop);
    }

    long completeIterations() {
        return complete.sum();
    }

    long interruptedIterations() {
        return interrupted.sum();
    }

    ScenarioResult result() {
        return new ScenarioResult(scenario.name(), scenario.executor().describe(), complete.sum(), interrupted.sum(),
                dropped.sum(), maxActive.get());
    }
}
