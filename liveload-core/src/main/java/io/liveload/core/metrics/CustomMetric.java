package io.liveload.core.metrics;

import java.util.Objects;

/**
 * A metric that scripts record themselves, declared once (typically as a {@code static final} field of the test
 * class) and recorded through the VU: {@code vu.add(CART_SIZE, 3)}. Declared metrics can be named in thresholds
 * like built-in ones; liveload finds the static fields of the test class, and the DSL takes them with
 * {@code customMetric(...)}. One of {@link Counter}, {@link Gauge}, {@link Rate} or {@link Trend}, as in k6.
 */
public abstract sealed class CustomMetric permits Counter, Gauge, Rate, Trend {

    private final Metric metric;

    CustomMetric(Metric metric) {
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    /** Returns the metric definition. */
    public Metric metric() {
        return metric;
    }

    /** Returns the metric's name. */
    public String name() {
        return metric.name();
    }

    @Override
    public String toString() {
        return metric.type().k6Name() + " " + metric.name();
    }
}
