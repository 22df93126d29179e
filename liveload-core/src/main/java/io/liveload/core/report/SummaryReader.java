package io.liveload.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.MetricType;
import io.liveload.core.metrics.MetricsSnapshot;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.metrics.ValueType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;

/** Rebuilds a {@link MetricsSnapshot} from the {@code liveload} section that {@link SummaryJson} writes. */
final class SummaryReader {

    private static final double MICROS_PER_MILLI = 1000.0;

    private SummaryReader() {
    }

    /** Reads the metrics as {@link SummaryJson#readMetrics(JsonNode)} describes. */
    static MetricsSnapshot readMetrics(JsonNode summary) {
        JsonNode liveload = summary.path("liveload");
        if (!liveload.isObject()) {
            throw new IllegalArgumentException("Not a liveload summary: the \"liveload\" section is missing; "
                    + "read a summary.json that liveload wrote");
        }
        int version = liveload.path("formatVersion").asInt(-1);
        if (version != SummaryJson.FORMAT_VERSION) {
            throw new IllegalArgumentException("Unsupported liveload summary format version "
                    + liveload.path("formatVersion") + ": this liveload reads version " + SummaryJson.FORMAT_VERSION);
        }
        Map<String, Metric> definitions = new LinkedHashMap<>();
        BuiltinMetrics.all().forEach(metric -> definitions.put(metric.name(), metric));
        for (JsonNode definition : liveload.path("metricDefinitions")) {
            Metric metric = metricOf(definition.path("name").asText(), definition);
            definitions.putIfAbsent(metric.name(), metric);
        }
        List<SeriesValue> series = new ArrayList<>();
        int index = 0;
        for (JsonNode node : liveload.path("series")) {
            series.add(readSeries(node, index, definitions));
            index++;
        }
        return new MetricsSnapshot(List.copyOf(definitions.values()), series);
    }

    private static Metric metricOf(String name, JsonNode node) {
        String type = node.path("type").asText();
        String contains = node.path("contains").asText();
        MetricType metricType = null;
        for (MetricType candidate : MetricType.values()) {
            if (candidate.k6Name().equals(type)) {
                metricType = candidate;
            }
        }
        ValueType valueType = null;
        for (ValueType candidate : ValueType.values()) {
            if (candidate.k6Name().equals(contains)) {
                valueType = candidate;
            }
        }
        if (metricType == null || valueType == null) {
            throw new IllegalArgumentException("Invalid metric \"" + name + "\" in the summary: type \"" + type
                    + "\" and contains \"" + contains + "\" must be k6 names such as trend and time");
        }
        return new Metric(name, metricType, valueType);
    }

    private static SeriesValue readSeries(JsonNode node, int index, Map<String, Metric> definitions) {
        String name = node.path("metric").asText();
        Metric metric = metricOf(name, node);
        definitions.putIfAbsent(name, metric);
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.path("tags").properties()) {
            tags.put(field.getKey(), field.getValue().asText());
        }
        JsonNode data = node.path("data");
        Aggregate value = switch (metric.type()) {
            case COUNTER -> new CounterValue(data.path("sum").asDouble(), data.path("count").asLong());
            case RATE -> new RateValue(data.path("passes").asLong(), data.path("fails").asLong());
            case GAUGE -> new GaugeValue(data.path("value").asDouble(), data.path("min").asDouble(),
                    data.path("max").asDouble(), data.path("count").asLong(), 0);
            case TREND -> readTrend(metric, data, index);
        };
        return new SeriesValue(metric, TagSet.of(tags), value);
    }

    private static TrendValue readTrend(Metric metric, JsonNode data, int index) {
        String encoded = data.path("histogram").asText();
        double sum = data.path("sum").asDouble();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
            if (metric.isTime()) {
                // The sum was written in milliseconds, so rounding restores the whole microseconds of the run.
                Histogram micros = Histogram.decodeFromCompressedByteBuffer(buffer, 0);
                return TrendValue.ofMicros(micros, Math.round(sum * MICROS_PER_MILLI));
            }
            return TrendValue.ofValues(DoubleHistogram.decodeFromCompressedByteBuffer(buffer, 0), sum);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("Invalid histogram in series " + index + " (" + metric.name()
                    + ") of the summary: " + e.getMessage(), e);
        }
    }
}
