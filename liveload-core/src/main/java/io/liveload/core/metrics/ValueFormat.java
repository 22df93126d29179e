package io.liveload.core.metrics;

import java.util.Locale;

/** Formats metric values for people, the way k6's summary prints them. */
public final class ValueFormat {

    private ValueFormat() {
    }

    /**
     * Formats a duration given in milliseconds: {@code 812µs}, {@code 63.55ms}, {@code 2.31s}, {@code 1m4s}.
     */
    public static String millis(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1) {
            return trim(millis * 1000, 2) + "µs";
        }
        if (millis < 1000) {
            return trim(millis, 2) + "ms";
        }
        if (millis < 60_000) {
            return trim(millis / 1000, 2) + "s";
        }
        long totalSeconds = Math.round(millis / 1000);
        long hours = totalSeconds / 3600;
        long minutes = totalSeconds % 3600 / 60;
        long seconds = totalSeconds % 60;
        return (hours > 0 ? hours + "h" : "") + minutes + "m" + seconds + "s";
    }

    /** Formats a byte count with decimal units: {@code 317 B}, {@code 39 kB}, {@code 62 MB}. */
    public static String bytes(double bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return (unit == 0 ? String.valueOf(Math.round(value)) : trim(value, value < 10 ? 1 : 0)) + " " + units[unit];
    }

    /** Formats a fraction in [0, 1] as a percentage with two decimals: {@code 99.50%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** Formats a plain number: integers without decimals, others with up to 6 significant decimals. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return trim(value, 6);
    }

    /** Formats a value of the metric in its unit: milliseconds for time, bytes for data, else plain. */
    public static String value(Metric metric, double value) {
        return switch (metric.contains()) {
            case TIME -> millis(value);
            case DATA -> bytes(value);
            case DEFAULT -> number(value);
        };
    }

    private static String trim(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.indexOf('.') >= 0) {
            text = text.replaceAll("0+$", "");
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text;
    }
}
