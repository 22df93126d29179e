package io.liveload.core;

import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.MetricsSnapshot;
import io.liveload.core.metrics.TimelinePoint;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.threshold.ThresholdResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run produced: metric totals (HdrHistogram counts, so runs merge without loss), the per-second
 * timeline, threshold verdicts, iteration counts per scenario, the distinct errors with their counts, and why the
 * run stopped early, if it did. Immutable.
 *
 * @param plan       the plan that ran
 * @param start      wall-clock start
 * @param end        wall-clock end, graceful stops included
 * @param metrics    totals of every series
 * @param timeline   one point per sampling interval (about a second)
 * @param thresholds the verdict of every threshold of the plan, in plan order
 * @param scenarios  what each scenario did
 * @param errors     distinct errors, most frequent first
 * @param abort      why the run stopped before its scenarios ended, if it did
 */
public record RunResult(LoadPlan plan, Instant start, Instant end, MetricsSnapshot metrics,
                        List<TimelinePoint> timeline, List<ThresholdResult> thresholds,
                        List<ScenarioResult> scenarios, List<ErrorCount> errors, Optional<Abort> abort) {

    public RunResult {
        timeline = List.copyOf(timeline);
        thresholds = List.copyOf(thresholds);
        scenarios = List.copyOf(scenarios);
        errors = List.copyOf(errors);
    }

    /**
     * What one scenario did.
     *
     * @param name                  the scenario's name
     * @param executor              the executor's description, e.g. {@code 100 looping VUs for 10s}
     * @param completeIterations    iterations that ran to their end (with or without an exception)
     * @param interruptedIterations iterations ended by the graceful stop's end or an abort
     * @param droppedIterations     iterations an arrival-rate executor could not start
     * @param maxVus                the most VUs the scenario ran at once
     */
    public record ScenarioResult(String name, String executor, long completeIterations, long interruptedIterations,
                                 long droppedIterations, int maxVus) {
    }

    /**
     * Why a run stopped early.
     *
     * @param reason      a sentence for people, e.g. which threshold was breached
     * @param afterMillis time from the run's start to the abort
     */
    public record Abort(String reason, long afterMillis) {
    }

    /** Returns the run's length. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Returns the thresholds that failed. */
    public List<ThresholdResult> failedThresholds() {
        return thresholds.stream().filter(result -> !result.passed()).toList();
    }

    /** Returns whether every threshold passed and the run was not aborted. */
    public boolean passed() {
        return abort.isEmpty() && failedThresholds().isEmpty();
    }

    /** Returns the test name from the options. */
    public String testName() {
        return plan.options().testName();
    }
}
