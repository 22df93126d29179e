package io.liveload.core.metrics;

/** A custom trend: a distribution with percentiles, e.g. the time to render a search result. */
public final class Trend extends CustomMetric {

    private Trend(Metric metric) {
        super(metric);
    }

    /** Returns a trend of durations, recorded in milliseconds or as {@code java.time.Duration}. */
    public static Trend time(String name) {
        return new Trend(Metric.trend(name, ValueType.TIME));
    }

    /** Returns a trend of plain numbers (non-negative). */
    public static Trend named(String name) {
        return new Trend(Metric.trend(name, ValueType.DEFAULT));
    }

    /** Returns a trend of byte sizes. */
    public static Trend bytes(String name) {
        return new Trend(Metric.trend(name, ValueType.DATA));
    }
}
