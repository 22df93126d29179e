package io.liveload.core.report;

import static io.liveload.core.report.HtmlElements.count;
import static io.liveload.core.report.HtmlElements.raw;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.Abort;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.metrics.ValueFormat;
import io.liveload.core.threshold.ThresholdResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders a run as one self-contained HTML page: the verdict with the failed thresholds and the abort reason at the
 * top, key figures, the thresholds, charts over time (requests per second, active VUs, failed requests per second,
 * {@code http_req_duration} percentiles), a table per request name, LiveView joins, events and navigations per view,
 * the checks, every metric of the text summary, the most frequent errors and the run's configuration. Styles, SVG charts and the small script that shows chart values under the mouse are inline.
 * The page loads nothing, so it opens offline and can be archived as a build artifact.
 *
 * <p>Secrets stay out of the page: cookie values are never shown, and option, tag and environment values whose key
 * names a credential (token, password, authorization, ...) or that look like an {@code Authorization} header value
 * are replaced by {@value Redaction#REDACTED}, as are the user info of URLs, credential query parameters in request
 * names and credentials after {@code Bearer} or {@code Basic} in error messages. summary.json keeps the raw tags,
 * because it must stay lossless.
 *
 * <p>Cells with figures carry the raw number in a {@code data-value} attribute (milliseconds for durations,
 * fractions for rates), so tools can read the page without parsing formatted text.
 */
public final class HtmlReport {

    /** The report's file name in the output directory. */
    public static final String FILE_NAME = "report.html";

    /** The maximum number of errors listed. The rest are counted in one line. */
    static final int MAX_ERRORS = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String CSS = loadResource("report.css");
    private static final String SCRIPT = loadResource("report.js");

    private final SummaryModel model;
    private final RunResult result;
    private final Document document;
    private final Element main;

    private HtmlReport(RunResult result) {
        this.model = SummaryModel.of(result);
        this.result = result;
        this.document = Document.createShell("");
        this.main = document.body().appendElement("main");
    }

    /** Renders the report of a run as HTML text. */
    public static String render(RunResult result) {
        return new HtmlReport(result).build();
    }

    private static String loadResource(String name) {
        try (InputStream resource = HtmlReport.class.getResourceAsStream(name)) {
            if (resource == null) {
                throw new IllegalStateException(name + " is missing from the liveload-core jar");
            }
            return new String(resource.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name + " from the liveload-core jar", e);
        }
    }

    private String build() {
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        document.head().appendElement("meta").attr("charset", "utf-8");
        document.head().appendElement("meta").attr("name", "viewport")
                .attr("content", "width=device-width, initial-scale=1");
        document.head().appendElement("title").text(result.testName() + " - liveload report");
        document.head().appendElement("style").appendChild(new DataNode(CSS));
        document.selectFirst("html").attr("lang", "en");

        header();
        failures();
        figures();
        thresholds();
        charts();
        RequestsSection.render(main, result.metrics());
        LiveViewSection.render(main, result.metrics());
        ChecksSection.render(main, model.rootGroup(),
                (RateValue) aggregate(BuiltinMetrics.CHECKS.name()).orElse(new RateValue(0, 0)));
        MetricsSection.render(main, model);
        errors();
        main.appendChild(ConfigurationSection.render(result));
        footer();
        document.body().appendElement("script").appendChild(new DataNode(SCRIPT));
        return "<!DOCTYPE html>\n" + document.html() + "\n";
    }

    private void header() {
        Element head = main.appendElement("div").addClass("run-head");
        Element title = head.appendElement("div");
        title.appendElement("div").addClass("kicker").text("liveload load test report");
        title.appendElement("h1").text(result.testName());
        Element meta = title.appendElement("p").addClass("meta");
        meta.appendElement("span").text(TIME.format(result.start()) + " to " + TIME.format(result.end()));
        meta.appendElement("span").text(ValueFormat.millis(model.durationMillis()));
        int scenarios = result.scenarios().size();
        meta.appendElement("span").text(scenarios + (scenarios == 1 ? " scenario" : " scenarios"));

        String verdict = result.abort().isPresent() ? "ABORTED" : result.passed() ? "PASSED" : "FAILED";
        head.appendElement("div").addClass("verdict").addClass(result.passed() ? "passed" : "failed")
                .attr("data-verdict", verdict.toLowerCase(Locale.ROOT))
                .text(verdict);
    }

    private void failures() {
        List<ThresholdResult> failed = result.failedThresholds();
        Optional<Abort> abort = result.abort();
        if (failed.isEmpty() && abort.isEmpty()) {
            return;
        }
        Element alert = main.appendElement("div").addClass("alert").attr("role", "alert");
        String title = failed.isEmpty() ? "Run aborted"
                : failed.size() + " of " + result.thresholds().size() + " thresholds failed";
        alert.appendElement("h2").text(title);
        Element list = alert.appendElement("ul");
        abort.ifPresent(reason -> list.appendElement("li")
                .text("Aborted after " + ValueFormat.millis(reason.afterMillis()) + ": " + reason.reason()));
        for (ThresholdResult verdict : failed) {
            Element item = list.appendElement("li");
            item.appendElement("code").text(verdict.threshold().metricSelector());
            item.appendText(" ");
            item.appendElement("code").text(verdict.threshold().condition());
            String observed = SummaryFormat.observed(verdict, model.definition(verdict.threshold().metricName()));
            item.appendText(verdict.noSamples() ? ": no samples" : ": observed " + observed);
        }
    }

    private void figures() {
        Element figures = main.appendElement("div").addClass("figures");
        httpFigures(figures);
        aggregate(BuiltinMetrics.CHECKS.name()).ifPresent(value -> {
            RateValue checks = (RateValue) value;
            figure(figures, "checks", "Checks passed", SummaryFormat.percent(checks.rate()), checks.rate(),
                    count(checks.passes()) + " of " + count(checks.sampleCount()), checks.fails() > 0);
        });
        executionFigures(figures);
    }

    private void httpFigures(Element figures) {
        long duration = model.durationMillis();
        aggregate(BuiltinMetrics.HTTP_REQS.name()).ifPresent(value -> {
            CounterValue requests = (CounterValue) value;
            figure(figures, "http_reqs", "HTTP requests", count(requests.sum()), requests.sum(),
                    ValueFormat.number(round(requests.ratePerSecond(duration), 2)) + " per second", false);
        });
        aggregate(BuiltinMetrics.HTTP_REQ_FAILED.name()).ifPresent(value -> {
            RateValue failed = (RateValue) value;
            figure(figures, "http_req_failed", "Failed requests", SummaryFormat.percent(failed.rate()), failed.rate(),
                    count(failed.passes()) + " of " + count(failed.sampleCount()), failed.passes() > 0);
        });
        aggregate(BuiltinMetrics.HTTP_REQ_DURATION.name()).ifPresent(value -> {
            TrendValue durations = (TrendValue) value;
            figure(figures, "http_req_duration_p95", "p(95) duration", ValueFormat.millis(durations.percentile(95)),
                    durations.percentile(95), "p(99) " + ValueFormat.millis(durations.percentile(99)) + ", max "
                            + ValueFormat.millis(durations.max()), anyFailed(BuiltinMetrics.HTTP_REQ_DURATION.name()));
        });
    }

    private void executionFigures(Element figures) {
        long complete = result.scenarios().stream().mapToLong(ScenarioResult::completeIterations).sum();
        long interrupted = result.scenarios().stream().mapToLong(ScenarioResult::interruptedIterations).sum();
        long dropped = result.scenarios().stream().mapToLong(ScenarioResult::droppedIterations).sum();
        figure(figures, "iterations", "Iterations", count(complete), complete,
                count(interrupted) + " interrupted, " + count(dropped) + " dropped", dropped > 0);
        aggregate(BuiltinMetrics.VUS.name()).ifPresent(value -> {
            GaugeValue vus = (GaugeValue) value;
            int maxVus = result.scenarios().stream().mapToInt(ScenarioResult::maxVus).sum();
            figure(figures, "vus", "Peak VUs", count(vus.max()), vus.max(), "of " + count(maxVus) + " planned", false);
        });
        aggregate(BuiltinMetrics.DATA_RECEIVED.name()).ifPresent(value -> {
            CounterValue received = (CounterValue) value;
            String sent = aggregate(BuiltinMetrics.DATA_SENT.name())
                    .map(data -> ValueFormat.bytes(((CounterValue) data).sum()) + " sent").orElse("");
            figure(figures, "data_received", "Data received", ValueFormat.bytes(received.sum()), received.sum(), sent,
                    false);
        });
    }

    private void figure(Element figures, String key, String label, String value, double raw, String detail,
                        boolean bad) {
        Element figure = figures.appendElement("div").addClass("figure").attr("data-figure", key);
        if (bad) {
            figure.addClass("bad");
        }
        figure.appendElement("div").addClass("label").text(label);
        figure.appendElement("div").addClass("value").attr("data-value", raw(raw)).text(value);
        figure.appendElement("div").addClass("detail").text(detail);
    }

    private void thresholds() {
        if (result.thresholds().isEmpty()) {
            return;
        }
        Element section = HtmlElements.section(main, "thresholds", "Thresholds",
                result.failedThresholds().size() + " failed of " + result.thresholds().size());
        Element table = HtmlElements.table(section, new String[] {"Result", "Metric", "Condition", "Observed"},
                new boolean[] {false, false, false, true});
        Element body = table.appendElement("tbody");
        for (ThresholdResult verdict : result.thresholds()) {
            Element row = body.appendElement("tr")
                    .attr("data-metric", verdict.threshold().metricSelector())
                    .attr("data-condition", verdict.threshold().condition())
                    .attr("data-ok", String.valueOf(verdict.passed()));
            if (!verdict.passed()) {
                row.addClass("fail");
            }
            row.appendElement("td").appendElement("span").addClass("badge").addClass(verdict.passed() ? "pass" : "fail")
                    .text(verdict.passed() ? "PASS" : "FAIL");
            row.appendElement("td").addClass("name").appendElement("code").text(verdict.threshold().metricSelector());
            Element condition = row.appendElement("td");
            condition.appendElement("code").text(verdict.threshold().condition());
            if (verdict.threshold().abortOnFail()) {
                condition.appendElement("span").addClass("muted").text(" abortOnFail");
            }
            Element observed = row.appendElement("td").addClass("num").attr("data-value", raw(verdict.observed()));
            String text = SummaryFormat.observed(verdict, model.definition(verdict.threshold().metricName()));
            String label = SummaryText.aggregationLabel(verdict.threshold());
            observed.text(verdict.noSamples() ? text : label + " = " + text);
        }
    }

    private void charts() {
        if (result.timeline().isEmpty()) {
            return;
        }
        ChartData data = ChartData.of(result.timeline(), result.start().toEpochMilli());
        Element section = HtmlElements.section(main, "charts", "Over time",
                data.size() + " points, time since the start in m:ss");
        Element grid = section.appendElement("div").addClass("charts");
        grid.appendChild(new SvgChart("Requests per second", "req/s", data.seconds(), List.of(
                new SvgChart.Line("", "#1f5fd1", data.requestsPerSecond(), true, false))).render());
        grid.appendChild(new SvgChart("Active VUs", "VUs", data.seconds(), List.of(
                new SvgChart.Line("", "#6e40c9", data.activeVus(), true, false))).render());
        grid.appendChild(new SvgChart("HTTP request duration", "ms", data.seconds(), List.of(
                new SvgChart.Line("p(50)", "#4b9be8", data.p50(), false, false),
                new SvgChart.Line("p(90)", "#1f5fd1", data.p90(), false, false),
                new SvgChart.Line("p(95)", "#6e40c9", data.p95(), false, false),
                new SvgChart.Line("p(99)", "#c2185b", data.p99(), false, false),
                new SvgChart.Line("max", "#8c959f", data.max(), false, true))).render());
        grid.appendChild(new SvgChart("Failed requests per second", "failed req/s", data.seconds(), List.of(
                new SvgChart.Line("", "#b3261e", data.failedPerSecond(), true, false))).render());
    }

    private void errors() {
        List<ErrorCount> errors = result.errors();
        if (errors.isEmpty()) {
            return;
        }
        long total = errors.stream().mapToLong(ErrorCount::count).sum();
        Element section = HtmlElements.section(main, "errors", "Errors",
                count(total) + " in " + errors.size() + (errors.size() == 1 ? " kind" : " kinds"));
        Element table = HtmlElements.table(section, new String[] {"Count", "Kind", "Message"},
                new boolean[] {true, false, false});
        table.addClass("errors");
        Element body = table.appendElement("tbody");
        List<ErrorCount> listed = errors.subList(0, Math.min(MAX_ERRORS, errors.size()));
        for (ErrorCount error : listed) {
            Element row = body.appendElement("tr");
            row.appendElement("td").addClass("num").attr("data-value", raw(error.count())).text(count(error.count()));
            String code = error.code() == null || error.code().isBlank() || error.code().equals("-") ? ""
                    : " " + error.code();
            row.appendElement("td").addClass("mono").addClass("nowrap").text(error.category() + code);
            row.appendElement("td").addClass("name").text(Redaction.url(Redaction.message(error.message())));
        }
        if (errors.size() > listed.size()) {
            long rest = errors.subList(listed.size(), errors.size()).stream().mapToLong(ErrorCount::count).sum();
            section.appendElement("p").addClass("more").text("and " + (errors.size() - listed.size())
                    + " more kinds (" + count(rest) + (rest == 1 ? " error)" : " errors)"));
        }
    }

    private void footer() {
        Element footer = main.appendElement("footer");
        footer.appendElement("div").text("Percentiles use the nearest-rank definition on HdrHistogram buckets with "
                + "3 significant digits: each reported value is at most 0.1% above a recorded value. Charts show one "
                + "point per sampling interval (about a second); their duration percentiles are per interval.");
        footer.appendElement("div").text("Written by liveload. Machine-readable figures: "
                + ReportWriter.SUMMARY_FILE + " next to this file.");
    }

    private Optional<Aggregate> aggregate(String metric) {
        return result.metrics().aggregate(metric).filter(value -> value.sampleCount() > 0);
    }

    private boolean anyFailed(String metric) {
        return model.metrics().stream()
                .filter(entry -> entry.metric().name().equals(metric) && !entry.isSubMetric())
                .anyMatch(SummaryModel.MetricEntry::anyThresholdFailed);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
