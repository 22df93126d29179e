package io.liveload.core.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleRecorder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A trend series. Writers record into an HdrHistogram {@link Recorder}, which is wait-free for writers and
 * hands the sampling thread a stable interval histogram by swapping an active and an inactive histogram.
 * Time values are recorded in whole microseconds; negative durations (a clock step) count as zero.
 *
 * <p>NOTE: writers on several cores contend for the recorder's shared counters. {@code bench/metrics-jmh.sh}
 * measured about 15 ns per sample for one writer and 270 to 650 ns for 8 writers on 2 cores; striping the
 * recorder per core would remove that, at the cost of one histogram pair per stripe.
 */
public final class TrendSeries extends Series {

    private final boolean time;
    private final Recorder micros;
    private final LongAdder sumMicros;
    private final DoubleRecorder values;
    private final DoubleAdder sumValues;

    private Histogram intervalMicros;
    private DoubleHistogram intervalValues;
    private final Histogram totalMicros;
    private final DoubleHistogram totalValues;
    private double sampledSum;
    private long previousSumMicros;
    private double previousSumValues;

    TrendSeries(Metric metric, TagSet tags) {
        super(metric, tags);
        this.time = metric.isTime();
        if (time) {
            micros = new Recorder(TrendValue.SIGNIFICANT_DIGITS);
            sumMicros = new LongAdder();
            totalMicros = TrendValue.newMicrosHistogram();
            values = null;
            sumValues = null;
            totalValues = null;
        } else {
            values = new DoubleRecorder(TrendValue.SIGNIFICANT_DIGITS);
            sumValues = new DoubleAdder();
            totalValues = TrendValue.newValuesHistogram();
            micros = null;
            sumMicros = null;
            totalMicros = null;
        }
    }

    /** Records a duration in microseconds; only for time trends. */
    public void recordMicros(long durationMicros) {
        long clamped = Math.max(0, durationMicros);
        micros.recordValue(clamped);
        sumMicros.add(clamped);
    }

    /** Records a duration in nanoseconds, rounded to the nearest microsecond; only for time trends. */
    public void recordNanos(long durationNanos) {
        recordMicros((durationNanos + 500) / 1000);
    }

    /** Records a duration; only for time trends. */
    public void record(Duration duration) {
        recordNanos(duration.toNanos());
    }

    /**
     * Records a value: milliseconds for time trends (as k6's {@code Trend.add}), the plain value otherwise.
     *
     * @throws IllegalArgumentException when the value is negative, infinite or not a number
     */
    public void record(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Trend " + this + " takes finite values >= 0, got " + value);
        }
        if (time) {
            recordMicros(Math.round(value * 1000));
        } else {
            values.recordValue(value);
            sumValues.add(value);
        }
    }

    @Override
    TrendValue sampleInterval() {
        if (time) {
            intervalMicros = micros.getIntervalHistogram(intervalMicros);
            long sum = sumMicros.sum();
            long intervalSum = sum - previousSumMicros;
            previousSumMicros = sum;
            totalMicros.add(intervalMicros);
            sampledSum = sum;
            return TrendValue.ofMicros(intervalMicros, intervalSum);
        }
        intervalValues = values.getIntervalHistogram(intervalValues);
        double sum = sumValues.sum();
        double intervalSum = sum - previousSumValues;
        previousSumValues = sum;
        totalValues.add(intervalValues);
        sampledSum = sum;
        return TrendValue.ofValues(intervalValues, intervalSum);
    }

    @Override
    TrendValue total() {
        if (time) {
            return TrendValue.ofMicros(totalMicros.copy(), sampledSum);
        }
        return TrendValue.ofValues(totalValues.copy(), sampledSum);
    }
}
