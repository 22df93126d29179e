package io.liveload.core.dsl;

import static io.liveload.core.dsl.Liveload.abortOnFail;
import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.LocalHttpServer;
import io.liveload.core.threshold.ThresholdResult;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans written with the DSL, run against a loopback server. */
class DslRunTest {

    private LocalHttpServer server;

    @BeforeEach
    void startServer() {
        server = new LocalHttpServer().text("/", 200, "home").text("/buy", 200, "bought").text("/broken", 500, "no");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private PlanBuilder plan(String name) {
        return Liveload.plan(name).baseUrl(server.baseUrl()).progress(RunOptions.Progress.OFF);
    }

    private static ScenarioResult scenario(RunResult result, String name) {
        return result.scenarios().stream().filter(scenario -> scenario.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void scenariosRunInParallel() {
        RunResult result = plan("two")
                .scenario("browse", s -> s.perVuIterations(10).vus(2).exec(vu -> vu.http().get("/")))
                .scenario("buy", s -> s.sharedIterations(7).vus(1).exec(vu -> vu.http().get("/buy")))
                .run();

        assertThat(scenario(result, "browse").completeIterations()).isEqualTo(20);
        assertThat(scenario(result, "buy").completeIterations()).isEqualTo(7);
    }

    @Test
    void everySampleTaggedScenario() {
        RunResult result = plan("tags")
                .scenario("browse", s -> s.perVuIterations(3).exec(vu -> {
                    vu.http().get("/");
                    vu.check(1, "one", value -> value == 1);
                }))
                .scenario("buy", s -> s.constantArrivalRate(10).perSecond().during("500ms").preAllocatedVus(2)
                        .exec(vu -> vu.group("checkout", () -> {
                            vu.http().get("/buy");
                        })))
                .run();

        for (SeriesValue series : result.metrics().series()) {
            if (!series.metric().name().startsWith("vus")) {
                assertThat(series.tags().get("scenario")).as(series.metric().name() + series.tags())
                        .isIn("browse", "buy");
            }
        }
    }

    @Test
    void scenarioSubMetricThreshold() {
        RunResult result = plan("sub-metric")
                .scenario("browse", s -> s.perVuIterations(3).exec(vu -> vu.http().get("/")))
                .scenario("buy", s -> s.perVuIterations(2).exec(vu -> vu.http().get("/buy")))
                .threshold("http_reqs{scenario:buy}", "count == 2")
                .threshold("http_reqs{scenario:browse}", "count == 3")
                .run();

        assertThat(result.thresholds()).allMatch(ThresholdResult::passed);
    }

    @Test
    void scenarioTagsAndEnv() {
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        RunResult result = plan("tags-env").env("USER", "plan").env("ROLE", "reader")
                .scenario("buy", s -> s.perVuIterations(1).tag("flow", "checkout").env("USER", "scenario")
                        .exec(vu -> {
                            seen.add(vu.env("USER").orElse("-") + "/" + vu.env("ROLE").orElse("-"));
                            vu.http().get("/buy");
                        }))
                .run();

        assertThat(seen).containsExactly("scenario/reader");
        assertThat(result.metrics().aggregate("http_reqs", TagSet.of(Map.of("flow", "checkout", "scenario", "buy"))))
                .isPresent();
    }

    @Test
    void startTimeDelaysScenario() {
        Queue<Long> starts = new ConcurrentLinkedQueue<>();
        long before = System.nanoTime();
        plan("start-time")
                .scenario("late", s -> s.perVuIterations(1).startTime(Duration.ofMillis(800))
                        .exec(vu -> starts.add(System.nanoTime())))
                .run();

        assertThat(Duration.ofNanos(starts.peek() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void abortOnFailStopsRun() {
        RunResult result = plan("abort")
                .scenario("broken", s -> s.constantVus(2).during("30s").exec(vu -> {
                    vu.http().get("/broken");
                    vu.sleep(Duration.ofMillis(50));
                }))
                .scenario("healthy", s -> s.constantArrivalRate(5).perSecond().during("30s").preAllocatedVus(1)
                        .exec(vu -> vu.http().get("/")))
                .threshold("http_req_failed{scenario:broken}", "rate < 0.5", abortOnFail().delayAbortEval("1s"))
                .run();

        assertThat(result.abort()).isPresent();
        assertThat(result.abort().get().reason()).contains("http_req_failed{scenario:broken} rate < 0.5");
        assertThat(result.abort().get().afterMillis()).isBetween(1_000L, 5_000L);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(10));
        assertThat(result.passed()).isFalse();
    }

    @Test
    void abortOnFailStopsGracefully() {
        RunResult result = plan("abort-graceful")
                .scenario("broken", s -> s.constantVus(2).during("30s").exec(vu -> {
                    vu.http().get("/broken");
                    vu.sleep(Duration.ofMillis(300));
                }))
                .threshold("http_req_failed", "rate < 0.5", abortOnFail())
                .run();

        assertThat(scenario(result, "broken").interruptedIterations()).isZero();
    }

    @Test
    void abortOnFailWaitsForDelay() {
        RunResult result = plan("abort-delay")
                .scenario("broken", s -> s.constantVus(1).during("2s").exec(vu -> {
                    vu.http().get("/broken");
                    vu.sleep(Duration.ofMillis(100));
                }))
                .threshold("http_req_failed", "rate < 0.5", abortOnFail().delayAbortEval("10s"))
                .run();

        assertThat(result.abort()).isEmpty();
        assertThat(result.passed()).isFalse();
    }
}
