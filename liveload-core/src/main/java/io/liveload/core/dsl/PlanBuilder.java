package io.liveload.core.dsl;

import io.liveload.core.RunResult;
import io.liveload.core.engine.Engine;
import io.liveload.core.engine.RunListener;
import io.liveload.core.metrics.Metric;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.Scenario;
import io.liveload.core.threshold.Threshold;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A load plan under construction: scenarios, thresholds and run options, then {@link #run()}. Start with
 * {@link Liveload#plan(String)}. Immutable: each method returns a new builder and leaves this one unchanged, so a
 * partly built plan can be shared as a template. Every value is checked when it is passed; {@link #build()} checks
 * what only the whole plan can show (thresholds on unknown metrics, a plan without scenarios).
 */
public final class PlanBuilder {

    private final RunOptions options;
    private final List<Scenario> scenarios;
    private final List<Threshold> thresholds;
    private final List<Metric> customMetrics;
    private final List<RunListener> listeners;

    private PlanBuilder(RunOptions options, List<Scenario> scenarios, List<Threshold> thresholds,
                        List<Metric> customMetrics, List<RunListener> listeners) {
        this.options = options;
        this.scenarios = scenarios;
        this.thresholds = thresholds;
        this.customMetrics = customMetrics;
        this.listeners = listeners;
    }

    static PlanBuilder named(String testName) {
        return new PlanBuilder(RunOptions.defaults(testName), List.of(), List.of(), List.of(), List.of());
    }

    private PlanBuilder withOptions(RunOptions newOptions) {
        return new PlanBuilder(newOptions, scenarios, thresholds, customMetrics, listeners);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    /**
     * Adds a scenario. Scenarios of a plan run in parallel, each from its own {@code startTime}, and every sample
     * they record carries the tag {@code scenario} = {@code name}.
     *
     * <pre>{@code
     * .scenario("browse", s -> s.rampingVus().stage("30s", 100).stage("1m", 100).stage("10s", 0)
     *                           .exec(vu -> vu.http().get("/")))
     * }</pre>
     *
     * @param name       unique in the plan; letters, digits, {@code _} and {@code -}
     * @param definition chooses the executor and its options and ends with {@code exec(script)}
     * @throws IllegalArgumentException when the name is invalid or taken, or the options do not fit together
     */
    public PlanBuilder scenario(String name, Function<ScenarioStart, ScenarioDefinition> definition) {
        Objects.requireNonNull(definition, "definition");
        for (Scenario existing : scenarios) {
            if (existing.name().equals(name)) {
                throw new IllegalArgumentException("Two scenarios are named \"" + name
                        + "\": give each scenario its own name");
            }
        }
        ScenarioDefinition defined = Objects.requireNonNull(definition.apply(new ScenarioStart()),
                () -> "the definition of scenario " + name + " returned null instead of exec(script)");
        return new PlanBuilder(options, plus(scenarios, defined.toScenario(name)), thresholds, customMetrics, listeners);
    }

    /**
     * Adds a threshold judged at the end of the run, in k6's syntax:
     * {@code threshold("http_req_duration{scenario:buy}", "p(95) < 500ms")}.
     *
     * @param metric    a metric name, optionally with a tag filter in braces
     * @param condition {@code aggregation operator value}, e.g. {@code p(95) < 500ms} or {@code rate < 0.01}
     * @throws io.liveload.core.threshold.InvalidThresholdException naming the text and the accepted forms
     */
    public PlanBuilder threshold(String metric, String condition) {
        return threshold(Threshold.parse(metric, condition));
    }

    /**
     * Adds a threshold that also stops the run as soon as it fails:
     * {@code threshold("http_req_failed", "rate < 0.1", abortOnFail().delayAbortEval("10s"))}.
     *
     * @see AbortOnFail
     */
    public PlanBuilder threshold(String metric, String condition, AbortOnFail abortOnFail) {
        Objects.requireNonNull(abortOnFail, "abortOnFail");
        return threshold(Threshold.parse(metric, condition, true, abortOnFail.delayAbortEval()));
    }

    /** Adds a threshold built with {@link Threshold#parse(String, String, boolean, Duration)}. */
    public PlanBuilder threshold(Threshold threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return new PlanBuilder(options, scenarios, plus(thresholds, threshold), customMetrics, listeners);
    }

    /** Declares a metric that scripts record besides the built-ins, so that thresholds can name it. */
    public PlanBuilder customMetric(Metric metric) {
        Objects.requireNonNull(metric, "metric");
        return new PlanBuilder(options, scenarios, thresholds, plus(customMetrics, metric), listeners);
    }

    /** Declares custom metrics, so that thresholds can name them: {@code customMetrics(CART_SIZE, SEARCH_TIME)}. */
    public PlanBuilder customMetrics(io.liveload.core.metrics.CustomMetric... metrics) {
        PlanBuilder builder = this;
        for (io.liveload.core.metrics.CustomMetric metric : metrics) {
            builder = builder.customMetric(metric.metric());
        }
        return builder;
    }

    /** Adds a listener of the run's start, intervals and end, e.g. a time-series output. */
    public PlanBuilder listener(RunListener listener) {
        Objects.requireNonNull(listener, "listener");
        return new PlanBuilder(options, scenarios, thresholds, customMetrics, plus(listeners, listener));
    }

    /**
     * Sets the URL that relative request URLs resolve against, e.g. {@code http://127.0.0.1:8080}.
     *
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a host
     */
    public PlanBuilder baseUrl(String url) {
        return withOptions(options.withBaseUrl(url));
    }

    /** Sets the base URL; see {@link #baseUrl(String)}. */
    public PlanBuilder baseUrl(URI url) {
        return withOptions(options.withBaseUrl(Objects.requireNonNull(url, "url").toString()));
    }

    /**
     * Limits requests to these hosts; a request to another host fails before it is sent and stops the run as a
     * configuration error. Default: every host.
     */
    public PlanBuilder allowedHosts(String... hosts) {
        return withOptions(options.withAllowedHosts(new LinkedHashSet<>(List.of(hosts))));
    }

    /** Sets the time limit of one HTTP request. Default: 60 s. */
    public PlanBuilder httpTimeout(Duration timeout) {
        return withOptions(options.withHttpTimeout(timeout));
    }

    /** Sets how long a VU keeps an idle HTTP connection for reuse before closing it. Default: 5 min. */
    public PlanBuilder httpIdleTimeout(Duration timeout) {
        return withOptions(options.withHttpIdleTimeout(timeout));
    }

    /** Sets how many redirects a request follows. Default: 10. */
    public PlanBuilder maxRedirects(int redirects) {
        return withOptions(options.withMaxRedirects(redirects));
    }

    /**
     * Sets the largest response body a request keeps in memory, in bytes; a larger one fails the request with error
     * code 1900. Default: 64 MiB.
     */
    public PlanBuilder maxResponseBodyBytes(long bytes) {
        return withOptions(options.withMaxResponseBodyBytes(bytes));
    }

    /** Sets the default {@code User-Agent} header. */
    public PlanBuilder userAgent(String userAgent) {
        return withOptions(options.withUserAgent(Objects.requireNonNull(userAgent, "userAgent")));
    }

    /** Turns TLS certificate and host name checks off, for test servers with self-signed certificates. */
    public PlanBuilder insecureSkipTlsVerify() {
        return withOptions(options.withInsecureSkipTlsVerify(true));
    }

    /** Puts a cookie for the base URL into every VU's cookie jar before its first iteration. */
    public PlanBuilder cookie(String name, String value) {
        return withOptions(options.withCookies(put(options.cookies(), name, value)));
    }

    /** Adds a tag to every sample of the run. */
    public PlanBuilder tag(String key, String value) {
        return withOptions(options.withTags(put(options.tags(), key, value)));
    }

    /**
     * Sets a variable that scripts read with {@code vu.env(name)}; a scenario's own {@code env} wins over it, and
     * it wins over the process environment.
     */
    public PlanBuilder env(String name, String value) {
        return withOptions(options.withEnv(put(options.env(), name, value)));
    }

    /** Sets the trend statistics of the summary, e.g. {@code "avg", "med", "p(95)", "p(99.9)", "max"}. */
    public PlanBuilder summaryTrendStats(String... stats) {
        return withOptions(options.withSummaryTrendStats(List.of(stats)));
    }

    /** Sets the directory that reports are written to. Default: none, so no files are written. */
    public PlanBuilder outputDir(Path directory) {
        return withOptions(options.withOutputDir(directory));
    }

    /** Sets when progress lines are printed. Default: {@link RunOptions.Progress#AUTO}. */
    public PlanBuilder progress(RunOptions.Progress progress) {
        return withOptions(options.withProgress(Objects.requireNonNull(progress, "progress")));
    }

    /**
     * Runs the plan for this long before the measured run, so that class loading, JIT compilation and the
     * server's own warm-up do not show in the figures. The warm-up's samples, checks and errors are discarded:
     * they count in no metric, threshold, summary or report. Default: no warm-up.
     *
     * @throws IllegalArgumentException when the duration is negative
     */
    public PlanBuilder warmup(Duration duration) {
        return withOptions(options.withWarmup(duration));
    }

    /** Sets the warm-up as a k6 duration string, e.g. {@code "5s"}; see {@link #warmup(Duration)}. */
    public PlanBuilder warmup(String duration) {
        return warmup(io.liveload.core.plan.DurationFormat.parse(duration, "warm-up"));
    }

    /** Changes any run option this builder has no method for: {@code options(o -> o.withUserAgent("x"))}. */
    public PlanBuilder options(UnaryOperator<RunOptions> change) {
        return withOptions(Objects.requireNonNull(change.apply(options), "the changed options"));
    }

    private static Map<String, String> put(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(Objects.requireNonNull(key, "name"), Objects.requireNonNull(value, () -> "value of " + key));
        return copy;
    }

    /**
     * Returns the plan, validated.
     *
     * @throws IllegalArgumentException when the plan has no scenario or a threshold names an unknown metric or does
     *                                  not fit its type
     */
    public LoadPlan build() {
        return new LoadPlan(scenarios, thresholds, customMetrics, options);
    }

    /**
     * Runs the plan on the calling thread and returns the result once every scenario has ended, graceful stops
     * included. A failed threshold does not throw: check {@link RunResult#passed()} and
     * {@link RunResult#failedThresholds()}. An interrupt of the calling thread stops the run hard.
     *
     * @throws IllegalArgumentException             when the plan is invalid (see {@link #build()}); no load is sent
     * @throws io.liveload.core.ConfigurationException when a script revealed a configuration error during the run
     */
    public RunResult run() {
        return Engine.run(build(), listeners);
    }
}
