package io.liveload.core.metrics;

/** A gauge series: the last value set, with the minimum and maximum seen. */
public final class GaugeSeries extends Series {

    private double value;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long sets;
    private long lastUpdateNanos;

    GaugeSeries(Metric metric, TagSet tags) {
        super(metric, tags);
    }

    /** Sets the value. Gauges are set rarely (once a second for {@code vus}), so a monitor is cheap here. */
    public synchronized void set(double newValue) {
        if (Double.isNaN(newValue)) {
            throw new IllegalArgumentException("Gauge " + this + " cannot be set to NaN");
        }
        value = newValue;
        min = Math.min(min, newValue);
        max = Math.max(max, newValue);
        sets++;
        lastUpdateNanos = System.nanoTime();
    }

    @Override
    synchronized GaugeValue sampleInterval() {
        return total();
    }

    @Override
    synchronized GaugeValue total() {
        if (sets == 0) {
            return new GaugeValue(0, 0, 0, 0, 0);
        }
        return new GaugeValue(value, min, max, sets, lastUpdateNanos);
    }
}
