package io.liveload.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.RunResult;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.MetricsSnapshot;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.report.SummaryModel.MetricEntry;
import io.liveload.core.threshold.ThresholdResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a run as JSON in the shape of k6's summary data (the object k6 hands to {@code handleSummary} and writes
 * with {@code --summary-export}), and reads its metrics back.
 *
 * <p>k6's part: {@code metrics} maps each metric name, and each sub-metric such as
 * {@code http_req_duration{name:settings}}, to its {@code type}, {@code contains}, {@code values} and, when it has
 * thresholds, {@code thresholds} keyed by the condition as written with {@code {"ok": true|false}}. Values: counters
 * {@code count} and {@code rate} (per second over the run), gauges {@code value}, {@code min} and {@code max},
 * rates {@code rate} (a fraction in [0, 1]), {@code passes} and {@code fails}, trends the {@code summaryTrendStats}
 * in milliseconds for time metrics. A metric without samples has {@code null} for every value that needs one.
 * {@code root_group} contains the groups and checks with k6's paths and ids, {@code state.testRunDurationMs} the run's
 * length and {@code options} the summary options.
 *
 * <p>liveload's part, {@code liveload}, makes the file lossless, so runs can be compared or merged later: the
 * format version, test name, start and end of the measured run, the warm-up before it ({@code warmupMs}, 0 for
 * none), scenarios, threshold verdicts, errors, abort, metric definitions and
 * every series with its tags and raw values (counter sum and count, rate passes and fails, gauge value, min, max
 * and count, trend count, exact sum and HdrHistogram in compressed Base64). {@link #readMetrics(JsonNode)} rebuilds
 * a {@link MetricsSnapshot} from it.
 */
public final class SummaryJson {

    /** The version of the {@code liveload} section this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    /** Renders the summary as indented JSON text. */
    public static String render(RunResult result) {
        try {
            return MAPPER.writeValueAsString(toJson(result)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize the summary of " + result.testName(), e);
        }
    }

    /** Returns the summary as a Jackson tree. */
    public static ObjectNode toJson(RunResult result) {
        SummaryModel model = SummaryModel.of(result);
        ObjectNode root = MAPPER.createObjectNode();
        root.set("root_group", group(model.rootGroup()));
        ObjectNode options = root.putObject("options");
        ArrayNode stats = options.putArray("summaryTrendStats");
        model.trendStats().forEach(stats::add);
        options.put("summaryTimeUnit", "");
        options.put("noColor", true);
        root.putObject("state").put("testRunDurationMs", (double) model.durationMillis());
        ObjectNode metrics = root.putObject("metrics");
        for (MetricEntry entry : model.metrics()) {
            metrics.set(entry.key(), metric(entry, model));
        }
        root.set("liveload", liveload(model));
        return root;
    }

    private static ObjectNode group(CheckGroup group) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", group.name());
        node.put("path", group.path());
        node.put("id", group.id());
        ArrayNode groups = node.putArray("groups");
        group.groups().forEach(nested -> groups.add(group(nested)));
        ArrayNode checks = node.putArray("checks");
        for (CheckGroup.Check check : group.checks()) {
            ObjectNode checkNode = checks.addObject();
            checkNode.put("name", check.name());
            checkNode.put("path", check.path());
            checkNode.put("id", check.id());
            checkNode.put("passes", check.passes());
            checkNode.put("fails", check.fails());
        }
        return node;
    }

    private static ObjectNode metric(MetricEntry entry, SummaryModel model) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", entry.metric().type().k6Name());
        node.put("contains", entry.metric().contains().k6Name());
        node.set("values", values(entry, model));
        if (!entry.thresholds().isEmpty()) {
            ObjectNode thresholds = node.putObject("thresholds");
            for (ThresholdResult verdict : entry.thresholds()) {
                thresholds.putObject(verdict.threshold().condition()).put("ok", verdict.passed());
            }
        }
        return node;
    }

    private static ObjectNode values(MetricEntry entry, SummaryModel model) {
        ObjectNode values = MAPPER.createObjectNode();
        Aggregate value = entry.hasSamples() ? entry.value() : null;
        switch (entry.metric().type()) {
            case COUNTER -> {
                CounterValue counter = value == null ? new CounterValue(0, 0) : (CounterValue) value;
                putNumber(values, "count", counter.sum());
                putNumber(values, "rate", counter.ratePerSecond(model.durationMillis()));
            }
            case GAUGE -> {
                GaugeValue gauge = (GaugeValue) value;
                putNumber(values, "value", gauge == null ? Double.NaN : gauge.value());
                putNumber(values, "min", gauge == null ? Double.NaN : gauge.min());
                putNumber(values, "max", gauge == null ? Double.NaN : gauge.max());
            }
            case RATE -> {
                RateValue rate = value == null ? new RateValue(0, 0) : (RateValue) value;
                putNumber(values, "rate", value == null ? Double.NaN : rate.rate());
                values.put("passes", rate.passes());
                values.put("fails", rate.fails());
            }
            case TREND -> {
                TrendValue trend = value == null ? TrendValue.empty(entry.metric().isTime()) : (TrendValue) value;
                for (String stat : model.trendStats()) {
                    putNumber(values, stat, TrendStats.value(trend, stat));
                }
            }
        }
        return values;
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(key);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(key, (long) value);
        } else {
            node.put(key, value);
        }
    }

    private static ObjectNode liveload(SummaryModel model) {
        RunResult result = model.result();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("testName", result.testName());
        node.put("passed", result.passed());
        node.put("start", result.start().toString());
        node.put("end", result.end().toString());
        node.put("durationMs", model.durationMillis());
        node.put("warmupMs", result.plan().options().warmup().toMillis());
        node.set("scenarios", scenarios(result));
        node.set("thresholds", thresholds(result));
        node.set("errors", errors(result));
        if (result.abort().isPresent()) {
            ObjectNode abort = node.putObject("abort");
            abort.put("reason", result.abort().get().reason());
            abort.put("afterMs", result.abort().get().afterMillis());
        } else {
            node.putNull("abort");
        }
        node.set("metricDefinitions", definitions(result));
        ArrayNode series = node.putArray("series");
        for (SeriesValue value : result.metrics().series()) {
            series.add(series(value));
        }
        return node;
    }

    private static ArrayNode scenarios(RunResult result) {
        ArrayNode scenarios = MAPPER.createArrayNode();
        for (ScenarioResult scenario : result.scenarios()) {
            ObjectNode node = scenarios.addObject();
            node.put("name", scenario.name());
            node.put("executor", scenario.executor());
            node.put("completeIterations", scenario.completeIterations());
            node.put("interruptedIterations", scenario.interruptedIterations());
            node.put("droppedIterations", scenario.droppedIterations());
            node.put("maxVus", scenario.maxVus());
        }
        return scenarios;
    }

    private static ArrayNode thresholds(RunResult result) {
        ArrayNode thresholds = MAPPER.createArrayNode();
        for (ThresholdResult verdict : result.thresholds()) {
            ObjectNode node = thresholds.addObject();
            node.put("metric", verdict.threshold().metricSelector());
            node.put("condition", verdict.threshold().condition());
            node.put("abortOnFail", verdict.threshold().abortOnFail());
            node.put("ok", verdict.passed());
            putNumber(node, "observed", verdict.observed());
            node.put("observedText", verdict.noSamples() ? "no samples" : verdict.observedText());
        }
        return thresholds;
    }

    private static ArrayNode errors(RunResult result) {
        ArrayNode errors = MAPPER.createArrayNode();
        for (ErrorCount error : result.errors()) {
            ObjectNode node = errors.addObject();
            node.put("category", error.category());
            node.put("code", error.code());
            node.put("message", error.message());
            node.put("count", error.count());
        }
        return errors;
    }

    private static ArrayNode definitions(RunResult result) {
        Map<String, Metric> definitions = new LinkedHashMap<>();
        for (SeriesValue series : result.metrics().series()) {
            definitions.putIfAbsent(series.metric().name(), series.metric());
        }
        result.plan().customMetrics().forEach(metric -> definitions.putIfAbsent(metric.name(), metric));
        ArrayNode array = MAPPER.createArrayNode();
        for (Metric metric : definitions.values()) {
            ObjectNode definition = array.addObject();
            definition.put("name", metric.name());
            definition.put("type", metric.type().k6Name());
            definition.put("contains", metric.contains().k6Name());
        }
        return array;
    }

    private static ObjectNode series(SeriesValue series) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("metric", series.metric().name());
        node.put("type", series.metric().type().k6Name());
        node.put("contains", series.metric().contains().k6Name());
        ObjectNode tags = node.putObject("tags");
        series.tags().asMap().forEach(tags::put);
        ObjectNode data = node.putObject("data");
        Aggregate value = series.value();
        if (value instanceof CounterValue counter) {
            data.put("sum", counter.sum());
            data.put("count", counter.sampleCount());
        } else if (value instanceof RateValue rate) {
            data.put("passes", rate.passes());
            data.put("fails", rate.fails());
        } else if (value instanceof GaugeValue gauge) {
            data.put("value", gauge.value());
            data.put("min", gauge.min());
            data.put("max", gauge.max());
            data.put("count", gauge.sampleCount());
        } else if (value instanceof TrendValue trend) {
            data.put("count", trend.sampleCount());
            data.put("sum", trend.sum());
            data.put("histogram", trend.encodeBase64());
        }
        return node;
    }

    /**
     * Rebuilds the metrics of a summary written by this class from its {@code liveload} section. Histograms,
     * counts and sums are restored exactly, so percentiles equal those of the run. Gauges lose the time of their
     * last update: merging two read snapshots keeps the first one's gauge value (min, max and count merge exactly).
     *
     * @throws IllegalArgumentException when the JSON has no {@code liveload} section, another format version, or
     *                                  a malformed series; the message names the part
     */
    public static MetricsSnapshot readMetrics(JsonNode summary) {
        return SummaryReader.readMetrics(summary);
    }

    /**
     * Rebuilds the metrics of a summary from its JSON text.
     *
     * @throws IllegalArgumentException when the text is not JSON or not a liveload summary
     */
    public static MetricsSnapshot readMetrics(String json) {
        try {
            return readMetrics(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid summary JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Rebuilds the metrics of a summary file.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when it is not a liveload summary
     */
    public static MetricsSnapshot readMetrics(Path file) {
        try {
            return readMetrics(MAPPER.readTree(Files.readAllBytes(file)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid summary JSON in " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the summary " + file, e);
        }
    }
}
