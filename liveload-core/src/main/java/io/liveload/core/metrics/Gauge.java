package io.liveload.core.metrics;

/** A custom gauge: the last value set, with its minimum and maximum, e.g. a queue length read from the server. */
public final class Gauge extends CustomMetric {

    private Gauge(Metric metric) {
        super(metric);
    }

    /** Returns a gauge of plain numbers. */
    public static Gauge named(String name) {
        return new Gauge(Metric.gauge(name, ValueType.DEFAULT));
    }

    /** Returns a gauge of bytes. */
    public static Gauge bytes(String name) {
        return new Gauge(Metric.gauge(name, ValueType.DATA));
    }
}
