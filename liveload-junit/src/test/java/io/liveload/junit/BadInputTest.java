package io.liveload.junit;

import static io.liveload.junit.ExecutorType.CONSTANT_ARRIVAL_RATE;
import static io.liveload.junit.ExecutorType.CONSTANT_VUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.liveload.core.ConfigurationException;
import io.liveload.core.RunResult;
import io.liveload.core.Vu;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.FaultServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

/**
 * Invalid annotations, configuration parameters and DSL calls, each run through the JUnit engine as a user runs
 * it: the test fails before any request reaches the server, with a message that names the value and the accepted
 * forms, and that a Surefire report shows as it is (no control characters but newlines).
 */
@Timeout(60)
class BadInputTest {

    private static FaultServer server;

    @TempDir
    Path outputDir;

    @BeforeAll
    static void startServer() {
        server = new FaultServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /**
     * One invalid input.
     *
     * @param name             names the case
     * @param fixture          the test class to run
     * @param config           configuration parameters besides the base URL, output directory and progress
     * @param systemProperties system properties set while the fixture runs
     * @param withBaseUrl      whether the base URL parameter points at the server
     * @param type             the exception the test must fail with
     * @param expected         parts the failure message must contain
     */
    record Row(String name, Class<?> fixture, Map<String, String> config, Map<String, String> systemProperties,
               boolean withBaseUrl, Class<? extends Throwable> type, List<String> expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String DURATION_FORMS = "expected a number with a unit: h, m, s, ms, us or ns, parts"
            + " combined largest first, e.g. 500ms, 10s, 1m30s, 2h";

    private static Row annotation(String name, Class<?> fixture, String... expected) {
        return new Row(name, fixture, Map.of(), Map.of(), true, ConfigurationException.class, List.of(expected));
    }

    private static Row config(String name, Map<String, String> config, String... expected) {
        return new Row(name, ValidLoad.class, config, Map.of(), true, ConfigurationException.class,
                List.of(expected));
    }

    static Stream<Row> rows() {
        return Stream.of(
                annotation("duration 10x", Duration10x.class,
                        "Invalid @LoadTest duration \"10x\": " + DURATION_FORMS),
                annotation("duration -5s", DurationNegative.class,
                        "Invalid @LoadTest duration \"-5s\": durations cannot be negative; " + DURATION_FORMS),
                annotation("gracefulStop empty", GracefulStopEmpty.class,
                        "Invalid @LoadTest gracefulStop \"\": it is empty; " + DURATION_FORMS),
                annotation("gracefulStop 10x", GracefulStop10x.class,
                        "Invalid @LoadTest gracefulStop \"10x\": " + DURATION_FORMS),
                annotation("scenario startTime 10x", ScenarioStart10x.class,
                        "Invalid @Scenario \"a\" startTime \"10x\": " + DURATION_FORMS),
                config("config duration 10x", Map.of(ConfigKeys.DURATION, "10x"),
                        "Invalid configuration parameter liveload.duration \"10x\": " + DURATION_FORMS),
                config("config duration -5s", Map.of(ConfigKeys.DURATION, "-5s"),
                        "Invalid configuration parameter liveload.duration \"-5s\": durations cannot be negative"),
                config("config duration empty", Map.of(ConfigKeys.DURATION, ""),
                        "Invalid configuration parameter liveload.duration=\"\": it is empty; expected a k6 duration"),
                config("config gracefulStop 10x", Map.of(ConfigKeys.GRACEFUL_STOP, "10x"),
                        "Invalid configuration parameter liveload.gracefulStop \"10x\": " + DURATION_FORMS),
                config("config gracefulStop empty", Map.of(ConfigKeys.GRACEFUL_STOP, ""),
                        "Invalid configuration parameter liveload.gracefulStop \"\": it is empty"),
                config("config httpTimeout 0s", Map.of(ConfigKeys.HTTP_TIMEOUT, "0s"),
                        "Invalid configuration parameter liveload.httpTimeout=0s: it must be longer than zero"),
                config("config httpIdleTimeout 0s", Map.of(ConfigKeys.HTTP_IDLE_TIMEOUT, "0s"),
                        "Invalid configuration parameter liveload.httpIdleTimeout=0s: it must be longer than zero"),

                annotation("vus negative", VusNegative.class,
                        "Invalid vus = -1 (@LoadTest): it must be a positive number"),
                annotation("scenario vus negative", ScenarioVusNegative.class,
                        "Invalid vus = -2 (@Scenario \"a\"): it must be a positive number"),
                config("config vus 0", Map.of(ConfigKeys.VUS, "0"),
                        "Invalid configuration parameter liveload.vus=0: expected a positive whole number"),
                config("config vus -3", Map.of(ConfigKeys.VUS, "-3"),
                        "Invalid configuration parameter liveload.vus=-3: expected a positive whole number"),
                new Row("dsl vus 0", DslVusZero.class, Map.of(), Map.of(), true, IllegalArgumentException.class,
                        List.of("Invalid vus 0: it must be a positive number")),

                annotation("rate without arrival executor", RateOnConstantVus.class,
                        "rate = 5 needs an arrival-rate executor; add executor = CONSTANT_ARRIVAL_RATE"),
                annotation("iterations on constant-vus", IterationsOnConstantVus.class,
                        "iterations = 3 does not apply to constant-vus, which takes vus, duration",
                        "iterations belongs to executor = PER_VU_ITERATIONS or executor = SHARED_ITERATIONS"),
                annotation("arrival rate without preAllocatedVus", ArrivalRateWithoutPool.class,
                        "needs preAllocatedVus", "add e.g. preAllocatedVus = 10"),
                annotation("load test options beside scenarios", OptionsBesideScenario.class,
                        "@LoadTest on run sets vus = 2, but the method's @Scenario annotations describe the whole"
                                + " workload: move these options into the @Scenario annotations"),
                new Row("unknown system property", ValidLoad.class, Map.of(), Map.of("liveload.vu", "10"), true,
                        ConfigurationException.class,
                        List.of("Unknown configuration parameter liveload.vu (a system property): did you mean"
                                + " liveload.vus?", "Known parameters: ", "liveload.duration")),

                annotation("threshold on unknown metric", ThresholdUnknownMetric.class,
                        "Threshold \"p(95) < 500\" is on unknown metric \"http_req_durration\": did you mean"
                                + " http_req_duration? Otherwise use a built-in metric such as http_req_duration"),
                annotation("threshold syntax", ThresholdSyntax.class,
                        "Invalid threshold \"p95 < 500\" on http_req_duration: expected \"aggregation operator"
                                + " value\""),
                annotation("threshold aggregation on wrong type", ThresholdWrongType.class,
                        "Invalid threshold \"rate < 0.1\" on http_req_duration: rate does not apply to a trend"
                                + " metric; use"),
                annotation("threshold delayAbortEval", ThresholdDelay.class,
                        "Invalid @Threshold delayAbortEval of \"rate < 0.1\" \"soon\": " + DURATION_FORMS),

                new Row("relative URL without base URL", ValidLoad.class, Map.of(), Map.of(), false,
                        ConfigurationException.class,
                        List.of("Relative URL \"/ok\" needs a base URL: set the configuration parameter "
                                + "liveload.baseUrl, @LoadTest(baseUrl = ...), a @BaseUrl method, or baseUrl(...)")),
                new Row("base URL without scheme", BaseUrlWithoutScheme.class, Map.of(), Map.of(), false,
                        ConfigurationException.class,
                        List.of("Invalid base URL \"127.0.0.1:8080\"", "expected an absolute http or https URL with"
                                + " a host, such as http://127.0.0.1:8080", "(from @LoadTest baseUrl)")),
                new Row("base URL without host", BaseUrlWithoutHost.class, Map.of(), Map.of(), false,
                        ConfigurationException.class,
                        List.of("Invalid base URL \"http://\"", "expected an absolute http or https URL")),
                new Row("config base URL", ValidLoad.class, Map.of(ConfigKeys.BASE_URL, "localhost:8080"),
                        Map.of(), false, ConfigurationException.class,
                        List.of("Invalid base URL \"localhost:8080\"", "expected an absolute http or https URL",
                                "(from liveload.baseUrl configuration parameter)")),
                new Row("base URL method", BaseUrlMethod.class, Map.of(), Map.of(), false,
                        ConfigurationException.class,
                        List.of("Invalid base URL \"ftp://127.0.0.1/\"", "expected an absolute http or https URL",
                                "(returned by @BaseUrl method target)")),

                annotation("duration and iterations", DurationAndIterations.class,
                        "Conflicting @LoadTest options duration = \"1s\" and iterations = 3",
                        "set only one of them, or name the executor"),
                config("config duration and iterations",
                        Map.of(ConfigKeys.DURATION, "1s", ConfigKeys.ITERATIONS, "3"),
                        "Conflicting configuration parameters liveload.duration=1s and liveload.iterations=3: set only"
                                + " one of them"),
                config("config maxResponseBodyBytes", Map.of(ConfigKeys.MAX_RESPONSE_BODY_BYTES, "64MB"),
                        "Invalid configuration parameter liveload.maxResponseBodyBytes=64MB: expected a positive whole"
                                + " number of bytes"),
                config("config progress", Map.of(ConfigKeys.PROGRESS, "loud"),
                        "Invalid configuration parameter liveload.progress=loud: expected auto, quiet or off"),
                config("config insecureSkipTlsVerify", Map.of(ConfigKeys.INSECURE_SKIP_TLS_VERIFY, "yes"),
                        "Invalid configuration parameter liveload.insecureSkipTlsVerify=yes: expected true or false"));
    }

    private Throwable failureOf(Row row) {
        Map<String, String> config = new HashMap<>(row.config());
        if (row.withBaseUrl()) {
            config.putIfAbsent(ConfigKeys.BASE_URL, server.baseUrl());
        }
        config.put(ConfigKeys.OUTPUT_DIR, outputDir.toString());
        config.put(ConfigKeys.PROGRESS, config.getOrDefault(ConfigKeys.PROGRESS, "off"));
        row.systemProperties().forEach(System::setProperty);
        List<Event> failures;
        try {
            failures = EngineTestKit.engine("junit-jupiter")
                    .configurationParameters(config)
                    .selectors(selectClass(row.fixture()))
                    .execute()
                    .testEvents()
                    .failed()
                    .list();
        } finally {
            row.systemProperties().keySet().forEach(System::clearProperty);
        }
        assertThat(failures).hasSize(1);
        return failures.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInputFailsBeforeLoad(Row row) {
        int before = server.requestCount();

        Throwable failure = failureOf(row);

        assertThat(failure).isInstanceOf(row.type());
        assertThat(failure.getMessage()).contains(row.expected());
        assertThat(failure.getMessage()).doesNotContainPattern("[\\x00-\\x09\\x0B-\\x1F\\x7F]");
        assertThat(server.requestCount()).isEqualTo(before);
    }

    @Test
    void breachMessageReadableInReport() {
        Throwable failure = failureOf(new Row("breach", BreachedThreshold.class, Map.of(), Map.of(), true,
                AssertionFailedError.class, List.of()));

        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).startsWith("1 threshold breached in ");
        assertThat(failure.getMessage()).doesNotContainPattern("[\\x00-\\x09\\x0B-\\x1F\\x7F]");
    }

    static class ValidLoad {
        @LoadTest(vus = 1, iterations = 1)
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class Duration10x {
        @LoadTest(duration = "10x")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class DurationNegative {
        @LoadTest(duration = "-5s")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class GracefulStopEmpty {
        @LoadTest(iterations = 1, gracefulStop = "")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class GracefulStop10x {
        @LoadTest(iterations = 1, gracefulStop = "10x")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class ScenarioStart10x {
        @LoadTest
        @Scenario(name = "a", iterations = 1, startTime = "10x")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class VusNegative {
        @LoadTest(vus = -1, iterations = 1)
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class ScenarioVusNegative {
        @LoadTest
        @Scenario(name = "a", vus = -2, iterations = 1)
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class DslVusZero {
        @Test
        void run() {
            RunResult result = Liveload.plan("dsl").baseUrl(server.baseUrl()).progress(RunOptions.Progress.OFF)
                    .scenario("a", s -> s.perVuIterations(1).vus(0).exec(vu -> vu.http().get("/ok")))
                    .run();
            assertThat(result.passed()).isTrue();
        }
    }

    static class RateOnConstantVus {
        @LoadTest(duration = "1s", rate = 5)
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class IterationsOnConstantVus {
        @LoadTest(executor = CONSTANT_VUS, duration = "1s", iterations = 3)
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class ArrivalRateWithoutPool {
        @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 5, duration = "1s")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class OptionsBesideScenario {
        @LoadTest(vus = 2)
        @Scenario(name = "a", iterations = 1)
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class ThresholdUnknownMetric {
        @LoadTest(iterations = 1)
        @Threshold(metric = "http_req_durration", condition = "p(95) < 500")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class ThresholdSyntax {
        @LoadTest(iterations = 1)
        @Threshold(metric = "http_req_duration", condition = "p95 < 500")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class ThresholdWrongType {
        @LoadTest(iterations = 1)
        @Threshold(metric = "http_req_duration", condition = "rate < 0.1")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class ThresholdDelay {
        @LoadTest(iterations = 1)
        @Threshold(metric = "http_req_failed", condition = "rate < 0.1", abortOnFail = true, delayAbortEval = "soon")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class BaseUrlWithoutScheme {
        @LoadTest(iterations = 1, baseUrl = "127.0.0.1:8080")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class BaseUrlWithoutHost {
        @LoadTest(iterations = 1, baseUrl = "http://")
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class BaseUrlMethod {
        @BaseUrl
        String target() {
            return "ftp://127.0.0.1/";
        }

        @LoadTest(iterations = 1)
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class DurationAndIterations {
        @LoadTest(duration = "1s", iterations = 3)
        void run(Vu vu) {
            vu.http().get("/ok");
        }
    }

    static class BreachedThreshold {
        @LoadTest(iterations = 1)
        @Threshold(metric = "http_req_failed", condition = "rate == 0")
        void run(Vu vu) {
            vu.http().get("/missing");
        }
    }
}
