package io.liveload.junit;

import io.liveload.core.metrics.ValueFormat;
import io.liveload.core.metrics.ValueType;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one statistic of a metric, such as {@code p(95)} of {@code http_req_duration}. Time statistics
 * compare with {@link Duration}s (or milliseconds as numbers); failure messages show the expectation, the actual
 * value in the metric's unit, the metric and its sample count.
 */
public final class MetricValueAssert extends AbstractAssert<MetricValueAssert, Double> {

    private final String statistic;
    private final String selector;
    private final long samples;
    private final ValueType unit;

    MetricValueAssert(String statistic, String selector, double actual, long samples, ValueType unit) {
        super(actual, MetricValueAssert.class);
        this.statistic = statistic;
        this.selector = selector;
        this.samples = samples;
        this.unit = unit;
    }

    /** Verifies {@code actual < expected}; only for time statistics. */
    public MetricValueAssert isLessThan(Duration expected) {
        return compare(actual < millis(expected), "less than", formatDuration(expected));
    }

    /** Verifies {@code actual <= expected}; only for time statistics. */
    public MetricValueAssert isLessThanOrEqualTo(Duration expected) {
        return compare(actual <= millis(expected), "at most", formatDuration(expected));
    }

    /** Verifies {@code actual > expected}; only for time statistics. */
    public MetricValueAssert isGreaterThan(Duration expected) {
        return compare(actual > millis(expected), "greater than", formatDuration(expected));
    }

    /** Verifies {@code actual >= expected}; only for time statistics. */
    public MetricValueAssert isGreaterThanOrEqualTo(Duration expected) {
        return compare(actual >= millis(expected), "at least", formatDuration(expected));
    }

    /** Verifies {@code actual < expected}, in the metric's unit (milliseconds for time). */
    public MetricValueAssert isLessThan(double expected) {
        return compare(actual < expected, "less than", format(expected));
    }

    /** Verifies {@code actual <= expected}, in the metric's unit. */
    public MetricValueAssert isLessThanOrEqualTo(double expected) {
        return compare(actual <= expected, "at most", format(expected));
    }

    /** Verifies {@code actual > expected}, in the metric's unit. */
    public MetricValueAssert isGreaterThan(double expected) {
        return compare(actual > expected, "greater than", format(expected));
    }

    /** Verifies {@code actual >= expected}, in the metric's unit. */
    public MetricValueAssert isGreaterThanOrEqualTo(double expected) {
        return compare(actual >= expected, "at least", format(expected));
    }

    /** Verifies {@code actual == expected}, in the metric's unit (a rate of 1.0 means every value was true). */
    public MetricValueAssert isEqualTo(double expected) {
        return compare(Double.compare(actual, expected) == 0, "equal to", format(expected));
    }

    /** Verifies {@code low <= actual <= high}, in the metric's unit. */
    public MetricValueAssert isBetween(double low, double high) {
        return compare(actual >= low && actual <= high, "between", format(low) + " and " + format(high));
    }

    private MetricValueAssert compare(boolean holds, String relation, String expected) {
        isNotNull();
        if (!holds) {
            failWithMessage("Expected %s of %s to be %s %s, but was %s (%d samples)", statistic, selector, relation,
                    expected, format(actual), samples);
        }
        return this;
    }

    private double millis(Duration expected) {
        if (unit != ValueType.TIME) {
            throw new IllegalArgumentException(statistic + " of " + selector + " is not a duration; compare it with a number");
        }
        return expected.toNanos() / 1e6;
    }

    private static String formatDuration(Duration duration) {
        return ValueFormat.millis(duration.toNanos() / 1e6);
    }

    private String format(double value) {
        if (statistic.equals("rate")) {
            return ValueFormat.number(value) + " (" + ValueFormat.percent(value) + ")";
        }
        return switch (unit) {
            case TIME -> ValueFormat.millis(value);
            case DATA -> ValueFormat.bytes(value);
            case DEFAULT -> ValueFormat.number(value);
        };
    }
}
