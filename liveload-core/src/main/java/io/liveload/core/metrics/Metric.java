package io.liveload.core.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The definition of a metric: its name, kind and value type. A definition holds no values; a run's
 * {@link MetricRegistry} records values for it, one series per tag set.
 *
 * @param name     a name such as {@code http_req_duration}: letters, digits and underscores, starting with a
 *                 letter or underscore, at most 128 characters (k6's rule)
 * @param type     the kind of metric
 * @param contains what the values measure; a rate always contains {@link ValueType#DEFAULT} values
 */
public record Metric(String name, MetricType type, ValueType contains) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contains, "contains");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid metric name \"" + name
                    + "\": use letters, digits and underscores, starting with a letter or underscore"
                    + " (at most 128 characters)");
        }
        if (type == MetricType.RATE && contains != ValueType.DEFAULT) {
            throw new IllegalArgumentException("Metric \"" + name + "\" of type " + type.k6Name()
                    + " cannot contain " + contains.k6Name() + " values");
        }
    }

    /** Returns a counter definition. */
    public static Metric counter(String name, ValueType contains) {
        return new Metric(name, MetricType.COUNTER, contains);
    }

    /** Returns a gauge definition. */
    public static Metric gauge(String name, ValueType contains) {
        return new Metric(name, MetricType.GAUGE, contains);
    }

    /** Returns a rate definition. */
    public static Metric rate(String name) {
        return new Metric(name, MetricType.RATE, ValueType.DEFAULT);
    }

    /** Returns a trend definition. */
    public static Metric trend(String name, ValueType contains) {
        return new Metric(name, MetricType.TREND, contains);
    }

    /** Returns whether values of this metric are durations. */
    public boolean isTime() {
        return contains == ValueType.TIME;
    }
}
