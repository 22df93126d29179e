package io.liveload.core.report;

import io.liveload.core.metrics.TrendValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trend statistics that {@code summaryTrendStats} names: {@code avg}, {@code min}, {@code med}, {@code max},
 * {@code count} and {@code p(N)}, computed by {@link TrendValue}'s percentile definition.
 */
final class TrendStats {

    private static final Pattern PERCENTILE = Pattern.compile("p\\((\\d+(?:\\.\\d+)?)\\)");

    private TrendStats() {
    }

    /**
     * Returns the statistic of the trend, in the trend's unit (milliseconds for time), or NaN without samples;
     * {@code count} is the number of values.
     *
     * @throws IllegalArgumentException when the name is not one of the statistics above
     */
    static double value(TrendValue trend, String stat) {
        switch (stat) {
            case "avg":
                return trend.avg();
            case "min":
                return trend.min();
            case "med":
                return trend.med();
            case "max":
                return trend.max();
            case "count":
                return trend.sampleCount();
            default:
                Matcher matcher = PERCENTILE.matcher(stat);
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("Invalid trend statistic \"" + stat
                            + "\": use avg, min, med, max, count or p(N), e.g. p(99.9)");
                }
                return trend.percentile(Double.parseDouble(matcher.group(1)));
        }
    }
}
