package io.liveload.core.metrics;

/** A custom rate: the fraction of true values, e.g. logins that succeeded. */
public final class Rate extends CustomMetric {

    private Rate(Metric metric) {
        super(metric);
    }

    /** Returns a rate. */
    public static Rate named(String name) {
        return new Rate(Metric.rate(name));
    }
}
