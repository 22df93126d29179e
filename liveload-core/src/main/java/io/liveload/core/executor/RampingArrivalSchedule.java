package io.liveload.core.executor;

import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.List;

/**
 * Iteration starts for a rate that changes linearly within each stage, as k6's {@code ramping-arrival-rate}
 * computes them: the number of iterations started by time {@code t} is the area under the rate curve from the
 * start to {@code t}, so iteration {@code n} (from 1) starts when that area reaches {@code n}. Within a stage that
 * goes from rate {@code a} to {@code b} (per nanosecond) over {@code d}, the area after {@code t} is
 * {@code a*t + (b-a)*t*t/(2d)}, and solving it for {@code t} gives the start. A stage of zero length changes the
 * rate at once. The scenario starts {@code floor(total area)} iterations.
 */
final class RampingArrivalSchedule implements ArrivalSchedule {

    /** Absorbs rounding errors so that an area of exactly n still counts iteration n. */
    private static final double EPSILON = 1e-9;

    private final List<Stage> stages;
    private final double timeUnitNanos;
    private int stageIndex;
    private long stageStartNanos;
    private double fromRate;
    private double areaBeforeStage;
    private long next = 1;

    RampingArrivalSchedule(long startRate, Duration timeUnit, List<Stage> stages) {
        this.stages = List.copyOf(stages);
        this.timeUnitNanos = timeUnit.toNanos();
        this.fromRate = startRate / timeUnitNanos;
    }

    @Override
    public long nextOffsetNanos() {
        while (stageIndex < stages.size()) {
            Stage stage = stages.get(stageIndex);
            double durationNanos = stage.duration().toNanos();
            double toRate = stage.target() / timeUnitNanos;
            double areaAtEnd = areaBeforeStage + durationNanos * (fromRate + toRate) / 2;
            if (next <= areaAtEnd + EPSILON && durationNanos > 0) {
                double offsetInStage = offsetInStage(next - areaBeforeStage, fromRate, toRate, durationNanos);
                next++;
                return stageStartNanos + Math.round(Math.min(offsetInStage, durationNanos));
            }
            areaBeforeStage = areaAtEnd;
            fromRate = toRate;
            stageStartNanos += stage.duration().toNanos();
            stageIndex++;
        }
        return END;
    }

    /** Returns the time within the stage at which the area since the stage's start reaches {@code area}. */
    private static double offsetInStage(double area, double from, double to, double duration) {
        if (from == to) {
            return area / from;
        }
        double root = Math.sqrt(Math.max(0, duration * (from * from * duration + 2 * area * (to - from))));
        return Math.max(0, (from * duration - root) / (from - to));
    }
}
