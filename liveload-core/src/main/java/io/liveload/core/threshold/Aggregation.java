package io.liveload.core.threshold;

import io.liveload.core.metrics.MetricType;
import java.util.EnumSet;
import java.util.Set;

/** The statistic a threshold compares, with the metric types it applies to (k6's rules). */
public enum Aggregation {
    /** Mean of a trend. */
    AVG("avg", EnumSet.of(MetricType.TREND)),
    /** Smallest value of a trend. */
    MIN("min", EnumSet.of(MetricType.TREND)),
    /** Largest value of a trend. */
    MAX("max", EnumSet.of(MetricType.TREND)),
    /** Median of a trend, the same as p(50). */
    MED("med", EnumSet.of(MetricType.TREND)),
    /** A percentile of a trend, {@code p(N)}. */
    PERCENTILE("p(N)", EnumSet.of(MetricType.TREND)),
    /** Fraction of true values of a rate, or sum per second of a counter. */
    RATE("rate", EnumSet.of(MetricType.RATE, MetricType.COUNTER)),
    /** Sum of a counter. */
    COUNT("count", EnumSet.of(MetricType.COUNTER)),
    /** Last value of a gauge. */
    VALUE("value", EnumSet.of(MetricType.GAUGE));

    private final String text;
    private final Set<MetricType> types;

    Aggregation(String text, Set<MetricType> types) {
        this.text = text;
        this.types = types;
    }

    /** Returns the k6 spelling, {@code p(N)} for percentiles. */
    public String text() {
        return text;
    }

    /** Returns whether this aggregation applies to metrics of the type. */
    public boolean appliesTo(MetricType type) {
        return types.contains(type);
    }

    /** Returns the aggregations that apply to a metric type, as text for messages. */
    static String namesFor(MetricType type) {
        StringBuilder names = new StringBuilder();
        for (Aggregation aggregation : values()) {
            if (aggregation.appliesTo(type)) {
                if (names.length() > 0) {
                    names.append(", ");
                }
                names.append(aggregation.text);
            }
        }
        return names.toString();
    }
}
