package io.liveload.core.report;

import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.MetricType;
import io.liveload.core.metrics.ValueFormat;
import io.liveload.core.threshold.Aggregation;
import io.liveload.core.threshold.ThresholdResult;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats values for the summaries in k6's units: durations as {@code 63.55ms} or {@code 2.31s}, bytes as
 * {@code 39 kB}, plain numbers with up to 6 decimals. Microseconds are written {@code us}, so the text stays ASCII.
 */
final class SummaryFormat {

    static final String NOT_AVAILABLE = "n/a";

    private SummaryFormat() {
    }

    /** Formats a duration in milliseconds, or returns {@code n/a} for NaN. */
    static String millis(double millis) {
        if (Double.isNaN(millis)) {
            return NOT_AVAILABLE;
        }
        return ValueFormat.millis(millis).replace("µs", "us");
    }

    /** Formats a value of the metric in its unit, or returns {@code n/a} for NaN. */
    static String value(Metric metric, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NOT_AVAILABLE;
        }
        return switch (metric.contains()) {
            case TIME -> millis(value);
            case DATA -> ValueFormat.bytes(value);
            case DEFAULT -> ValueFormat.number(value);
        };
    }

    /** Formats a count of values, without decimals. */
    static String count(double count) {
        return Double.isNaN(count) ? NOT_AVAILABLE : String.valueOf(Math.round(count));
    }

    /**
     * Formats a fraction in [0, 1] as a percentage with two decimals, truncated rather than rounded (as k6 does), so
     * that 99.999% shows as {@code 99.99%} and never as {@code 100.00%} while anything failed.
     */
    static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return NOT_AVAILABLE;
        }
        double truncated = Math.floor(fraction * 10_000 + 1e-9) / 100;
        return String.format(Locale.ROOT, "%.2f%%", truncated);
    }

    /**
     * Formats a threshold's observed value: {@code no samples}, a rate metric's rate as a percentage like the rest of
     * the summary, and any other value as the threshold formatted it.
     */
    static String observed(ThresholdResult verdict, Optional<Metric> metric) {
        if (verdict.noSamples()) {
            return "no samples";
        }
        boolean rateOfRate = verdict.threshold().aggregation() == Aggregation.RATE
                && metric.map(definition -> definition.type() == MetricType.RATE).orElse(false);
        if (rateOfRate) {
            return percent(verdict.observed());
        }
        return singleLine(verdict.observedText()).replace("µs", "us");
    }

    /** Formats a per-second rate of the metric: {@code 4.36938/s}, {@code 31 kB/s}. */
    static String perSecond(Metric metric, double perSecond) {
        return value(metric, perSecond) + "/s";
    }

    /**
     * Returns the text with line breaks, tabs and other control characters (terminal escapes included) replaced
     * by spaces, so that a name or message from a script keeps the layout on one line.
     */
    static String singleLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint)) {
                clean.append(' ');
            } else {
                clean.appendCodePoint(codePoint);
            }
        });
        return clean.toString();
    }
}
