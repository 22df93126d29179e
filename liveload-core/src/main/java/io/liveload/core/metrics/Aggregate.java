package io.liveload.core.metrics;

/**
 * The values of one metric over a period, merged over one or more series. Values of time metrics are in
 * milliseconds, as in k6's summary.
 */
public sealed interface Aggregate permits CounterValue, GaugeValue, RateValue, TrendValue {

    /** Returns the metric type this aggregate belongs to. */
    MetricType type();

    /** Returns the number of values recorded into it; zero means "no samples". */
    long sampleCount();

    /**
     * Returns an aggregate holding the values of both; neither input changes.
     *
     * @throws IllegalArgumentException when the other aggregate is of another type
     */
    Aggregate merge(Aggregate other);
}
