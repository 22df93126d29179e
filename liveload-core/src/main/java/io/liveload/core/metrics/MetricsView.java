package io.liveload.core.metrics;

import java.util.List;
import java.util.Optional;

/** Read access to a run's metric values: per series, or merged over the series that match a tag filter. */
public interface MetricsView {

    /** Returns the definition of the metric with that name, built-in or custom, when it is known. */
    Optional<Metric> metric(String name);

    /** Returns every series of every metric, metrics in definition order and series in first-seen order. */
    List<SeriesValue> series();

    /** Returns the series of one metric. */
    default List<SeriesValue> series(String metricName) {
        return series().stream().filter(series -> series.metric().name().equals(metricName)).toList();
    }

    /**
     * Returns the values of the metric merged over every series whose tags contain all tags of the filter, or
     * empty when no series matches (the metric has no samples for that filter).
     */
    default Optional<Aggregate> aggregate(String metricName, TagSet filter) {
        Aggregate merged = null;
        for (SeriesValue series : series(metricName)) {
            if (series.tags().containsAll(filter)) {
                merged = merged == null ? series.value() : merged.merge(series.value());
            }
        }
        return Optional.ofNullable(merged);
    }

    /** Returns the values of the metric over all its series. */
    default Optional<Aggregate> aggregate(String metricName) {
        return aggregate(metricName, TagSet.EMPTY);
    }
}
