package io.liveload.core.metrics;

import java.util.List;

/**
 * The values recorded in one sampling interval, per series, as handed to interval listeners (outputs,
 * progress). Trend values in it are only valid during the listener call.
 *
 * @param startEpochMillis wall-clock start of the interval
 * @param endEpochMillis   wall-clock end of the interval
 * @param series           the interval's values of every series
 * @param point            the interval merged per metric, as kept in the timeline
 */
public record Interval(long startEpochMillis, long endEpochMillis, List<SeriesValue> series, TimelinePoint point) {
}
