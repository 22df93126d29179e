package io.liveload.junit;

import static io.liveload.junit.ExecutorType.CONSTANT_ARRIVAL_RATE;
import static io.liveload.junit.ExecutorType.SHARED_ITERATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.Vu;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.LocalHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Load tests written with the annotations, run through the JUnit engine against a loopback server. */
class ExecutorAnnotationsTest {

    private static LocalHttpServer server;
    /** Results of the annotated test methods, by method name, taken in their {@code @AfterEach}. */
    private static final Map<String, RunResult> results = new ConcurrentHashMap<>();
    private static Events sameWorkloads;

    @TempDir
    static Path outputDir;

    /** Runs {@link SameWorkloads} once; its tests compare the results with DSL runs of the same workloads. */
    @BeforeAll
    static void startServer() {
        server = new LocalHttpServer().text("/ok", 200, "ok").text("/buy", 200, "bought").text("/missing", 404, "no");
        sameWorkloads = run(SameWorkloads.class);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ConfigKeys.BASE_URL, server.baseUrl())
                .configurationParameter(ConfigKeys.OUTPUT_DIR, outputDir.toString())
                .configurationParameter(ConfigKeys.PROGRESS, "off")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    private static long requests(RunResult result) {
        return Math.round(((CounterValue) result.metrics().aggregate("http_reqs").orElseThrow()).sum());
    }

    private static ScenarioResult scenario(RunResult result, String name) {
        return result.scenarios().stream().filter(scenario -> scenario.name().equals(name)).findFirst().orElseThrow();
    }

    private static RunResult runDsl(io.liveload.core.dsl.PlanBuilder plan) {
        return plan.baseUrl(server.baseUrl()).progress(RunOptions.Progress.OFF).run();
    }

    @Test
    void sharedIterationsMatchDsl() {
        RunResult annotated = results.get("shared");

        RunResult dsl = runDsl(Liveload.plan("shared").scenario("default", s -> s.sharedIterations(200).vus(5)
                .exec(vu -> vu.http().get("/ok"))));

        assertThat(annotated.scenarios().get(0).completeIterations()).isEqualTo(200);
        assertThat(dsl.scenarios().get(0).completeIterations()).isEqualTo(200);
        assertThat(requests(annotated)).isEqualTo(requests(dsl));
    }

    @Test
    void arrivalRateMatchesDsl() {
        RunResult annotated = results.get("arrivals");

        RunResult dsl = runDsl(Liveload.plan("arrivals").scenario("default", s -> s.constantArrivalRate(20).perSecond()
                .during("2s").preAllocatedVus(5).exec(vu -> vu.http().get("/ok"))));

        ScenarioResult fromAnnotation = annotated.scenarios().get(0);
        ScenarioResult fromDsl = dsl.scenarios().get(0);
        assertThat(fromAnnotation.completeIterations() + fromAnnotation.droppedIterations()).isEqualTo(40);
        assertThat(fromDsl.completeIterations() + fromDsl.droppedIterations()).isEqualTo(40);
        assertThat(annotated.plan().scenarios().get(0).executor()).isEqualTo(dsl.plan().scenarios().get(0).executor());
    }

    @Test
    void scenariosMatchDsl() {
        RunResult annotated = results.get("checkout");

        RunResult dsl = runDsl(Liveload.plan("checkout")
                .scenario("browse", s -> s.perVuIterations(3).vus(2).exec(vu -> vu.http().get("/ok")))
                .scenario("buy", s -> s.sharedIterations(5).startTime("200ms").exec(vu -> vu.http().get("/buy"))));

        assertThat(scenario(annotated, "browse").completeIterations())
                .isEqualTo(scenario(dsl, "browse").completeIterations()).isEqualTo(6);
        assertThat(scenario(annotated, "buy").completeIterations())
                .isEqualTo(scenario(dsl, "buy").completeIterations()).isEqualTo(5);
        assertThat(requests(annotated)).isEqualTo(requests(dsl));
    }

    @Test
    void scenarioThresholdsPass() {
        sameWorkloads.assertThatEvents().haveExactly(1, event(test("checkout"), finishedSuccessfully()));
    }

    @Test
    void abortOnFailNamesThresholdAndTime() {
        results.remove("failing");

        Events events = run(AbortingLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("failing"), finishedWithFailure(
                message(text -> text.contains("Run aborted after 1")))));
        events.assertThatEvents().haveExactly(1, event(test("failing"), finishedWithFailure(
                message(text -> text.contains("threshold http_req_failed rate < 0.5: observed 1 (100.00%) was "
                        + "breached at 1")))));
        assertThat(results.get("failing").duration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void invalidCombinationFailsBeforeLoad() {
        long before = server.requestCount();

        Events events = run(InvalidLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("noPool"), finishedWithFailure(
                message(text -> text.startsWith("@LoadTest with executor = CONSTANT_ARRIVAL_RATE needs "
                        + "preAllocatedVus")))));
        assertThat(server.requestCount()).isEqualTo(before);
    }

    static class SameWorkloads {

        @LoadTest(executor = SHARED_ITERATIONS, vus = 5, iterations = 200)
        void shared(Vu vu) {
            vu.http().get("/ok");
        }

        @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 20, duration = "2s", preAllocatedVus = 5)
        void arrivals(Vu vu) {
            vu.http().get("/ok");
        }

        @LoadTest
        @Scenario(name = "browse", vus = 2, iterations = 3)
        @Scenario(name = "buy", exec = "buy", executor = SHARED_ITERATIONS, iterations = 5, startTime = "200ms")
        @Threshold(metric = "http_reqs{scenario:buy}", condition = "count == 5")
        @Threshold(metric = "http_reqs{scenario:browse}", condition = "count == 6")
        void checkout(Vu vu) {
            vu.http().get("/ok");
        }

        void buy(Vu vu) {
            vu.http().get("/buy");
        }

        @AfterEach
        void keep(RunResult result, TestInfo info) {
            results.put(info.getTestMethod().orElseThrow().getName(), result);
        }
    }

    static class AbortingLoad {

        @LoadTest(vus = 2, duration = "30s")
        @Threshold(metric = "http_req_failed", condition = "rate < 0.5", abortOnFail = true, delayAbortEval = "1s")
        void failing(Vu vu) {
            vu.http().get("/missing");
            vu.sleep(Duration.ofMillis(50));
        }

        @AfterEach
        void keep(RunResult result, TestInfo info) {
            results.put(info.getTestMethod().orElseThrow().getName(), result);
        }
    }

    static class InvalidLoad {

        @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 50, duration = "10s")
        void noPool(Vu vu) {
            vu.http().get("/ok");
        }
    }
}
