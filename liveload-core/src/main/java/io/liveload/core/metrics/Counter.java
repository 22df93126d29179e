package io.liveload.core.metrics;

/** A custom counter: a sum that only grows, e.g. items added to carts. */
public final class Counter extends CustomMetric {

    private Counter(Metric metric) {
        super(metric);
    }

    /** Returns a counter of plain numbers. */
    public static Counter named(String name) {
        return new Counter(Metric.counter(name, ValueType.DEFAULT));
    }

    /** Returns a counter of bytes, shown in kB/MB in the summary. */
    public static Counter bytes(String name) {
        return new Counter(Metric.counter(name, ValueType.DATA));
    }
}
