package io.liveload.junit;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.metrics.ValueFormat;
import io.liveload.core.report.HtmlReport;
import io.liveload.core.report.ReportWriter;
import io.liveload.core.threshold.ThresholdResult;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's key figures as JUnit report entries and its summary.json and report.html as published
 * files, so that the Open Test Reporting XML and IDEs show them. Surefire's XML drops report entries; the
 * summary printed to standard output is what lands there.
 *
 * <p>Files are published through {@code ExtensionContext.publishFile}, which exists from JUnit 5.12 on; it is
 * found by reflection because its media-type parameter moved packages between JUnit 5.12 and 6, and on older
 * JUnit versions the files are simply not published.
 */
final class ResultPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);

    private ResultPublisher() {
    }

    static void publish(ExtensionContext context, RunResult result) {
        context.publishReportEntry(keyFigures(result));
        Path outputDir = result.plan().options().outputDir();
        if (outputDir == null) {
            return;
        }
        publishFile(context, outputDir.resolve(ReportWriter.SUMMARY_FILE), "application/json");
        publishFile(context, outputDir.resolve(HtmlReport.FILE_NAME), "text/html");
    }

    /** Returns the entries, keys prefixed with {@code liveload.}. */
    static Map<String, String> keyFigures(RunResult result) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("liveload.status", result.passed() ? "passed" : "failed");
        entries.put("liveload.duration", ValueFormat.millis(result.duration().toMillis()));
        entries.put("liveload.iterations", String.valueOf(result.scenarios().stream()
                .mapToLong(RunResult.ScenarioResult::completeIterations).sum()));
        result.metrics().aggregate("http_reqs").ifPresent(requests ->
                entries.put("liveload.http_reqs", ValueFormat.number(((CounterValue) requests).sum())));
        result.metrics().aggregate("http_req_failed").ifPresent(failed ->
                entries.put("liveload.http_req_failed", ValueFormat.percent(((RateValue) failed).rate())));
        result.metrics().aggregate("http_req_duration").ifPresent(duration -> {
            TrendValue trend = (TrendValue) duration;
            entries.put("liveload.http_req_duration.p95", ValueFormat.millis(trend.percentile(95)));
            entries.put("liveload.http_req_duration.p99", ValueFormat.millis(trend.percentile(99)));
        });
        result.metrics().aggregate("checks").ifPresent(checks ->
                entries.put("liveload.checks", ValueFormat.percent(((RateValue) checks).rate())));
        int index = 0;
        for (ThresholdResult threshold : result.thresholds()) {
            entries.put("liveload.threshold." + index++, (threshold.passed() ? "passed: " : "failed: ")
                    + threshold.describe());
        }
        return entries;
    }

    private static void publishFile(ExtensionContext context, Path file, String mediaType) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Method publish = publishFileMethod(context);
        if (publish == null) {
            return;
        }
        try {
            Object type = publish.getParameterTypes()[1].getMethod("parse", String.class).invoke(null, mediaType);
            ThrowingConsumer<Path> copy = target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            publish.invoke(context, file.getFileName().toString(), type, copy);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not publish {} to the JUnit report: {}", file, e.toString());
        }
    }

    /** Returns {@code publishFile(String, MediaType, ThrowingConsumer)}, preferring JUnit 6's media type. */
    private static Method publishFileMethod(ExtensionContext context) {
        Method fallback = null;
        for (Method method : ExtensionContext.class.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getName().equals("publishFile") && parameters.length == 3 && parameters[0] == String.class
                    && parameters[1].getSimpleName().equals("MediaType") && parameters[2] == ThrowingConsumer.class) {
                if (parameters[1].getName().equals("org.junit.jupiter.api.MediaType")) {
                    return method;
                }
                fallback = method;
            }
        }
        return fallback;
    }
}
