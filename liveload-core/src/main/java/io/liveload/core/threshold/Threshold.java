package io.liveload.core.threshold;

import io.liveload.core.internal.Spelling;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.MetricType;
import io.liveload.core.metrics.MetricsView;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.metrics.ValueFormat;
import io.liveload.core.metrics.ValueType;
import io.liveload.core.plan.DurationFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail criterion on a metric in k6's syntax, such as {@code p(95) < 500ms} on
 * {@code http_req_duration{name:settings}}.
 *
 * <p>Condition grammar: {@code aggregation operator number[unit]}. Aggregations: {@code avg}, {@code min},
 * {@code max}, {@code med} and {@code p(N)} (N in [0, 100], decimals allowed) on trends; {@code rate} on rates
 * (a fraction in [0, 1]) and counters (sum per second); {@code count} on counters; {@code value} on gauges.
 * Operators: {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ==} ({@code ===}), {@code !=}. Units, only on
 * time metrics: {@code ms} (the default for a plain number), {@code s}, {@code us}, {@code m}.
 *
 * <p>A threshold on a metric or sub-metric without samples fails with "no samples".
 */
public final class Threshold {

    private static final Pattern SELECTOR = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\{(.*)\\})?\\s*");
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*(avg|min|max|med|count|rate|value|p\\(\\s*([0-9]+(?:\\.[0-9]+)?)\\s*\\))\\s*"
                    + "(<=|>=|===|==|!=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|us|µs|m)?\\s*");
    private static final String ACCEPTED = "expected \"aggregation operator value\", where aggregation is avg, min, "
            + "max, med, p(N), rate, count or value; operator is <, <=, >, >=, == or !=; value is a number, "
            + "with ms, s or us on time metrics (e.g. \"p(95) < 500ms\", \"rate == 1\")";

    private final String metricSelector;
    private final String metricName;
    private final TagSet filter;
    private final String condition;
    private final Aggregation aggregation;
    private final double percentile;
    private final Operator operator;
    private final double limit;
    private final String unit;
    private final boolean abortOnFail;
    private final Duration delayAbortEval;

    private Threshold(String metricSelector, String metricName, TagSet filter, String condition,
                      Aggregation aggregation, double percentile, Operator operator, double limit, String unit,
                      boolean abortOnFail, Duration delayAbortEval) {
        this.metricSelector = metricSelector;
        this.metricName = metricName;
        this.filter = filter;
        this.condition = condition;
        this.aggregation = aggregation;
        this.percentile = percentile;
        this.operator = operator;
        this.limit = limit;
        this.unit = unit;
        this.abortOnFail = abortOnFail;
        this.delayAbortEval = delayAbortEval;
    }

    /**
     * Parses a threshold that is judged at the end of the run.
     *
     * @param metricSelector a metric name, optionally with a tag filter: {@code http_req_duration{name:settings}}
     * @param condition      the condition, e.g. {@code p(95) < 500ms}
     * @throws InvalidThresholdException naming the text and the accepted forms
     */
    public static Threshold parse(String metricSelector, String condition) {
        return parse(metricSelector, condition, false, Duration.ZERO);
    }

    /**
     * Parses a threshold.
     *
     * @param abortOnFail    whether a breach during the run stops the run (checked once a second)
     * @param delayAbortEval time after the run's start before the first check during the run
     * @throws InvalidThresholdException naming the text and the accepted forms
     */
    public static Threshold parse(String metricSelector, String condition, boolean abortOnFail,
                                  Duration delayAbortEval) {
        Objects.requireNonNull(metricSelector, "metricSelector");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(delayAbortEval, "delayAbortEval");
        if (delayAbortEval.isNegative()) {
            throw new InvalidThresholdException("Invalid delayAbortEval " + delayAbortEval + " for threshold \""
                    + condition + "\": it cannot be negative");
        }
        Matcher selector = SELECTOR.matcher(metricSelector);
        if (!selector.matches()) {
            throw new InvalidThresholdException("Invalid threshold metric \"" + metricSelector
                    + "\": expected a metric name, optionally with tags, e.g. http_req_duration or "
                    + "http_req_duration{name:settings,method:GET}");
        }
        TagSet filter = parseTags(metricSelector, selector.group(2));
        Matcher matcher = CONDITION.matcher(condition);
        if (!matcher.matches()) {
            throw new InvalidThresholdException("Invalid threshold \"" + condition + "\" on " + metricSelector.trim()
                    + ": " + ACCEPTED);
        }
        Aggregation aggregation = aggregationOf(matcher.group(1));
        double percentile = Double.NaN;
        if (aggregation == Aggregation.PERCENTILE) {
            percentile = Double.parseDouble(matcher.group(2));
            if (percentile > 100) {
                throw new InvalidThresholdException("Invalid threshold \"" + condition + "\" on "
                        + metricSelector.trim() + ": the percentile must be between 0 and 100, got " + matcher.group(2));
            }
        }
        return new Threshold(metricSelector.trim(), selector.group(1), filter, condition.trim(), aggregation,
                percentile, Operator.fromSymbol(matcher.group(3)), Double.parseDouble(matcher.group(4)),
                matcher.group(5) == null ? "" : matcher.group(5), abortOnFail, delayAbortEval);
    }

    private static TagSet parseTags(String metricSelector, String tags) {
        TagSet filter = TagSet.EMPTY;
        if (tags == null || tags.isBlank()) {
            return filter;
        }
        for (String pair : tags.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || pair.substring(0, colon).isBlank()) {
                throw new InvalidThresholdException("Invalid tag \"" + pair.trim() + "\" in threshold metric \""
                        + metricSelector.trim() + "\": expected key:value pairs separated by commas, "
                        + "e.g. http_req_duration{name:settings,method:GET}");
            }
            filter = filter.with(pair.substring(0, colon).trim(), stripQuotes(pair.substring(colon + 1).trim()));
        }
        return filter;
    }

    private static String stripQuotes(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static Aggregation aggregationOf(String text) {
        return switch (text) {
            case "avg" -> Aggregation.AVG;
            case "min" -> Aggregation.MIN;
            case "max" -> Aggregation.MAX;
            case "med" -> Aggregation.MED;
            case "count" -> Aggregation.COUNT;
            case "rate" -> Aggregation.RATE;
            case "value" -> Aggregation.VALUE;
            default -> Aggregation.PERCENTILE;
        };
    }

    /**
     * Checks that the metric exists and that the aggregation and unit fit its type.
     *
     * @param metrics looks up a metric definition by name
     * @throws InvalidThresholdException naming the metric or condition and the fix
     */
    public void validate(Function<String, Optional<Metric>> metrics) {
        Optional<Metric> found = metrics.apply(metricName);
        if (found.isEmpty()) {
            String closest = Spelling.closest(metricName,
                    BuiltinMetrics.all().stream().map(Metric::name).toList());
            String hint = closest == null ? "" : "did you mean " + closest + "? Otherwise ";
            throw new InvalidThresholdException("Threshold \"" + condition + "\" is on unknown metric \""
                    + metricName + "\": " + hint + "use a built-in metric such as http_req_duration, "
                    + "http_req_failed or checks, or declare the custom metric (a static Counter, Gauge, Rate or "
                    + "Trend field of the test class, or customMetrics(...) in the DSL)");
        }
        Metric metric = found.get();
        if (!aggregation.appliesTo(metric.type())) {
            throw new InvalidThresholdException("Invalid threshold \"" + condition + "\" on " + metricSelector + ": "
                    + aggregation.text() + " does not apply to a " + metric.type().k6Name() + " metric; use "
                    + Aggregation.namesFor(metric.type()));
        }
        if (!unit.isEmpty() && !(metric.contains() == ValueType.TIME && aggregation != Aggregation.COUNT
                && aggregation != Aggregation.RATE)) {
            throw new InvalidThresholdException("Invalid threshold \"" + condition + "\" on " + metricSelector
                    + ": the unit \"" + unit + "\" only applies to durations; write a plain number");
        }
    }

    /**
     * Judges the threshold against the metric values of a run.
     *
     * @param runDurationMillis the run's length so far, for {@code rate} on counters
     */
    public ThresholdResult evaluate(MetricsView metrics, long runDurationMillis) {
        Optional<Metric> metric = metrics.metric(metricName);
        Optional<Aggregate> values = metrics.aggregate(metricName, filter);
        if (metric.isEmpty() || values.isEmpty() || values.get().sampleCount() == 0) {
            return new ThresholdResult(this, false, Double.NaN, "no samples");
        }
        double observed = observe(values.get(), runDurationMillis);
        return new ThresholdResult(this, operator.test(observed, limitInMetricUnits()),
                observed, format(metric.get(), observed));
    }

    private double observe(Aggregate values, long runDurationMillis) {
        if (values instanceof TrendValue trend) {
            return switch (aggregation) {
                case AVG -> trend.avg();
                case MIN -> trend.min();
                case MAX -> trend.max();
                case MED -> trend.med();
                case PERCENTILE -> trend.percentile(percentile);
                default -> throw mismatch(MetricType.TREND);
            };
        }
        if (values instanceof RateValue rate) {
            return rate.rate();
        }
        if (values instanceof CounterValue counter) {
            return aggregation == Aggregation.RATE ? counter.ratePerSecond(runDurationMillis) : counter.sum();
        }
        return ((GaugeValue) values).value();
    }

    private IllegalStateException mismatch(MetricType type) {
        return new IllegalStateException(aggregation.text() + " on a " + type.k6Name() + " metric; validate first");
    }

    private String format(Metric metric, double observed) {
        if (aggregation == Aggregation.RATE && metric.type() == MetricType.RATE) {
            return ValueFormat.number(Math.round(observed * 1e6) / 1e6) + " (" + ValueFormat.percent(observed) + ")";
        }
        if (aggregation == Aggregation.RATE) {
            return ValueFormat.number(Math.round(observed * 1000) / 1000.0) + "/s";
        }
        if (aggregation == Aggregation.COUNT) {
            return ValueFormat.number(observed);
        }
        return ValueFormat.value(metric, observed);
    }

    /** Returns the limit in the metric's unit: milliseconds for time metrics. */
    public double limitInMetricUnits() {
        return switch (unit) {
            case "s" -> limit * 1000;
            case "m" -> limit * 60_000;
            case "us", "µs" -> limit / 1000;
            default -> limit;
        };
    }

    /** Returns the metric selector as written, e.g. {@code http_req_duration{name:settings}}. */
    public String metricSelector() {
        return metricSelector;
    }

    /** Returns the metric's name without tags. */
    public String metricName() {
        return metricName;
    }

    /** Returns the tag filter of a sub-metric threshold, empty for a whole metric. */
    public TagSet filter() {
        return filter;
    }

    /** Returns the condition as written, e.g. {@code p(95) < 500ms}. */
    public String condition() {
        return condition;
    }

    /** Returns the aggregation. */
    public Aggregation aggregation() {
        return aggregation;
    }

    /** Returns whether a breach during the run stops it. */
    public boolean abortOnFail() {
        return abortOnFail;
    }

    /** Returns the time after the start before the first check during the run. */
    public Duration delayAbortEval() {
        return delayAbortEval;
    }

    @Override
    public String toString() {
        return metricSelector + " " + condition + (abortOnFail ? " (abortOnFail"
                + (delayAbortEval.isZero() ? "" : ", delayAbortEval " + DurationFormat.format(delayAbortEval)) + ")" : "");
    }
}
