package io.liveload.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics of one run: definitions (the built-ins plus custom ones) and their series. Many threads record
 * at once; one sampling thread at a time calls {@link #sampleInterval(long)} and reads totals through
 * {@link #totals()}.
 */
public final class MetricRegistry {

    private final Map<String, Metric> definitions = new ConcurrentHashMap<>();
    private final List<Metric> definitionOrder = new ArrayList<>();
    private final Map<Metric, Map<TagSet, Series>> seriesByMetric = new ConcurrentHashMap<>();
    private final List<Series> allSeries = new ArrayList<>();
    private long lastSampleEpochMillis;

    /** Creates a registry that knows the built-in metrics. */
    public MetricRegistry(long startEpochMillis) {
        BuiltinMetrics.all().forEach(this::define);
        lastSampleEpochMillis = startEpochMillis;
    }

    /**
     * Defines a metric, or returns the existing definition of that name when it is the same.
     *
     * @throws IllegalArgumentException when a metric of that name exists with another type or value type
     */
    public synchronized Metric define(Metric metric) {
        Metric existing = definitions.putIfAbsent(metric.name(), metric);
        if (existing == null) {
            definitionOrder.add(metric);
            return metric;
        }
        if (!existing.equals(metric)) {
            throw new IllegalArgumentException("Metric \"" + metric.name() + "\" is already defined as a "
                    + describe(existing) + ", so it cannot also be a " + describe(metric)
                    + "; use another name");
        }
        return existing;
    }

    private static String describe(Metric metric) {
        return metric.type().k6Name() + (metric.contains() == ValueType.DEFAULT ? "" : " of " + metric.contains().k6Name());
    }

    /** Returns the metric with that name, when defined. */
    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** Returns the counter series of the metric for the tags, creating it on first use. */
    public CounterSeries counter(Metric metric, TagSet tags) {
        return (CounterSeries) series(metric, tags, MetricType.COUNTER);
    }

    /** Returns the gauge series of the metric for the tags, creating it on first use. */
    public GaugeSeries gauge(Metric metric, TagSet tags) {
        return (GaugeSeries) series(metric, tags, MetricType.GAUGE);
    }

    /** Returns the rate series of the metric for the tags, creating it on first use. */
    public RateSeries rate(Metric metric, TagSet tags) {
        return (RateSeries) series(metric, tags, MetricType.RATE);
    }

    /** Returns the trend series of the metric for the tags, creating it on first use. */
    public TrendSeries trend(Metric metric, TagSet tags) {
        return (TrendSeries) series(metric, tags, MetricType.TREND);
    }

    private Series series(Metric metric, TagSet tags, MetricType expected) {
        if (metric.type() != expected) {
            throw new IllegalArgumentException("Metric \"" + metric.name() + "\" is a " + metric.type().k6Name()
                    + ", not a " + expected.k6Name());
        }
        Map<TagSet, Series> byTags = seriesByMetric.get(metric);
        if (byTags == null) {
            define(metric);
            byTags = seriesByMetric.computeIfAbsent(metric, key -> new ConcurrentHashMap<>());
        }
        Series series = byTags.get(tags);
        if (series != null) {
            return series;
        }
        return byTags.computeIfAbsent(tags, key -> register(create(metric, key)));
    }

    private static Series create(Metric metric, TagSet tags) {
        return switch (metric.type()) {
            case COUNTER -> new CounterSeries(metric, tags);
            case GAUGE -> new GaugeSeries(metric, tags);
            case RATE -> new RateSeries(metric, tags);
            case TREND -> new TrendSeries(metric, tags);
        };
    }

    private Series register(Series series) {
        synchronized (allSeries) {
            allSeries.add(series);
        }
        return series;
    }

    private List<Series> seriesCopy() {
        synchronized (allSeries) {
            return new ArrayList<>(allSeries);
        }
    }

    /**
     * Moves everything recorded since the previous call into the totals, and returns the interval. Call from
     * one thread at a time: the run's sampler during the run, then once more after every writer stopped.
     */
    public Interval sampleInterval(long nowEpochMillis) {
        List<SeriesValue> values = new ArrayList<>();
        Map<String, Aggregate> merged = new LinkedHashMap<>();
        for (Series series : seriesCopy()) {
            Aggregate interval = series.sampleInterval();
            values.add(new SeriesValue(series.metric(), series.tags(), interval));
            merged.merge(series.metric().name(), interval, Aggregate::merge);
        }
        Map<String, Aggregate> pointValues = new HashMap<>();
        Map<String, TrendSummary> pointTrends = new HashMap<>();
        merged.forEach((name, aggregate) -> {
            if (aggregate instanceof TrendValue trend) {
                pointTrends.put(name, TrendSummary.of(trend));
            } else {
                pointValues.put(name, aggregate);
            }
        });
        long start = lastSampleEpochMillis;
        lastSampleEpochMillis = nowEpochMillis;
        TimelinePoint point = new TimelinePoint(nowEpochMillis, nowEpochMillis - start, pointValues, pointTrends);
        return new Interval(start, nowEpochMillis, values, point);
    }

    /**
     * Returns the totals up to the last {@link #sampleInterval(long)}, as an immutable snapshot. Same threading
     * rule as sampling.
     */
    public MetricsSnapshot totals() {
        List<SeriesValue> values = new ArrayList<>();
        for (Series series : seriesCopy()) {
            values.add(new SeriesValue(series.metric(), series.tags(), series.total()));
        }
        List<Metric> metrics;
        synchronized (this) {
            metrics = List.copyOf(definitionOrder);
        }
        return new MetricsSnapshot(metrics, values);
    }
}
