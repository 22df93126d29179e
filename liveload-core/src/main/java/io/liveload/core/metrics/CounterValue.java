package io.liveload.core.metrics;

/**
 * The total of a counter.
 *
 * @param sum         the sum of all values added
 * @param sampleCount the number of additions
 */
public record CounterValue(double sum, long sampleCount) implements Aggregate {

    @Override
    public MetricType type() {
        return MetricType.COUNTER;
    }

    /** Returns the sum per second over a run of the given length in milliseconds. */
    public double ratePerSecond(long durationMillis) {
        return durationMillis <= 0 ? 0 : sum * 1000.0 / durationMillis;
    }

    @Override
    public CounterValue merge(Aggregate other) {
        if (!(other instanceof CounterValue counter)) {
            throw new IllegalArgumentException("Cannot merge a counter with a " + other.type().k6Name());
        }
        return new CounterValue(sum + counter.sum, sampleCount + counter.sampleCount);
    }
}
