package io.liveload.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.liveload.core.metrics.Interval;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.threshold.Threshold;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON lines in the shape of k6's JSON output: a {@code Metric} line (type, contains, thresholds on the whole
 * metric, sub-metrics named by thresholds) the first time a metric has a point, then
 * {@code Point} lines with {@code time} (RFC 3339, the interval's end), {@code value} and {@code tags} ({@code null}
 * without tags, as k6 writes it). Unlike k6, a point aggregates one series over one interval, so trend points add
 * {@code count} and the statistics of {@link PointFormat#TREND_STATS}, and rate points add {@code passes} and
 * {@code fails}.
 */
final class JsonPointFormat implements PointFormat {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final List<Threshold> thresholds;
    private final Set<String> declared = new HashSet<>();

    /**
     * Creates the format.
     *
     * @param thresholds the run's thresholds: those on a whole metric go into its {@code Metric} line's
     *                   {@code thresholds}, those on a sub-metric name it in {@code submetrics}
     */
    JsonPointFormat(List<Threshold> thresholds) {
        this.thresholds = List.copyOf(thresholds);
    }

    @Override
    public String header() {
        return "";
    }

    @Override
    public String lines(Interval interval) {
        StringWriter text = new StringWriter();
        boolean any = false;
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            String time = Instant.ofEpochMilli(interval.endEpochMillis()).toString();
            for (SeriesValue series : interval.series()) {
                if (!PointFormat.hasPoint(series)) {
                    continue;
                }
                if (declared.add(series.metric().name())) {
                    metricLine(json, series.metric());
                }
                pointLine(json, series, time);
                any = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not format a JSON point", e);
        }
        return any ? text.append('\n').toString() : "";
    }

    private void metricLine(JsonGenerator json, Metric metric) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Metric");
        json.writeObjectFieldStart("data");
        json.writeStringField("name", metric.name());
        json.writeStringField("type", metric.type().k6Name());
        json.writeStringField("contains", metric.contains().k6Name());
        json.writeNullField("tainted");
        Map<String, TagSet> subMetrics = new LinkedHashMap<>();
        json.writeArrayFieldStart("thresholds");
        for (Threshold threshold : thresholds) {
            if (!threshold.metricName().equals(metric.name())) {
                continue;
            }
            if (threshold.filter().isEmpty()) {
                json.writeString(threshold.condition());
            } else {
                subMetrics.putIfAbsent(threshold.metricSelector(), threshold.filter());
            }
        }
        json.writeEndArray();
        subMetrics(json, subMetrics);
        json.writeEndObject();

        json.writeStringField("metric", metric.name());
        json.writeEndObject();
    }

    private static void subMetrics(JsonGenerator json, Map<String, TagSet> subMetrics) throws IOException {
        if (subMetrics.isEmpty()) {
            json.writeNullField("submetrics");
            return;
        }
        json.writeArrayFieldStart("submetrics");
        for (Map.Entry<String, TagSet> subMetric : subMetrics.entrySet()) {
            json.writeStartObject();
            json.writeStringField("name", subMetric.getKey());
            json.writeObjectFieldStart("tags");
            for (Map.Entry<String, String> tag : subMetric.getValue().asMap().entrySet()) {
                json.writeStringField(tag.getKey(), tag.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void pointLine(JsonGenerator json, SeriesValue series, String time) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Point");
        json.writeStringField("metric", series.metric().name());
        json.writeObjectFieldStart("data");
        json.writeStringField("time", time);
        json.writeNumberField("value", PointFormat.value(series.value()));
        if (series.tags().isEmpty()) {
            json.writeNullField("tags");
        } else {
            json.writeObjectFieldStart("tags");
            for (Map.Entry<String, String> tag : series.tags().asMap().entrySet()) {
                json.writeStringField(tag.getKey(), tag.getValue());
            }
            json.writeEndObject();
        }
        if (series.value() instanceof TrendValue trend) {
            json.writeNumberField("count", trend.sampleCount());
            for (String stat : TREND_STATS) {
                json.writeNumberField(stat, TrendStats.value(trend, stat));
            }
        } else if (series.value() instanceof RateValue rate) {
            json.writeNumberField("passes", rate.passes());
            json.writeNumberField("fails", rate.fails());
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
