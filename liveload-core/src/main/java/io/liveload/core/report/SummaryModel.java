package io.liveload.core.report;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.threshold.Threshold;
import io.liveload.core.threshold.ThresholdResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The content that every summary format shows of a run, computed once: the metrics and sub-metrics to list with
 * their merged values and thresholds, the check groups and the trend statistics to show.
 *
 * <p>A metric is listed when it has samples or a threshold. A sub-metric (a metric with a tag filter) is listed
 * when a threshold names it, and {@code http_req_duration{expected_response:true}} whenever
 * {@code http_req_duration} has samples, as k6 lists them. Metrics are sorted by name and each sub-metric follows
 * its metric.
 */
final class SummaryModel {

    static final String EXPECTED_RESPONSE_KEY = "expected_response";

    private final RunResult result;
    private final List<MetricEntry> metrics;
    private final CheckGroup rootGroup;
    private final List<String> trendStats;

    /**
     * One metric or sub-metric of the summary.
     *
     * @param key        the name as k6 keys it: {@code http_req_duration} or {@code http_req_duration{name:settings}}
     * @param metric     the metric's definition
     * @param filter     the sub-metric's tag filter, empty for a whole metric
     * @param value      the values merged over the matching series, or null when no series matches
     * @param thresholds the verdicts of the thresholds on exactly this metric or sub-metric, in plan order
     */
    record MetricEntry(String key, Metric metric, TagSet filter, Aggregate value, List<ThresholdResult> thresholds) {

        MetricEntry {
            thresholds = List.copyOf(thresholds);
        }

        boolean isSubMetric() {
            return !filter.isEmpty();
        }

        boolean hasSamples() {
            return value != null && value.sampleCount() > 0;
        }

        boolean anyThresholdFailed() {
            return thresholds.stream().anyMatch(threshold -> !threshold.passed());
        }
    }

    private SummaryModel(RunResult result) {
        this.result = result;
        this.rootGroup = CheckGroup.rootOf(result.metrics());
        List<String> stats = result.plan().options().summaryTrendStats();
        this.trendStats = stats.isEmpty() ? RunOptions.DEFAULT_TREND_STATS : stats;
        this.metrics = collectMetrics();
    }

    static SummaryModel of(RunResult result) {
        return new SummaryModel(Objects.requireNonNull(result, "result"));
    }

    RunResult result() {
        return result;
    }

    List<MetricEntry> metrics() {
        return metrics;
    }

    CheckGroup rootGroup() {
        return rootGroup;
    }

    List<String> trendStats() {
        return trendStats;
    }

    long durationMillis() {
        return Math.max(0, result.duration().toMillis());
    }

    /** Returns the definition of a metric: from the run's metrics, the plan's custom metrics or the built-ins. */
    Optional<Metric> definition(String name) {
        Optional<Metric> known = result.metrics().metric(name);
        if (known.isPresent()) {
            return known;
        }
        return result.plan().customMetrics().stream().filter(metric -> metric.name().equals(name)).findFirst()
                .or(() -> BuiltinMetrics.all().stream().filter(metric -> metric.name().equals(name)).findFirst());
    }

    private List<MetricEntry> collectMetrics() {
        Map<String, Metric> parents = new LinkedHashMap<>();
        for (SeriesValue series : result.metrics().series()) {
            if (series.value().sampleCount() > 0) {
                parents.putIfAbsent(series.metric().name(), series.metric());
            }
        }
        Map<String, Map<TagSet, String>> subMetricKeys = new LinkedHashMap<>();
        for (ThresholdResult verdict : result.thresholds()) {
            Threshold threshold = verdict.threshold();
            Optional<Metric> metric = definition(threshold.metricName());
            if (metric.isEmpty()) {
                continue;
            }
            parents.putIfAbsent(threshold.metricName(), metric.get());
            if (!threshold.filter().isEmpty()) {
                subMetricKeys.computeIfAbsent(threshold.metricName(), name -> new LinkedHashMap<>())
                        .putIfAbsent(threshold.filter(), threshold.metricSelector());
            }
        }
        String duration = BuiltinMetrics.HTTP_REQ_DURATION.name();
        if (parents.containsKey(duration) && hasSamples(duration, TagSet.EMPTY)) {
            String key = duration + "{" + EXPECTED_RESPONSE_KEY + ":true}";
            subMetricKeys.computeIfAbsent(duration, name -> new LinkedHashMap<>())
                    .putIfAbsent(TagSet.of(EXPECTED_RESPONSE_KEY, "true"), key);
        }

        List<String> names = new ArrayList<>(parents.keySet());
        names.sort(Comparator.naturalOrder());
        List<MetricEntry> entries = new ArrayList<>();
        for (String name : names) {
            Metric metric = parents.get(name);
            entries.add(entry(name, metric, TagSet.EMPTY));
            List<Map.Entry<TagSet, String>> subMetrics =
                    new ArrayList<>(subMetricKeys.getOrDefault(name, Map.of()).entrySet());
            subMetrics.sort(Map.Entry.comparingByValue());
            for (Map.Entry<TagSet, String> subMetric : subMetrics) {
                entries.add(entry(subMetric.getValue(), metric, subMetric.getKey()));
            }
        }
        return List.copyOf(entries);
    }

    private boolean hasSamples(String name, TagSet filter) {
        return result.metrics().aggregate(name, filter).map(value -> value.sampleCount() > 0).orElse(false);
    }

    private MetricEntry entry(String key, Metric metric, TagSet filter) {
        Aggregate value = result.metrics().aggregate(metric.name(), filter).orElse(null);
        List<ThresholdResult> thresholds = result.thresholds().stream()
                .filter(verdict -> verdict.threshold().metricName().equals(metric.name())
                        && verdict.threshold().filter().equals(filter))
                .toList();
        return new MetricEntry(key, metric, filter, value, thresholds);
    }
}
