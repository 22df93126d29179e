package io.liveload.core.metrics;

/** The four kinds of metric, with k6's names and meanings. */
public enum MetricType {
    /** A cumulative sum, such as requests sent or bytes received. */
    COUNTER("counter"),
    /** The last value set, with its minimum and maximum, such as active VUs. */
    GAUGE("gauge"),
    /** The fraction of added values that are non-zero (true), such as failed requests. */
    RATE("rate"),
    /** A distribution of values with percentiles, such as request durations. */
    TREND("trend");

    private final String k6Name;

    MetricType(String k6Name) {
        this.k6Name = k6Name;
    }

    /** Returns the name k6 uses for this kind in its summary export ("counter", "trend", ...). */
    public String k6Name() {
        return k6Name;
    }
}
