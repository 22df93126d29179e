package io.liveload.core.metrics;

/**
 * The state of a gauge.
 *
 * @param value             the last value set
 * @param min               the smallest value set
 * @param max               the largest value set
 * @param sampleCount       the number of values set
 * @param lastUpdateNanos   {@link System#nanoTime()} of the last update, used to pick the latest value when
 *                          series are merged
 */
public record GaugeValue(double value, double min, double max, long sampleCount, long lastUpdateNanos)
        implements Aggregate {

    @Override
    public MetricType type() {
        return MetricType.GAUGE;
    }

    @Override
    public GaugeValue merge(Aggregate other) {
        if (!(other instanceof GaugeValue gauge)) {
            throw new IllegalArgumentException("Cannot merge a gauge with a " + other.type().k6Name());
        }
        if (sampleCount == 0) {
            return gauge;
        }
        if (gauge.sampleCount == 0) {
            return this;
        }
        boolean otherIsNewer = gauge.lastUpdateNanos - lastUpdateNanos > 0;
        return new GaugeValue(otherIsNewer ? gauge.value : value, Math.min(min, gauge.min), Math.max(max, gauge.max),
                sampleCount + gauge.sampleCount, otherIsNewer ? gauge.lastUpdateNanos : lastUpdateNanos);
    }
}
