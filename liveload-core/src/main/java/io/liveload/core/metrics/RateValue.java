package io.liveload.core.metrics;

/**
 * The outcome counts of a rate metric.
 *
 * @param passes values that were non-zero (true)
 * @param fails  values that were zero (false)
 */
public record RateValue(long passes, long fails) implements Aggregate {

    @Override
    public MetricType type() {
        return MetricType.RATE;
    }

    @Override
    public long sampleCount() {
        return passes + fails;
    }

    /** Returns passes / (passes + fails), a fraction in [0, 1]; 0 when there are no samples. */
    public double rate() {
        long total = passes + fails;
        return total == 0 ? 0 : (double) passes / total;
    }

    @Override
    public RateValue merge(Aggregate other) {
        if (!(other instanceof RateValue rate)) {
            throw new IllegalArgumentException("Cannot merge a rate with a " + other.type().k6Name());
        }
        return new RateValue(passes + rate.passes, fails + rate.fails);
    }
}
