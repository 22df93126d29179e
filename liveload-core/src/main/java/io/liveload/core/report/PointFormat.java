package io.liveload.core.report;

import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.Interval;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TrendValue;

/**
 * Turns one sampling interval into lines of a time-series file: one point per series that recorded values in the
 * interval. Called on the run's sampler thread, one interval at a time.
 */
interface PointFormat {

    /** The trend statistics each trend point carries besides its mean. */
    String[] TREND_STATS = {"min", "med", "p(90)", "p(95)", "p(99)", "max"};

    /** Returns the text the file starts with, empty for none. */
    String header();

    /** Returns the lines of the interval, each ending with a line break, or empty text when nothing was recorded. */
    String lines(Interval interval);

    /** Returns whether the series recorded values in the interval. Series without values get no point. */
    static boolean hasPoint(SeriesValue series) {
        return series.value().sampleCount() > 0;
    }

    /**
     * Returns the point's value: a counter's sum in the interval, a gauge's value at its end, a rate's fraction of
     * true values in [0, 1] and a trend's mean (milliseconds for time trends).
     */
    static double value(Aggregate aggregate) {
        if (aggregate instanceof CounterValue counter) {
            return counter.sum();
        }
        if (aggregate instanceof GaugeValue gauge) {
            return gauge.value();
        }
        if (aggregate instanceof RateValue rate) {
            return rate.rate();
        }
        return ((TrendValue) aggregate).avg();
    }
}
