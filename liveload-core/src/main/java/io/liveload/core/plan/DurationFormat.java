package io.liveload.core.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats durations the way k6 writes them: {@code 500ms}, {@code 10s}, {@code 1m30s},
 * {@code 2h}, {@code 1.5s}. Accepted units: {@code h}, {@code m}, {@code s}, {@code ms}, {@code us} (or
 * {@code µs}) and {@code ns}; a plain number means milliseconds only where a caller says so.
 */
public final class DurationFormat {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");
    private static final String ACCEPTED = "a number with a unit: h, m, s, ms, us or ns, parts combined "
            + "largest first, e.g. 500ms, 10s, 1m30s, 2h";

    private DurationFormat() {
    }

    /**
     * Parses a k6 duration string.
     *
     * @param what names the setting in the error message, e.g. {@code "duration"}
     * @throws IllegalArgumentException naming the value and the accepted forms when the text is not a
     *                                  non-negative duration
     */
    public static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Invalid " + what + " \"" + (text == null ? "" : text)
                    + "\": it is empty; expected " + ACCEPTED);
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("Invalid " + what + " \"" + text
                    + "\": durations cannot be negative; expected " + ACCEPTED);
        }
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int position = 0;
        while (position < trimmed.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new IllegalArgumentException("Invalid " + what + " \"" + text + "\": expected " + ACCEPTED);
            }
            total = total.plus(part(matcher.group(1), matcher.group(2)));
            position = matcher.end();
        }
        return total;
    }

    private static Duration part(String number, String unit) {
        double value = Double.parseDouble(number);
        double nanosPerUnit = switch (unit) {
            case "h" -> 3_600e9;
            case "m" -> 60e9;
            case "s" -> 1e9;
            case "ms" -> 1e6;
            case "us", "µs" -> 1e3;
            default -> 1;
        };
        return Duration.ofNanos(Math.round(value * nanosPerUnit));
    }

    /** Formats a duration as k6 prints it: {@code 1m30s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long nanos = duration.toNanos();
        if (nanos % 1_000_000_000L != 0) {
            if (nanos < 1_000_000_000L) {
                return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : formatFraction(nanos / 1e6) + "ms";
            }
            return formatFraction(nanos / 1e9) + "s";
        }
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
            seconds %= 3600;
        }
        if (seconds >= 60) {
            text.append(seconds / 60).append('m');
            seconds %= 60;
        }
        if (seconds > 0 || text.length() == 0) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }

    private static String formatFraction(double value) {
        String text = String.format(java.util.Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
