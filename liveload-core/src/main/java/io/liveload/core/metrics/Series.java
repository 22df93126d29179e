package io.liveload.core.metrics;

/**
 * The values of one metric for one tag set, recorded by many threads at once. Writers never take a lock;
 * a single sampling thread moves what was recorded since the last sample into the series' totals.
 */
public abstract sealed class Series permits CounterSeries, GaugeSeries, RateSeries, TrendSeries {

    private final Metric metric;
    private final TagSet tags;

    Series(Metric metric, TagSet tags) {
        this.metric = metric;
        this.tags = tags;
    }

    /** Returns the metric this series belongs to. */
    public Metric metric() {
        return metric;
    }

    /** Returns the tags that identify this series. */
    public TagSet tags() {
        return tags;
    }

    /**
     * Moves the values recorded since the previous call into the totals and returns them. Called by one
     * thread at a time (the run's sampler). A returned trend interval is only valid until the next call.
     */
    abstract Aggregate sampleInterval();

    /** Returns the totals up to the last {@link #sampleInterval()}; same threading rule. */
    abstract Aggregate total();

    @Override
    public String toString() {
        return metric.name() + tags;
    }
}
