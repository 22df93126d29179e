package io.liveload.core.plan;

import java.time.Duration;
import java.util.List;

/**
 * One stage of a ramping executor: move linearly to {@code target} (VUs or iterations per time unit) over
 * {@code duration}. A stage of zero duration jumps to its target.
 *
 * @param duration the stage's length, zero or longer
 * @param target   the VUs or rate at the stage's end, zero or more
 */
public record Stage(Duration duration, long target) {

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
