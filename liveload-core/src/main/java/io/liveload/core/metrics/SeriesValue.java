package io.liveload.core.metrics;

/**
 * The values of one series.
 *
 * @param metric the metric
 * @param tags   the series' tags
 * @param value  the values, of the metric's type
 */
public record SeriesValue(Metric metric, TagSet tags, Aggregate value) {
}
