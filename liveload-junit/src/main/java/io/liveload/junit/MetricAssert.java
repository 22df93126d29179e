package io.liveload.junit;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.metrics.ValueType;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one metric or sub-metric of a run. Each statistic method returns a {@link MetricValueAssert}
 * that names the statistic, the metric and the sample count in its failure messages.
 */
public final class MetricAssert extends AbstractAssert<MetricAssert, RunResult> {

    private final String selector;
    private final String metricName;
    private final TagSet filter;

    MetricAssert(RunResult actual, String selector) {
        super(actual, MetricAssert.class);
        this.selector = selector;
        io.liveload.core.threshold.Threshold parsed = io.liveload.core.threshold.Threshold.parse(selector, "count >= 0");
        this.metricName = parsed.metricName();
        this.filter = parsed.filter();
    }

    /** Verifies that the metric has at least one sample. */
    public MetricAssert hasSamples() {
        values();
        return this;
    }

    /** Returns assertions on {@code p(percentile)} of a trend; time trends compare as durations. */
    public MetricValueAssert percentile(double percentile) {
        TrendValue trend = trend("p(" + format(percentile) + ")");
        return value("p(" + format(percentile) + ")", trend.percentile(percentile), trend.sampleCount());
    }

    /** Returns assertions on the mean of a trend. */
    public MetricValueAssert avg() {
        TrendValue trend = trend("avg");
        return value("avg", trend.avg(), trend.sampleCount());
    }

    /** Returns assertions on the median, {@code p(50)}, of a trend. */
    public MetricValueAssert med() {
        TrendValue trend = trend("med");
        return value("med", trend.med(), trend.sampleCount());
    }

    /** Returns assertions on the smallest value of a trend. */
    public MetricValueAssert min() {
        TrendValue trend = trend("min");
        return value("min", trend.min(), trend.sampleCount());
    }

    /** Returns assertions on the largest value of a trend. */
    public MetricValueAssert max() {
        TrendValue trend = trend("max");
        return value("max", trend.max(), trend.sampleCount());
    }

    /** Returns assertions on the fraction of true values of a rate, in [0, 1]. */
    public MetricValueAssert rate() {
        Aggregate values = values();
        if (!(values instanceof RateValue rate)) {
            throw failure("Expected %s to be a rate metric to read its rate, but it is a %s", selector,
                    values.type().k6Name());
        }
        return new MetricValueAssert("rate", selector, rate.rate(), rate.sampleCount(), ValueType.DEFAULT);
    }

    /** Returns assertions on a counter's sum, or on the number of samples of any other metric. */
    public MetricValueAssert count() {
        Aggregate values = values();
        double count = values instanceof CounterValue counter ? counter.sum() : values.sampleCount();
        return new MetricValueAssert("count", selector, count, values.sampleCount(), ValueType.DEFAULT);
    }

    /** Returns assertions on a gauge's last value. */
    public MetricValueAssert value() {
        Aggregate values = values();
        if (!(values instanceof GaugeValue gauge)) {
            throw failure("Expected %s to be a gauge to read its value, but it is a %s", selector, values.type().k6Name());
        }
        return value("value", gauge.value(), gauge.sampleCount());
    }

    private TrendValue trend(String statistic) {
        Aggregate values = values();
        if (!(values instanceof TrendValue trend)) {
            throw failure("Expected %s to be a trend metric to read its %s, but it is a %s", selector, statistic,
                    values.type().k6Name());
        }
        return trend;
    }

    private MetricValueAssert value(String statistic, double value, long samples) {
        Metric metric = actual.metrics().metric(metricName).orElseThrow();
        return new MetricValueAssert(statistic, selector, value, samples, metric.contains());
    }

    private Aggregate values() {
        isNotNull();
        if (actual.metrics().metric(metricName).isEmpty()) {
            throw failure("Expected metric %s in %s, but there is no metric named \"%s\"", selector,
                    actual.testName(), metricName);
        }
        Optional<Aggregate> values = actual.metrics().aggregate(metricName, filter);
        if (values.isEmpty() || values.get().sampleCount() == 0) {
            throw failure("Expected %s in %s to have samples, but it has no samples", selector, actual.testName());
        }
        return values.get();
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
