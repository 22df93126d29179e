package io.liveload.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liveload.core.threshold.Threshold;
import io.liveload.core.threshold.ThresholdResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Percentiles of recorded durations against the nearest-rank percentiles of the raw values, computed here from a
 * sorted array. The reported value is the exact one or at most 0.1% above it, because HdrHistogram with 3
 * significant digits reports the upper bound of the value's bucket. Thresholds judge that same value.
 */
class PercentileDefinitionTest {

    private static final int SAMPLES = 20_000;
    private static final double[] PERCENTILES = {1, 50, 90, 95, 99, 99.9, 100};

    private final long[] micros = new long[SAMPLES];
    private final MetricsSnapshot totals;

    PercentileDefinitionTest() {
        // Log-uniform durations from 50 us to about 5 s, so that every order of magnitude has samples.
        SplittableRandom random = new SplittableRandom(42);
        MetricRegistry registry = new MetricRegistry(0);
        TrendSeries series = registry.trend(BuiltinMetrics.HTTP_REQ_DURATION, TagSet.EMPTY);
        for (int i = 0; i < SAMPLES; i++) {
            micros[i] = Math.round(50 * Math.pow(10, 5 * random.nextDouble()));
            series.recordMicros(micros[i]);
        }
        registry.sampleInterval(1_000);
        totals = registry.totals();
        Arrays.sort(micros);
    }

    /**
     * Returns the smallest raw value with at least p% of the values at or below it, in milliseconds. The rank is
     * computed in decimal arithmetic, because 99.9 / 100 * 20000 is slightly above 19980 in doubles.
     */
    private double nearestRankMillis(double percentile) {
        int rank = BigDecimal.valueOf(percentile).multiply(BigDecimal.valueOf(SAMPLES))
                .divide(BigDecimal.valueOf(100)).setScale(0, RoundingMode.CEILING).intValueExact();
        return micros[Math.max(rank, 1) - 1] / 1000.0;
    }

    private TrendValue trend() {
        return (TrendValue) totals.aggregate(BuiltinMetrics.HTTP_REQ_DURATION.name()).orElseThrow();
    }

    @Test
    void percentilesWithinPrecisionOfRawValues() {
        for (double percentile : PERCENTILES) {
            double exact = nearestRankMillis(percentile);
            assertThat(trend().percentile(percentile)).as("p(%s)", percentile)
                    .isBetween(exact, exact * 1.001 + 0.001);
        }
    }

    @Test
    void averageIsExact() {
        double sumMillis = Arrays.stream(micros).sum() / 1000.0;

        assertThat(trend().avg()).isCloseTo(sumMillis / SAMPLES, within(1e-9));
    }

    @Test
    void thresholdJudgesReportedValue() {
        double p95 = trend().percentile(95);

        ThresholdResult above = Threshold.parse("http_req_duration",
                String.format(Locale.ROOT, "p(95) < %.4f", p95 + 0.001)).evaluate(totals, 1_000);
        ThresholdResult at = Threshold.parse("http_req_duration",
                String.format(Locale.ROOT, "p(95) < %.4f", p95)).evaluate(totals, 1_000);

        assertThat(above.observed()).isEqualTo(p95);
        assertThat(above.passed()).isTrue();
        assertThat(at.passed()).isFalse();
    }
}
