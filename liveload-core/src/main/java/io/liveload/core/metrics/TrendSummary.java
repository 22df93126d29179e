package io.liveload.core.metrics;

/**
 * Summary statistics of a trend over one interval, kept for the run's timeline (charts) instead of the
 * whole histogram. Time values are in milliseconds; NaN without samples.
 */
public record TrendSummary(long count, double avg, double min, double p50, double p90, double p95, double p99,
                           double max) {

    /** Returns the summary of a trend. */
    public static TrendSummary of(TrendValue trend) {
        return new TrendSummary(trend.sampleCount(), trend.avg(), trend.min(), trend.percentile(50),
                trend.percentile(90), trend.percentile(95), trend.percentile(99), trend.max());
    }
}
