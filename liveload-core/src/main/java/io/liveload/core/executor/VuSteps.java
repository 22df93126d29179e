package io.liveload.core.executor;

import io.liveload.core.plan.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The number of VUs that ramping-vus wants at each moment, as k6 steps it: within a stage from {@code a} to
 * {@code b} VUs over {@code d}, the count moves one VU at a time, after each full {@code d / |b - a|}, and reaches
 * {@code b} at the stage's end. A stage of zero length jumps to its target. After the last stage the count stays at
 * the last target. Times are nanoseconds from the scenario's start. Immutable.
 */
final class VuSteps {

    private record Segment(long startNanos, long durationNanos, long from, long to) {

        long endNanos() {
            return startNanos + durationNanos;
        }

        long valueAt(long elapsedNanos) {
            long steps = scaledFloor(Math.abs(to - from), elapsedNanos - startNanos, durationNanos);
            return to >= from ? from + steps : from - steps;
        }

        /** Returns the first time after {@code elapsedNanos} at which the value changes, or the segment's end. */
        long nextChangeAfter(long elapsedNanos) {
            long distance = Math.abs(to - from);
            if (distance == 0) {
                return endNanos();
            }
            long stepsDone = scaledFloor(distance, elapsedNanos - startNanos, durationNanos);
            // The smallest t with floor(distance * t / duration) >= stepsDone + 1.
            long next = startNanos + scaledCeil(stepsDone + 1, durationNanos, distance);
            return Math.min(next, endNanos());
        }
    }

    private final List<Segment> segments;
    private final long last;
    private final long totalNanos;

    VuSteps(int startVus, List<Stage> stages) {
        List<Segment> built = new ArrayList<>();
        long from = startVus;
        long start = 0;
        for (Stage stage : stages) {
            long duration = stage.duration().toNanos();
            built.add(new Segment(start, duration, from, stage.target()));
            start += duration;
            from = stage.target();
        }
        this.segments = List.copyOf(built);
        this.last = from;
        this.totalNanos = start;
    }

    /** Returns the stages' total length in nanoseconds. */
    long totalNanos() {
        return totalNanos;
    }

    /** Returns the VUs wanted at {@code elapsedNanos} after the start. */
    int vusAt(long elapsedNanos) {
        for (Segment segment : segments) {
            if (elapsedNanos < segment.endNanos()) {
                return (int) segment.valueAt(Math.max(elapsedNanos, segment.startNanos()));
            }
        }
        return (int) last;
    }

    /** Returns the next time after {@code elapsedNanos} at which {@link #vusAt(long)} may change, at most the end. */
    long nextChangeAfter(long elapsedNanos) {
        for (Segment segment : segments) {
            if (elapsedNanos < segment.endNanos()) {
                return segment.nextChangeAfter(Math.max(elapsedNanos, segment.startNanos()));
            }
        }
        return totalNanos;
    }

    /** Returns {@code floor(a * b / c)} for non-negative values, in floating point where the product overflows. */
    private static long scaledFloor(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        if (high == 0 && a * b >= 0) {
            return a * b / c;
        }
        return (long) Math.floor((double) a * b / c);
    }

    /** Returns {@code ceil(a * b / c)} for non-negative values, in floating point where the product overflows. */
    private static long scaledCeil(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        if (high == 0 && a * b >= 0) {
            long product = a * b;
            return product / c + (product % c == 0 ? 0 : 1);
        }
        return (long) Math.ceil((double) a * b / c);
    }
}
