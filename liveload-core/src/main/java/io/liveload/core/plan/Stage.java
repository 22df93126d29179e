package io.liveload.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stage of a ramping executor: move linearly to {@code target} (VUs or iterations per time unit) over
 * {@code duration}. A stage of zero duration jumps to its target.
 *
 * @param duration the stage's length, zero or longer
 * @param target   the VUs or rate at the stage's end, zero or more
 */
public record Stage(Duration duration, long target) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\S+)\\s*->\\s*(\\d+)\\s*");
    private static final String EXPECTED = "expected \"duration -> target\", e.g. \"30s -> 100\"";

    public Stage {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("Invalid stage duration " + duration + ": it must be zero or longer");
        }
        if (target < 0) {
            throw new IllegalArgumentException("Invalid stage target " + target + ": it must be zero or more");
        }
    }

    /** Returns a stage from a k6 duration string: {@code Stage.of("30s", 100)}. */
    public static Stage of(String duration, long target) {
        return new Stage(DurationFormat.parse(duration, "stage duration"), target);
    }

    /**
     * Parses a stage written as {@code "duration -> target"}, e.g. {@code "30s -> 100"} or {@code "1m30s -> 0"}.
     * The duration is a k6 duration string and the target a whole number.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Stage parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid stage \"" + text + "\": " + EXPECTED);
        }
        Duration duration;
        try {
            duration = DurationFormat.parse(matcher.group(1), "stage duration");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid stage \"" + text + "\": " + e.getMessage(), e);
        }
        long target;
        try {
            target = Long.parseLong(matcher.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid stage \"" + text + "\": the target is too large", e);
        }
        return new Stage(duration, target);
    }

    /**
     * Parses stages separated by commas, e.g. {@code "30s -> 100, 1m -> 100, 10s -> 0"}.
     *
     * @throws IllegalArgumentException naming the first invalid stage and the expected form
     */
    public static List<Stage> parseList(String text) {
        List<Stage> stages = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            stages.add(parse(part));
        }
        return List.copyOf(stages);
    }

    /** Returns the stages' total length. */
    static Duration total(List<Stage> stages) {
        Duration total = Duration.ZERO;
        for (Stage stage : stages) {
            total = total.plus(stage.duration());
        }
        return total;
    }

    @Override
    public String toString() {
        return DurationFormat.format(duration) + " -> " + target;
    }
}
