package io.liveload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liveload.core.RunResult;
import io.liveload.core.Vu;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.report.ReportWriter;
import io.liveload.core.testing.FaultServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two load tests of one class run at the same time under JUnit's parallel execution. Each sets a cookie with its own
 * value and reads it back; neither run records the other's requests, cookies or report.
 */
@Timeout(60)
class ParallelRunsTest {

    private static final List<String> LOADS = List.of("alpha", "beta");

    private static FaultServer server;
    private static final Map<String, RunResult> results = new ConcurrentHashMap<>();

    @TempDir
    static Path outputDir;

    @BeforeAll
    static void runBothInParallel() {
        server = new FaultServer();
        EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of(
                        ConfigKeys.BASE_URL, server.baseUrl(),
                        ConfigKeys.OUTPUT_DIR, outputDir.toString(),
                        ConfigKeys.PROGRESS, "off",
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"))
                .selectors(selectClass(TwoLoads.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static double requests(RunResult result) {
        return ((CounterValue) result.metrics().aggregate("http_reqs").orElseThrow()).sum();
    }

    @Test
    void runsOverlapInTime() {
        RunResult alpha = results.get("alpha");
        RunResult beta = results.get("beta");
        assertThat(alpha.start()).isBefore(beta.end());
        assertThat(beta.start()).isBefore(alpha.end());
    }

    @Test
    void eachRunCountsOnlyItsRequests() {
        for (String load : LOADS) {
            RunResult result = results.get(load);
            List<String> names = result.metrics().series("http_reqs").stream()
                    .map(SeriesValue::tags).map(tags -> tags.get("name")).distinct().toList();
            long served = server.requests().stream().filter(request -> request.target().endsWith("=" + load)).count();
            assertThat(names).allMatch(name -> name.endsWith("=" + load), "ends with =" + load);
            assertThat(requests(result)).isEqualTo(served);
        }
    }

    @Test
    void eachRunSeesOnlyItsCookie() {
        for (String load : LOADS) {
            RateValue checks = (RateValue) results.get(load).metrics().aggregate("checks").orElseThrow();
            assertThat(checks.fails()).isZero();
            assertThat(checks.passes()).isPositive();
        }
    }

    @Test
    void eachRunWritesItsSummary() throws IOException {
        for (String load : LOADS) {
            Path file = outputDir.resolve(TwoLoads.class.getName()).resolve(load).resolve(ReportWriter.SUMMARY_FILE);
            JsonNode summary = new ObjectMapper().readTree(file.toFile());
            assertThat(summary.path("liveload").path("testName").asText()).isEqualTo(TwoLoads.class.getName() + "." + load);
            assertThat(summary.path("metrics").path("http_reqs").path("values").path("count").asDouble())
                    .isEqualTo(requests(results.get(load)));
        }
    }

    static class TwoLoads {

        private static final CyclicBarrier BOTH_STARTED = new CyclicBarrier(2);

        @BeforeEach
        void waitForTheOther() throws Exception {
            BOTH_STARTED.await(20, TimeUnit.SECONDS);
        }

        @LoadTest(vus = 2, duration = "1s")
        void alpha(Vu vu) {
            visit(vu, "alpha");
        }

        @LoadTest(vus = 2, duration = "1s")
        void beta(Vu vu) {
            visit(vu, "beta");
        }

        private static void visit(Vu vu, String load) {
            vu.http().get("/set-cookie?name=who&value=" + load);
            var echo = vu.http().get("/echo-cookie?from=" + load);
            vu.check(echo, "own cookie", response -> response.body().equals("who=" + load));
        }

        @AfterEach
        void keep(TestInfo info, RunResult result) {
            results.put(info.getTestMethod().orElseThrow().getName(), result);
        }
    }
}
