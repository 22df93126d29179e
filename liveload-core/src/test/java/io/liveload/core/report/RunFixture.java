package io.liveload.core.report;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.Abort;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.engine.RunListener;
import io.liveload.core.engine.RunStatus;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.Interval;
import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.metrics.MetricsSnapshot;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TimelinePoint;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.RampingVus;
import io.liveload.core.plan.Stage;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.Scenario;
import io.liveload.core.threshold.Threshold;
import io.liveload.core.threshold.ThresholdResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;

/**
 * Builds RunResults by hand the way the engine does: values recorded into a registry, sampled once a second, then
 * totals, thresholds judged on them. Also keeps the recorded durations so tests can compute expected percentiles
 * with HdrHistogram directly.
 */
final class RunFixture {

    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    static final TagSet BASE = TagSet.of("scenario", "browse");
    static final TagSet HOME = BASE.with("name", "home").with("method", "GET").with("status", "200")
            .with("expected_response", "true");
    static final TagSet SETTINGS = BASE.with("name", "settings").with("method", "GET").with("status", "200")
            .with("expected_response", "true");
    static final TagSet SETTINGS_FAILED = BASE.with("name", "settings").with("method", "GET").with("status", "500")
            .with("expected_response", "false");
    static final TagSet SAVE = BASE.with("name", "save").with("method", "POST").with("status", "200")
            .with("expected_response", "true");
    static final TagSet LOGIN_GROUP = BASE.with("group", "::login");

    final MetricRegistry registry = new MetricRegistry(START.toEpochMilli());
    final List<Interval> intervals = new ArrayList<>();
    final List<TimelinePoint> timeline = new ArrayList<>();
    final Histogram allDurations = new Histogram(3);
    final Histogram settingsDurations = new Histogram(3);
    final Histogram homeDurations = new Histogram(3);
    long durationSumMicros;
    long seconds;
    long requests;
    long failedRequests;
    long iterations;
    ExecutorSpec executor;
    final List<RunListener> listeners = new ArrayList<>();

    /** Records one HTTP request of the series, as the HTTP client does. */
    void request(TagSet tags, long durationMicros) {
        boolean failed = "false".equals(tags.get("expected_response"));
        requests++;
        if (failed) {
            failedRequests++;
        }
        registry.counter(BuiltinMetrics.HTTP_REQS, tags).increment();
        registry.trend(BuiltinMetrics.HTTP_REQ_DURATION, tags).recordMicros(durationMicros);
        registry.trend(BuiltinMetrics.HTTP_REQ_WAITING, tags).recordMicros(durationMicros * 9 / 10);
        registry.rate(BuiltinMetrics.HTTP_REQ_FAILED, tags).add(failed);
        registry.counter(BuiltinMetrics.DATA_RECEIVED, BASE).add(2_500);
        registry.counter(BuiltinMetrics.DATA_SENT, BASE).add(300);
        allDurations.recordValue(durationMicros);
        durationSumMicros += durationMicros;
        if ("settings".equals(tags.get("name"))) {
            settingsDurations.recordValue(durationMicros);
        }
        if ("home".equals(tags.get("name"))) {
            homeDurations.recordValue(durationMicros);
        }
    }

    void check(TagSet tags, String name, boolean passed) {
        registry.rate(BuiltinMetrics.CHECKS, tags.with("check", name)).add(passed);
    }

    /** Ends one second of the run: sets the VU gauges and samples the interval. */
    void endSecond(int activeVus) {
        registry.gauge(BuiltinMetrics.VUS, TagSet.EMPTY).set(activeVus);
        registry.gauge(BuiltinMetrics.VUS_MAX, TagSet.EMPTY).set(Math.max(10, activeVus));
        seconds++;
        Interval interval = registry.sampleInterval(START.plusSeconds(seconds).toEpochMilli());
        intervals.add(interval);
        timeline.add(interval.point());
        RunStatus status = new RunStatus(Duration.ofSeconds(seconds), Duration.ofSeconds(40), activeVus, 10,
                iterations, 0, requests, failedRequests);
        for (RunListener listener : listeners) {
            listener.intervalSampled(interval, status);
        }
    }

    /** Registers a listener and calls its runStarted with the standard plan; later seconds go to it too. */
    void listen(RunListener listener) {
        listeners.add(listener);
        listener.runStarted(plan(standardThresholds(), options -> options), START.toEpochMilli());
    }

    /** Calls runFinished of the registered listeners with the result of the standard thresholds. */
    RunResult finish() {
        RunResult result = result();
        for (RunListener listener : listeners) {
            listener.runFinished(result);
        }
        return result;
    }

    /**
     * Records a ten-second run: 40 home requests (10 to 49 ms), 30 settings requests (100 to 390 ms, 3 of them
     * with status 500), 5 saves, checks in the root group and in a login group, iterations and VUs.
     */
    static RunFixture standard() {
        RunFixture fixture = new RunFixture();
        fixture.recordSeconds(10, 1);
        return fixture;
    }

    /**
     * Records seconds of the standard run with every duration multiplied by {@code scale}. Per second: 4 home
     * requests, 3 settings requests (the first one fails with status 500 in seconds 1, 5, 9, ...), a save in
     * even seconds, one iteration, a {@code logged in} check that fails in second 7 and one LiveView diff of 200 to
     * 650 bytes.
     */
    void recordSeconds(int count, long scale) {
        for (int second = 0; second < count; second++) {
            for (int i = 0; i < 4; i++) {
                request(HOME, (10 + second * 4 + i) * 1000L * scale);
            }
            for (int i = 0; i < 3; i++) {
                TagSet tags = second % 4 == 1 && i == 0 ? SETTINGS_FAILED : SETTINGS;
                request(tags, (100 + second * 30 + i * 10) * 1000L * scale);
                check(BASE, "status is 200", tags == SETTINGS);
            }
            if (second % 2 == 0) {
                request(SAVE, (5_000L + second * 100) * scale);
            }
            check(LOGIN_GROUP, "logged in", second != 7);
            registry.trend(BuiltinMetrics.LV_DIFF_BYTES, BASE).record((200 + second * 50) * scale);
            registry.counter(BuiltinMetrics.ITERATIONS, BASE).increment();
            iterations++;
            registry.trend(BuiltinMetrics.ITERATION_DURATION, BASE).recordMicros((1_000_000L + second * 1000) * scale);
            endSecond(second < 2 ? 5 : 10);
        }
    }

    /**
     * Records a ten-minute run with a realistic shape: VUs ramp up to 50 in the first minute and down in the last
     * 30 s, each VU sends about 4 requests per second to five named endpoints, and from minute 6 to 7 the server
     * slows down and 8% of the requests fail. Values come from a seeded random generator, so runs are repeatable.
     */
    static RunFixture tenMinuteRun() {
        RunFixture fixture = new RunFixture();
        java.util.Random random = new java.util.Random(42);
        String[][] endpoints = {{"home", "GET", "25"}, {"settings", "GET", "60"}, {"save", "POST", "120"},
                {"/api/search?q=load", "GET", "40"}, {"login", "POST", "90"}};
        TagSet checkout = BASE.with("group", "::checkout");
        for (int second = 0; second < 600; second++) {
            int vus = second < 60 ? 1 + second * 49 / 60 : second >= 570 ? Math.max(1, (600 - second) * 50 / 30) : 50;
            boolean incident = second >= 360 && second < 420;
            int requests = vus * 4 + random.nextInt(vus + 1) - vus / 2;
            for (int i = 0; i < requests; i++) {
                String[] endpoint = endpoints[random.nextInt(endpoints.length)];
                boolean failed = random.nextDouble() < (incident ? 0.08 : 0.002);
                TagSet tags = BASE.with("name", endpoint[0]).with("method", endpoint[1])
                        .with("status", failed ? "503" : "200").with("expected_response", String.valueOf(!failed));
                double base = Double.parseDouble(endpoint[2]) * (incident ? 3.5 : 1);
                double millis = base * Math.exp(random.nextGaussian() * 0.45);
                fixture.request(tags, Math.max(200, Math.round(millis * 1000)));
                fixture.check(endpoint[0].equals("save") ? checkout : BASE, "status is 200", !failed);
                if (endpoint[0].equals("settings")) {
                    fixture.check(BASE, "settings form rendered", !failed && random.nextDouble() > 0.001);
                }
            }
            fixture.registry.counter(BuiltinMetrics.ITERATIONS, BASE).add(vus);
            fixture.registry.trend(BuiltinMetrics.ITERATION_DURATION, BASE)
                    .recordMicros(Math.round((1_000 + random.nextGaussian() * 80) * 1000));
            fixture.endSecond(vus);
        }
        fixture.executor = new RampingVus(1, List.of(Stage.of("1m", 50), Stage.of("8m30s", 50), Stage.of("30s", 0)));
        return fixture;
    }

    MetricsSnapshot totals() {
        return registry.totals();
    }

    static List<Threshold> standardThresholds() {
        return List.of(
                Threshold.parse("http_req_duration", "p(95)<500"),
                Threshold.parse("http_req_duration{name:settings}", "p(95) < 200ms"),
                Threshold.parse("http_req_failed", "rate<0.01"),
                Threshold.parse("checks", "rate>0.9"),
                Threshold.parse("lv_join_duration", "p(95)<100"));
    }

    RunResult result() {
        return result(standardThresholds(), options -> options, List.of(), Optional.empty());
    }

    RunResult result(List<Threshold> thresholds, UnaryOperator<RunOptions> options, List<ErrorCount> errors,
                     Optional<Abort> abort) {
        LoadPlan plan = plan(thresholds, options);
        Scenario scenario = plan.scenarios().get(0);
        ExecutorSpec spec = scenario.executor();
        MetricsSnapshot totals = totals();
        long durationMillis = seconds * 1000;
        List<ThresholdResult> verdicts = thresholds.stream()
                .map(threshold -> threshold.evaluate(totals, durationMillis))
                .toList();
        long iterations = totals.aggregate(BuiltinMetrics.ITERATIONS.name())
                .map(value -> Math.round(((io.liveload.core.metrics.CounterValue) value).sum())).orElse(0L);
        List<ScenarioResult> scenarios = List.of(new ScenarioResult("browse",
                scenario.executor().describe(), iterations, 2, 0, spec.maxVus()));
        return new RunResult(plan, START, START.plusSeconds(seconds), totals, timeline, verdicts, scenarios,
                errors, abort);
    }

    LoadPlan plan(List<Threshold> thresholds, UnaryOperator<RunOptions> options) {
        RunOptions runOptions = options.apply(RunOptions.defaults("SettingsLoadTest.settingsPage"));
        ExecutorSpec spec = executor == null ? new ConstantVus(10, Duration.ofSeconds(Math.max(1, seconds))) : executor;
        Scenario scenario = Scenario.of("browse", spec, vu -> {
        });
        return new LoadPlan(List.of(scenario), thresholds, List.of(), runOptions);
    }

    /** Returns p(N) of the histogram by TrendValue's definition, in milliseconds. */
    static double percentileMillis(Histogram micros, double percentile) {
        return micros.highestEquivalentValue(micros.getValueAtPercentile(percentile)) / 1000.0;
    }
}
