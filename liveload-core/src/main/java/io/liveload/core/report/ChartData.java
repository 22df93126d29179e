package io.liveload.core.report;

import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TimelinePoint;
import io.liveload.core.metrics.TrendSummary;
import java.util.List;

/**
 * The series the report's charts draw, taken from the run's timeline: requests per second, active VUs, failed
 * requests per second and the {@code http_req_duration} percentiles per interval. A timeline longer than
 * {@link #MAX_POINTS} points is merged into buckets of consecutive intervals, so a long run keeps the report small.
 * In a bucket, rates are the bucket's totals per second, VUs and the maximum duration are the bucket's maximum.
 *
 * @param seconds        the end of each point's interval, in seconds since the run's start
 * @param requestsPerSecond {@code http_reqs} per second
 * @param activeVus      the {@code vus} gauge at the end of the interval, NaN when never set
 * @param failedPerSecond failed requests ({@code http_req_failed} true values) per second
 * @param p50            {@code http_req_duration} p(50) in milliseconds, NaN without requests
 * @param p90            p(90) in milliseconds
 * @param p95            p(95) in milliseconds
 * @param p99            p(99) in milliseconds
 * @param max            the maximum in milliseconds
 */
record ChartData(double[] seconds, double[] requestsPerSecond, double[] activeVus, double[] failedPerSecond,
                 double[] p50, double[] p90, double[] p95, double[] p99, double[] max) {

    /** The maximum number of points a chart draws: a run of up to 15 minutes at one point per second keeps all. */
    static final int MAX_POINTS = 900;

    /** Returns the number of points. */
    int size() {
        return seconds.length;
    }

    static ChartData of(List<TimelinePoint> timeline, long startEpochMillis) {
        int bucketSize = Math.max(1, (timeline.size() + MAX_POINTS - 1) / MAX_POINTS);
        int size = (timeline.size() + bucketSize - 1) / bucketSize;
        ChartData data = new ChartData(new double[size], new double[size], new double[size], new double[size],
                new double[size], new double[size], new double[size], new double[size], new double[size]);
        for (int bucket = 0; bucket < size; bucket++) {
            int from = bucket * bucketSize;
            int to = Math.min(timeline.size(), from + bucketSize);
            data.fill(bucket, timeline.subList(from, to), startEpochMillis);
        }
        return data;
    }

    private void fill(int index, List<TimelinePoint> points, long startEpochMillis) {
        double intervalSeconds = 0;
        double requests = 0;
        double failures = 0;
        double vus = Double.NaN;
        long durationCount = 0;
        double[] weightedPercentiles = new double[4];
        double maxDuration = Double.NaN;
        for (TimelinePoint point : points) {
            intervalSeconds += point.intervalMillis() / 1000.0;

            Aggregate reqs = point.values().get(BuiltinMetrics.HTTP_REQS.name());
            if (reqs instanceof CounterValue counter) {
                requests += counter.sum();
            }
            Aggregate failed = point.values().get(BuiltinMetrics.HTTP_REQ_FAILED.name());
            if (failed instanceof RateValue rate) {
                failures += rate.passes();
            }

            Aggregate active = point.values().get(BuiltinMetrics.VUS.name());
            if (active instanceof GaugeValue gauge && gauge.sampleCount() > 0) {
                vus = Double.isNaN(vus) ? gauge.value() : Math.max(vus, gauge.value());
            }

            TrendSummary duration = point.trends().get(BuiltinMetrics.HTTP_REQ_DURATION.name());
            if (duration != null && duration.count() > 0) {
                // NOTE: a bucket's percentiles are the count-weighted means of its intervals' percentiles, which
                // approximates them. The run's exact percentiles are in the tables and in summary.json.
                durationCount += duration.count();
                weightedPercentiles[0] += duration.p50() * duration.count();
                weightedPercentiles[1] += duration.p90() * duration.count();
                weightedPercentiles[2] += duration.p95() * duration.count();
                weightedPercentiles[3] += duration.p99() * duration.count();
                maxDuration = Double.isNaN(maxDuration) ? duration.max() : Math.max(maxDuration, duration.max());
            }
        }

        TimelinePoint last = points.get(points.size() - 1);
        seconds[index] = (last.endEpochMillis() - startEpochMillis) / 1000.0;
        requestsPerSecond[index] = intervalSeconds > 0 ? requests / intervalSeconds : 0;
        failedPerSecond[index] = intervalSeconds > 0 ? failures / intervalSeconds : 0;
        activeVus[index] = vus;
        p50[index] = durationCount == 0 ? Double.NaN : weightedPercentiles[0] / durationCount;
        p90[index] = durationCount == 0 ? Double.NaN : weightedPercentiles[1] / durationCount;
        p95[index] = durationCount == 0 ? Double.NaN : weightedPercentiles[2] / durationCount;
        p99[index] = durationCount == 0 ? Double.NaN : weightedPercentiles[3] / durationCount;
        max[index] = maxDuration;
    }
}
