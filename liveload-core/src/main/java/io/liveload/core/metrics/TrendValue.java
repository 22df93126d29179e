package io.liveload.core.metrics;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;

/**
 * The distribution of a trend, kept as an HdrHistogram so that percentiles stay exact to the histogram's
 * precision and distributions from several runs or machines merge without loss.
 *
 * <p>Precision: {@value #SIGNIFICANT_DIGITS} significant decimal digits, so every reported value is within
 * 0.1% of a recorded value. Time trends are recorded in whole microseconds and reported in milliseconds.
 *
 * <p>Percentile definition, used everywhere (summary, JSON, thresholds, assertions, reports): {@code p(N)} is
 * the smallest recorded value {@code v} such that at least N% of the values are {@code <= v} (nearest rank),
 * reported as the upper bound of {@code v}'s histogram bucket, so at most 0.1% above it. {@code med} is
 * {@code p(50)}; {@code min} and {@code max} are the bucket bounds of the smallest and largest value;
 * {@code avg} is the exact sum divided by the count.
 */
public final class TrendValue implements Aggregate {

    /** Significant decimal digits kept by every trend histogram. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private static final double MICROS_PER_MILLI = 1000.0;

    private final boolean time;
    private final AbstractHistogram longHistogram;
    private final DoubleHistogram doubleHistogram;
    private final double sum;

    private TrendValue(boolean time, AbstractHistogram longHistogram, DoubleHistogram doubleHistogram, double sum) {
        this.time = time;
        this.longHistogram = longHistogram;
        this.doubleHistogram = doubleHistogram;
        this.sum = sum;
    }

    /**
     * Returns the trend of a time metric.
     *
     * @param micros    a histogram of values in microseconds; the caller must not change it afterwards
     * @param sumMicros the exact sum of the recorded values, in microseconds
     */
    public static TrendValue ofMicros(AbstractHistogram micros, double sumMicros) {
        return new TrendValue(true, micros, null, sumMicros / MICROS_PER_MILLI);
    }

    /**
     * Returns the trend of a metric of plain values or bytes.
     *
     * @param values a histogram of the values; the caller must not change it afterwards
     * @param sum    the exact sum of the recorded values
     */
    public static TrendValue ofValues(DoubleHistogram values, double sum) {
        return new TrendValue(false, null, values, sum);
    }

    /** Returns an empty trend of the kind given. */
    public static TrendValue empty(boolean time) {
        return time ? ofMicros(newMicrosHistogram(), 0) : ofValues(newValuesHistogram(), 0);
    }

    static Histogram newMicrosHistogram() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    static DoubleHistogram newValuesHistogram() {
        return new DoubleHistogram(SIGNIFICANT_DIGITS);
    }

    @Override
    public MetricType type() {
        return MetricType.TREND;
    }

    /** Returns whether values are durations in milliseconds. */
    public boolean isTime() {
        return time;
    }

    @Override
    public long sampleCount() {
        return time ? longHistogram.getTotalCount() : doubleHistogram.getTotalCount();
    }

    /** Returns the exact sum of the values (milliseconds for time trends). */
    public double sum() {
        return sum;
    }

    /** Returns the exact mean, or NaN without samples. */
    public double avg() {
        long count = sampleCount();
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Returns the smallest value (lower bound of its bucket), or NaN without samples. */
    public double min() {
        if (sampleCount() == 0) {
            return Double.NaN;
        }
        return time ? toMillis(longHistogram.getMinValue()) : doubleHistogram.getMinValue();
    }

    /** Returns the largest value (upper bound of its bucket), or NaN without samples. */
    public double max() {
        if (sampleCount() == 0) {
            return Double.NaN;
        }
        return time ? toMillis(longHistogram.getMaxValue()) : doubleHistogram.getMaxValue();
    }

    /** Returns {@code p(50)}. */
    public double med() {
        return percentile(50);
    }

    /**
     * Returns {@code p(percentile)} by the definition in the class documentation, or NaN without samples.
     *
     * @param percentile a number in [0, 100], decimals allowed (99.9)
     */
    public double percentile(double percentile) {
        if (percentile < 0 || percentile > 100 || Double.isNaN(percentile)) {
            throw new IllegalArgumentException("Percentile must be between 0 and 100: " + percentile);
        }
        if (sampleCount() == 0) {
            return Double.NaN;
        }
        if (time) {
            return toMillis(longHistogram.highestEquivalentValue(longHistogram.getValueAtPercentile(percentile)));
        }
        return doubleHistogram.highestEquivalentValue(doubleHistogram.getValueAtPercentile(percentile));
    }

    /** Returns a copy of the microsecond histogram of a time trend. */
    public AbstractHistogram microsHistogram() {
        if (!time) {
            throw new IllegalStateException("Not a time trend");
        }
        return longHistogram.copy();
    }

    /** Returns a copy of the value histogram of a trend of plain values or bytes. */
    public DoubleHistogram valuesHistogram() {
        if (time) {
            throw new IllegalStateException("A time trend; use microsHistogram()");
        }
        return doubleHistogram.copy();
    }

    /**
     * Returns the histogram in HdrHistogram's compressed encoding, Base64 text, as read by
     * {@code Histogram.decodeFromCompressedByteBuffer} and {@code DoubleHistogram.decodeFromCompressedByteBuffer}.
     */
    public String encodeBase64() {
        ByteBuffer buffer;
        int length;
        if (time) {
            buffer = ByteBuffer.allocate(longHistogram.getNeededByteBufferCapacity());
            length = longHistogram.encodeIntoCompressedByteBuffer(buffer);
        } else {
            buffer = ByteBuffer.allocate(doubleHistogram.getNeededByteBufferCapacity());
            length = doubleHistogram.encodeIntoCompressedByteBuffer(buffer);
        }
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /**
     * Returns the trend encoded by {@link #encodeBase64()}.
     *
     * @throws IllegalArgumentException when the text is not such an encoding
     */
    public static TrendValue decodeBase64(String encoded, boolean time, double sum) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
            if (time) {
                return ofMicros(Histogram.decodeFromCompressedByteBuffer(buffer, 0), sum * MICROS_PER_MILLI);
            }
            return ofValues(DoubleHistogram.decodeFromCompressedByteBuffer(buffer, 0), sum);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("Not an encoded HdrHistogram: " + e.getMessage(), e);
        }
    }

    @Override
    public TrendValue merge(Aggregate other) {
        if (!(other instanceof TrendValue trend) || trend.time != time) {
            throw new IllegalArgumentException("Cannot merge a " + (time ? "time " : "") + "trend with "
                    + other.type().k6Name() + " values of another kind");
        }
        if (time) {
            AbstractHistogram merged = longHistogram.copy();
            merged.add(trend.longHistogram);
            return new TrendValue(true, merged, null, sum + trend.sum);
        }
        // A fresh histogram, not a copy: DoubleHistogram.copy() (HdrHistogram 2.2.2) cannot widen its value range,
        // so adding values outside it would throw ArrayIndexOutOfBoundsException.
        DoubleHistogram merged = newValuesHistogram();
        merged.add(doubleHistogram);
        merged.add(trend.doubleHistogram);
        return new TrendValue(false, null, merged, sum + trend.sum);
    }

    private static double toMillis(long micros) {
        return micros / MICROS_PER_MILLI;
    }

    @Override
    public String toString() {
        return "TrendValue[count=" + sampleCount() + ", avg=" + avg() + ", p95=" + percentile(95) + "]";
    }
}
