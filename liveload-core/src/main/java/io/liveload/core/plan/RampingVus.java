package io.liveload.core.plan;

import java.time.Duration;
import java.util.List;

/**
 * A number of VUs that follows stages (k6 {@code ramping-vus}). When the target drops, VUs finish their
 * current iteration and stop; those still running after {@code gracefulRampDown} are interrupted.
 *
 * @param startVus         VUs at the start, zero or more
 * @param stages           at least one stage; targets are VU counts
 * @param gracefulRampDown how long a VU leaving during a ramp-down may finish its iteration
 */
public record RampingVus(int startVus, List<Stage> stages, Duration gracefulRampDown) implements ExecutorSpec {

    /** k6's default graceful ramp-down. */
    public static final Duration DEFAULT_GRACEFUL_RAMP_DOWN = Duration.ofSeconds(30);

    public RampingVus {
        if (startVus < 0) {
            throw new IllegalArgumentException("Invalid startVUs " + startVus + " for ramping-vus: it must be zero or more");
        }
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("ramping-vus needs at least one stage, e.g. 30s -> 100");
        }
        stages = List.copyOf(stages);
        for (Stage stage : stages) {
            if (stage.target() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Invalid stage target " + stage.target() + " for ramping-vus: too many VUs");
            }
        }
        if (Stage.total(stages).isZero()) {
            throw new IllegalArgumentException("ramping-vus stages add up to 0s: give at least one stage a duration");
        }
        ExecutorSpec.requireNotNegative(gracefulRampDown, "ramping-vus", "gracefulRampDown");
    }

    /** Returns the executor with k6's default gracefulRampDown of 30 s. */
    public RampingVus(int startVus, List<Stage> stages) {
        this(startVus, stages, DEFAULT_GRACEFUL_RAMP_DOWN);
    }

    @Override
    public String k6Name() {
        return "ramping-vus";
    }

    @Override
    public int maxVus() {
        long max = startVus;
        for (Stage stage : stages) {
            max = Math.max(max, stage.target());
        }
        return (int) max;
    }

    @Override
    public Duration maxDuration() {
        return Stage.total(stages);
    }

    @Override
    public String describe() {
        return "up to " + maxVus() + " looping VUs for " + DurationFormat.format(maxDuration()) + " over "
                + stages.size() + " stages (gracefulRampDown: " + DurationFormat.format(gracefulRampDown) + ")";
    }
}
