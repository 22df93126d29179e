package io.liveload.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.engine.Engine;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.report.SummaryText;
import io.liveload.core.testing.FaultServer;
import io.liveload.core.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fault of {@link FaultServer} in a real run: 2 VUs run 2 iterations each, and every iteration requests the
 * fault and then {@code /ok}. The faults are counted with their k6 error code, the run goes on, and the error list
 * and the log name each fault once with its count.
 */
@Timeout(60)
class FaultInjectionTest {

    private static final int VUS = 2;
    private static final int ITERATIONS_PER_VU = 2;
    private static final int FAULTS = VUS * ITERATIONS_PER_VU;

    private FaultServer server;
    private String refusedBase;

    /**
     * One fault and the code it must get.
     *
     * @param name    names the case and the run
     * @param path    the route, with its query
     * @param refused whether the fault goes to a port where nothing listens instead of the server
     * @param code    the expected failure kind
     * @param options adjusts the run options, e.g. a short request timeout
     */
    record Fault(String name, String path, boolean refused, HttpErrorCode code, UnaryOperator<RunOptions> options) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        Duration shortTimeout = Duration.ofMillis(500);
        long smallLimit = 64 * 1024;
        return Stream.of(
                new Fault("refused", "/refused", true, HttpErrorCode.CONNECTION_REFUSED, UnaryOperator.identity()),
                new Fault("reset", "/reset", false, HttpErrorCode.CONNECTION_RESET, UnaryOperator.identity()),
                new Fault("stall", "/stall", false, HttpErrorCode.REQUEST_TIMEOUT,
                        options -> options.withHttpTimeout(shortTimeout)),
                new Fault("trickle", "/trickle?bytes=40&delayMs=50", false, HttpErrorCode.REQUEST_TIMEOUT,
                        options -> options.withHttpTimeout(shortTimeout)),
                new Fault("garbage", "/garbage", false, HttpErrorCode.PROTOCOL_ERROR, UnaryOperator.identity()),
                new Fault("huge", "/huge?bytes=1048576", false, HttpErrorCode.BODY_TOO_LARGE,
                        options -> options.withMaxResponseBodyBytes(smallLimit)),
                new Fault("huge-chunked", "/huge?bytes=1048576&chunked=true", false, HttpErrorCode.BODY_TOO_LARGE,
                        options -> options.withMaxResponseBodyBytes(smallLimit)),
                new Fault("huge-default-limit", "/huge?bytes=" + (RunOptions.DEFAULT_MAX_RESPONSE_BODY_BYTES + 1), false,
                        HttpErrorCode.BODY_TOO_LARGE, UnaryOperator.identity()),
                new Fault("gzip-broken", "/gzip-broken", false, HttpErrorCode.DECOMPRESSION_ERROR,
                        UnaryOperator.identity()),
                new Fault("short-body", "/short", false, HttpErrorCode.UNEXPECTED_EOF, UnaryOperator.identity()));
    }

    @BeforeEach
    void startServer() {
        server = new FaultServer();
        refusedBase = FaultServer.refusedUrl();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private RunOptions options(String testName) {
        return RunOptions.defaults(testName).withBaseUrl(server.baseUrl()).withProgress(RunOptions.Progress.OFF);
    }

    private static String path(Fault fault) {
        int query = fault.path().indexOf('?');
        return query < 0 ? fault.path() : fault.path().substring(0, query);
    }

    /** Returns the URL of a fault as error messages show it: without query. */
    private String where(Fault fault) {
        return (fault.refused() ? refusedBase : server.baseUrl()) + path(fault);
    }

    private RunResult runFault(Fault fault, Queue<HttpErrorCode> seen) {
        String faultUrl = (fault.refused() ? refusedBase : server.baseUrl()) + fault.path();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(VUS, ITERATIONS_PER_VU), vu -> {
            HttpResponse failed = vu.http().get(faultUrl);
            seen.add(failed.error() == null ? HttpErrorCode.GENERIC : failed.error());
            vu.http().get("/ok");
        }, List.of(), fault.options().apply(options("fault-" + fault.name())));
        return Engine.run(plan);
    }

    private static double count(RunResult result, String metric, TagSet filter) {
        return result.metrics().aggregate(metric, filter).map(value -> ((CounterValue) value).sum()).orElse(0.0);
    }

    private static RateValue rate(RunResult result, String metric, TagSet filter) {
        return (RateValue) result.metrics().aggregate(metric, filter).orElse(new RateValue(0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultCountedAndReported(Fault fault) {
        Queue<HttpErrorCode> seen = new ConcurrentLinkedQueue<>();
        String run = "[fault-" + fault.name() + "]";
        String description = fault.code().description();
        RunResult result;
        List<String> firstLogLines;
        List<String> countLogLines;
        List<String> allLogLines;
        try (LogCapture log = LogCapture.start()) {
            result = runFault(fault, seen);
            firstLogLines = log.linesContaining(run, description, "logged once");
            countLogLines = log.linesContaining(run, description, "happened " + FAULTS + " times");
            allLogLines = log.linesContaining(run, description);
        }

        TagSet failedTags = TagSet.of("error_code", String.valueOf(fault.code().code()), "status", "0");
        assertThat(count(result, "http_reqs", failedTags)).isEqualTo(FAULTS);
        assertThat(rate(result, "http_req_failed", failedTags)).isEqualTo(new RateValue(FAULTS, 0));
        assertThat(seen).containsOnly(fault.code()).hasSize(FAULTS);

        TagSet okTags = TagSet.of("name", server.baseUrl() + "/ok", "status", "200");
        assertThat(count(result, "http_reqs", okTags)).isEqualTo(FAULTS);
        assertThat(rate(result, "http_req_failed", okTags)).isEqualTo(new RateValue(0, FAULTS));
        assertThat(result.scenarios().get(0).completeIterations()).isEqualTo(FAULTS);
        assertThat(server.requestCount(path(fault))).isEqualTo(fault.refused() ? 0 : FAULTS);

        String message = description + " (GET " + where(fault) + ")";
        assertThat(result.errors()).containsExactly(
                new ErrorCount("http", String.valueOf(fault.code().code()), message, FAULTS));
        assertThat(SummaryText.render(result, SummaryText.Marks.ASCII).lines().map(String::trim))
                .contains("ERRORS (1 kind, " + FAULTS + " in total)",
                        FAULTS + "  http " + fault.code().code() + ": " + message);

        assertThat(firstLogLines).hasSize(1);
        assertThat(countLogLines).hasSize(1);
        assertThat(allLogLines).hasSize(2);
    }

    @Test
    void serverErrorBurstsCounted() {
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 9), vu -> vu.http().get("/flaky?every=3"), List.of(),
                options("fault-5xx"));

        RunResult result = Engine.run(plan);

        TagSet unavailable = TagSet.of("error_code", "1503", "status", "503");
        assertThat(count(result, "http_reqs", unavailable)).isEqualTo(3);
        assertThat(rate(result, "http_req_failed", TagSet.EMPTY)).isEqualTo(new RateValue(3, 6));
        assertThat(count(result, "http_reqs", TagSet.of("status", "200"))).isEqualTo(6);
        assertThat(result.errors()).containsExactly(new ErrorCount("http", "1503",
                "unexpected status 503 (GET " + server.baseUrl() + "/flaky)", 3));
    }

    @Test
    void slowBodyWithinTimeoutReceived() {
        Queue<String> bodies = new ConcurrentLinkedQueue<>();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 1),
                vu -> bodies.add(vu.http().get("/trickle?bytes=10&delayMs=30").body()), List.of(),
                options("fault-slow-body"));

        RunResult result = Engine.run(plan);

        TrendValue receiving = (TrendValue) result.metrics().aggregate("http_req_receiving").orElseThrow();
        assertThat(bodies).containsExactly("t".repeat(10));
        assertThat(receiving.max()).isGreaterThanOrEqualTo(9 * 30);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void deadPooledConnectionRetriedOnce() {
        Queue<HttpErrorCode> seen = new ConcurrentLinkedQueue<>();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 1), vu -> {
            vu.http().get("/ok");
            seen.add(vu.http().get("/reset-now").error());
        }, List.of(), options("fault-dead-pooled"));

        RunResult result = Engine.run(plan);

        assertThat(server.requestCount("/reset-now")).isEqualTo(2);
        assertThat(count(result, "http_reqs", TagSet.of("error_code", "1220"))).isEqualTo(1);
        assertThat(seen).containsExactly(HttpErrorCode.CONNECTION_RESET);
    }

    @Test
    void closedPooledConnectionRetriedOnce() {
        Queue<HttpErrorCode> seen = new ConcurrentLinkedQueue<>();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 1), vu -> {
            vu.http().get("/ok");
            seen.add(vu.http().get("/close-now").error());
        }, List.of(), options("fault-closed-pooled"));

        Engine.run(plan);

        assertThat(server.requestCount("/close-now")).isEqualTo(2);
        assertThat(seen).containsExactly(HttpErrorCode.UNEXPECTED_EOF);
    }

    @Test
    void postOnDeadConnectionNotRepeated() {
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 1), vu -> {
            vu.http().get("/ok");
            vu.http().post("/reset-now", request -> request.json("{}"));
        }, List.of(), options("fault-dead-post"));

        RunResult result = Engine.run(plan);

        assertThat(server.requestCount("/reset-now")).isEqualTo(1);
        assertThat(count(result, "http_reqs", TagSet.of("error_code", "1220"))).isEqualTo(1);
    }

    /** Pins a known gap: OkHttp repeats a 503 with {@code Retry-After: 0} on its own, and only one is counted. */
    @Test
    void retryNowUnavailableRepeatedByOkHttp() {
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 1), vu -> vu.http().get("/unavailable-retry-now"),
                List.of(), options("fault-retry-after"));

        RunResult result = Engine.run(plan);

        assertThat(count(result, "http_reqs", TagSet.of("status", "503"))).isEqualTo(1);
        assertThat(server.requestCount("/unavailable-retry-now")).isEqualTo(2);
    }

    @Test
    void freshConnectionResetNotRepeated() {
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 1), vu -> vu.http().get("/reset-now"), List.of(),
                options("fault-fresh-reset"));

        Engine.run(plan);

        assertThat(server.requestCount("/reset-now")).isEqualTo(1);
    }
}
