package io.liveload.core.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable copy of a run's metric values. */
public final class MetricsSnapshot implements MetricsView {

    private final Map<String, Metric> definitions;
    private final List<SeriesValue> series;

    /**
     * Creates a snapshot.
     *
     * @param definitions every known metric, including those without series
     * @param series      the series' values; aggregates must not change afterwards
     */
    public MetricsSnapshot(List<Metric> definitions, List<SeriesValue> series) {
        Map<String, Metric> byName = new LinkedHashMap<>();
        for (Metric metric : definitions) {
            byName.put(metric.name(), metric);
        }
        this.definitions = Map.copyOf(byName);
        this.series = List.copyOf(series);
    }

    @Override
    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    @Override
    public List<SeriesValue> series() {
        return series;
    }

    /** Returns a snapshot holding the series of both; series with equal metric and tags are merged. */
    public MetricsSnapshot merge(MetricsSnapshot other) {
        Map<String, Metric> allDefinitions = new LinkedHashMap<>(definitions);
        other.definitions.forEach(allDefinitions::putIfAbsent);
        Map<String, SeriesValue> merged = new LinkedHashMap<>();
        for (SeriesValue value : series) {
            merged.put(value.metric().name() + value.tags(), value);
        }
        for (SeriesValue value : other.series) {
            merged.merge(value.metric().name() + value.tags(), value,
                    (mine, theirs) -> new SeriesValue(mine.metric(), mine.tags(), mine.value().merge(theirs.value())));
        }
        return new MetricsSnapshot(List.copyOf(allDefinitions.values()), List.copyOf(merged.values()));
    }
}
