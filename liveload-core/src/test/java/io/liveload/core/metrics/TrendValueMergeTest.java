package io.liveload.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.DoubleHistogram;
import org.junit.jupiter.api.Test;

class TrendValueMergeTest {

    private static TrendValue values(double... recorded) {
        DoubleHistogram histogram = new DoubleHistogram(TrendValue.SIGNIFICANT_DIGITS);
        double sum = 0;
        for (double value : recorded) {
            histogram.recordValue(value);
            sum += value;
        }
        return TrendValue.ofValues(histogram, sum);
    }

    @Test
    void valueTrendsOfDifferentRangesMerge() {
        TrendValue diffs = values(100);
        TrendValue wider = values(1, 1_000_000);

        TrendValue merged = diffs.merge(wider);

        assertThat(merged.sampleCount()).isEqualTo(3);
        assertThat(merged.max()).isBetween(1_000_000.0, 1_000_000 * 1.001);
        assertThat(merged.min()).isBetween(1.0 / 1.001, 1.0);
    }

    @Test
    void mergedValueTrendMergesAgain() {
        TrendValue merged = values(100).merge(values(1, 1_000_000));

        TrendValue again = merged.merge(values(0.001));

        assertThat(again.sampleCount()).isEqualTo(4);
        assertThat(again.sum()).isEqualTo(100 + 1 + 1_000_000 + 0.001);
    }

    @Test
    void mergeLeavesInputsUnchanged() {
        TrendValue diffs = values(100);

        diffs.merge(values(1, 1_000_000));

        assertThat(diffs.sampleCount()).isEqualTo(1);
    }
}
