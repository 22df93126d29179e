package io.liveload.junit;

import io.liveload.core.RunResult;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.threshold.ThresholdResult;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link RunResult}. */
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {

    RunResultAssert(RunResult actual) {
        super(actual, RunResultAssert.class);
    }

    /**
     * Returns assertions on a metric or sub-metric, e.g. {@code metric("http_req_duration{name:settings}")}, merged
     * over its matching series.
     */
    public MetricAssert metric(String selector) {
        isNotNull();
        return new MetricAssert(actual, selector);
    }

    /** Returns assertions on the {@code checks} metric. */
    public ChecksAssert checks() {
        isNotNull();
        return new ChecksAssert(actual, null);
    }

    /** Verifies that every threshold passed and the run was not aborted. */
    public RunResultAssert passed() {
        isNotNull();
        if (!actual.passed()) {
            failWithMessage("Expected %s to pass, but %s", actual.testName(), reasons());
        }
        return this;
    }

    /** Verifies that no error of any kind (failed requests, exceptions in the script) was counted. */
    public RunResultAssert hasNoErrors() {
        isNotNull();
        if (!actual.errors().isEmpty()) {
            failWithMessage("Expected %s to have no errors, but it had:%n%s", actual.testName(),
                    actual.errors().stream().limit(10).map(RunResultAssert::describe).collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** Verifies the number of complete iterations over all scenarios. */
    public RunResultAssert hasCompleteIterations(long expected) {
        isNotNull();
        long complete = actual.scenarios().stream().mapToLong(RunResult.ScenarioResult::completeIterations).sum();
        if (complete != expected) {
            failWithMessage("Expected %s to complete %d iterations, but it completed %d", actual.testName(),
                    expected, complete);
        }
        return this;
    }

    private String reasons() {
        StringBuilder reasons = new StringBuilder();
        for (ThresholdResult failed : actual.failedThresholds()) {
            reasons.append(System.lineSeparator()).append("  ✗ ").append(failed.describe());
        }
        actual.abort().ifPresent(abort -> reasons.append(System.lineSeparator()).append("  aborted: ").append(abort.reason()));
        return reasons.length() == 0 ? "it did not" : "it failed:" + reasons;
    }

    private static String describe(ErrorCount error) {
        return "  " + error.count() + " x " + error.category() + " " + error.code() + ": " + error.message();
    }
}
