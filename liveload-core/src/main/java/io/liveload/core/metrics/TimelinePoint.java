package io.liveload.core.metrics;

import java.util.Map;

/**
 * One interval of a run's timeline, with each metric merged over all its series.
 *
 * @param endEpochMillis  wall-clock end of the interval
 * @param intervalMillis  length of the interval
 * @param values          counters (the sum within the interval), rates (counts within the interval) and
 *                        gauges (state at the end), by metric name
 * @param trends          trend summaries within the interval, by metric name
 */
public record TimelinePoint(long endEpochMillis, long intervalMillis, Map<String, Aggregate> values,
                            Map<String, TrendSummary> trends) {

    public TimelinePoint {
        values = Map.copyOf(values);
        trends = Map.copyOf(trends);
    }
}
