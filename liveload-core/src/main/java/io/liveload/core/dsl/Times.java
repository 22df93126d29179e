package io.liveload.core.dsl;

import io.liveload.core.plan.DurationFormat;
import java.time.Duration;
import java.util.Objects;

/** Checks and parses the times the DSL takes, so that a bad value fails on the line that passed it. */
final class Times {

    private Times() {
    }

    static Duration positive(Duration value, String option) {
        Objects.requireNonNull(value, option);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("Invalid " + option + " " + format(value)
                    + ": it must be longer than zero");
        }
        return value;
    }

    static Duration notNegative(Duration value, String option) {
        Objects.requireNonNull(value, option);
        if (value.isNegative()) {
            throw new IllegalArgumentException("Invalid " + option + " " + format(value)
                    + ": it must be zero or longer");
        }
        return value;
    }

    private static String format(Duration value) {
        return (value.isNegative() ? "-" : "") + DurationFormat.format(value.abs());
    }

    static Duration parse(String text, String option) {
        return DurationFormat.parse(text, option);
    }

    static int positive(int value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": it must be a positive number");
        }
        return value;
    }

    static long positive(long value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": it must be a positive number");
        }
        return value;
    }

    static long notNegative(long value, String option) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": it must be zero or more");
        }
        return value;
    }
}
