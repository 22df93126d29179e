package io.liveload.junit;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.metrics.ValueFormat;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.threshold.ThresholdResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The message of a failed load test, short enough for a CI test report: every breached threshold with its
 * observed value, the abort reason if any, and the run's key figures.
 */
final class FailureMessage {

    private FailureMessage() {
    }

    static String of(RunResult result) {
        StringBuilder message = new StringBuilder();
        List<ThresholdResult> failed = result.failedThresholds();
        if (!failed.isEmpty()) {
            message.append(failed.size() == 1 ? "1 threshold" : failed.size() + " thresholds")
                    .append(" breached in ").append(result.testName()).append(':');
            for (ThresholdResult threshold : failed) {
                message.append("\n  ✗ ").append(threshold.describe());
            }
        }
        result.abort().ifPresent(abort -> {
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append("Run aborted after ").append(DurationFormat.format(Duration.ofMillis(abort.afterMillis())))
                    .append(": ").append(abort.reason());
        });
        message.append('\n').append(keyFigures(result));
        return message.toString();
    }

    /** Returns e.g. {@code Run: 1002 requests, 0.00% failed, p(95) 612.4ms, 500 iterations, 10.9s}. */
    static String keyFigures(RunResult result) {
        StringBuilder figures = new StringBuilder("Run: ");
        Optional<Aggregate> requests = result.metrics().aggregate("http_reqs");
        if (requests.isPresent()) {
            figures.append(ValueFormat.number(((CounterValue) requests.get()).sum())).append(" requests, ");
            result.metrics().aggregate("http_req_failed").ifPresent(failed ->
                    figures.append(ValueFormat.percent(((RateValue) failed).rate())).append(" failed, "));
            result.metrics().aggregate("http_req_duration").ifPresent(duration ->
                    figures.append("p(95) ").append(ValueFormat.millis(((TrendValue) duration).percentile(95))).append(", "));
        }
        long iterations = result.scenarios().stream().mapToLong(RunResult.ScenarioResult::completeIterations).sum();
        long interrupted = result.scenarios().stream().mapToLong(RunResult.ScenarioResult::interruptedIterations).sum();
        figures.append(iterations).append(" iterations");
        if (interrupted > 0) {
            figures.append(" (").append(interrupted).append(" interrupted)");
        }
        figures.append(", ").append(ValueFormat.millis(result.duration().toMillis()));
        return figures.toString();
    }
}
