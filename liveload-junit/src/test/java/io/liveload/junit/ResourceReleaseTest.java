package io.liveload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.liveload.core.Vu;
import io.liveload.core.report.ReportWriter;
import io.liveload.core.testing.FaultServer;
import io.liveload.core.testing.ResourceUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Many load tests in one JVM, passing, failing, aborted and hitting faults, leave the JVM as they found it: no
 * engine thread, no extra file descriptor and about the same heap. A load test stopped by JUnit's {@code @Timeout}
 * still writes its reports and ends its threads. The figures are printed for the record.
 */
@Timeout(180)
class ResourceReleaseTest {

    private static final int ROUNDS = 5;
    private static final int LOADS_PER_ROUND = 10;
    private static final long HEAP_TOLERANCE_BYTES = 32L * 1024 * 1024;
    private static final int DESCRIPTOR_TOLERANCE = 4;
    private static final int OKHTTP_POOL_LIMIT = 8;

    private static FaultServer server;
    private static volatile String refusedUrl;

    @TempDir
    Path outputDir;

    @BeforeAll
    static void startServer() {
        server = new FaultServer();
        refusedUrl = FaultServer.refusedUrl();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private EngineExecutionResults runMixedLoads() {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of(ConfigKeys.BASE_URL, server.baseUrl(),
                        ConfigKeys.OUTPUT_DIR, outputDir.toString(), ConfigKeys.PROGRESS, "off"))
                .selectors(selectClass(MixedLoads.class))
                .execute();
    }

    /** Returns the names of live threads, without OkHttp's JVM-wide pools and Awaitility's poller. */
    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> !name.startsWith("OkHttp") && !name.startsWith("Okio")
                        && !name.startsWith("awaitility"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Waits until no engine thread and no server connection thread is left, then measures. */
    private static ResourceUsage settleAndMeasure() {
        await().atMost(Duration.ofSeconds(10)).until(() -> threadNames().stream()
                .noneMatch(name -> name.startsWith("liveload-") || name.matches("fault-server-\\d+-\\d+")));
        return ResourceUsage.measure();
    }

    @Test
    void fiftyLoadTestsReleaseEverything() {
        runMixedLoads();
        ResourceUsage before = settleAndMeasure();
        Set<String> threadsBefore = threadNames();

        long started = 0;
        long failed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            EngineExecutionResults results = runMixedLoads();
            started += results.testEvents().started().count();
            failed += results.testEvents().failed().count();
        }
        ResourceUsage after = settleAndMeasure();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ResourceUsage.countFileDescriptors())
                        .isLessThanOrEqualTo(before.fileDescriptors() + DESCRIPTOR_TOLERANCE));
        Set<String> newThreads = new TreeSet<>(threadNames());
        newThreads.removeAll(threadsBefore);

        System.out.println("Resources before " + started + " load tests (" + failed + " failed): " + before);
        System.out.println("Resources after  " + started + " load tests (" + failed + " failed): " + after);
        assertThat(started).isEqualTo(ROUNDS * LOADS_PER_ROUND);
        assertThat(failed).isEqualTo(ROUNDS * MixedLoads.FAILING);
        assertThat(after.liveloadThreads()).isEmpty();
        assertThat(newThreads).isEmpty();
        assertThat(after.okHttpThreads()).isLessThanOrEqualTo(OKHTTP_POOL_LIMIT);
        assertThat(after.fileDescriptors()).isLessThanOrEqualTo(before.fileDescriptors() + DESCRIPTOR_TOLERANCE);
        assertThat(after.heapBytes()).isLessThan(before.heapBytes() + HEAP_TOLERANCE_BYTES);
    }

    @Test
    void timedOutLoadTestWritesReports() {
        long start = System.nanoTime();

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of(ConfigKeys.BASE_URL, server.baseUrl(),
                        ConfigKeys.OUTPUT_DIR, outputDir.toString(), ConfigKeys.PROGRESS, "off"))
                .selectors(selectMethod(TimedOutLoad.class, "longRun", Vu.class.getName()))
                .execute();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Path reports = outputDir.resolve(TimedOutLoad.class.getName()).resolve("longRun");
        assertThat(results.testEvents().failed().count()).isEqualTo(1);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
        assertThat(reports.resolve(ReportWriter.SUMMARY_FILE)).isRegularFile();
        assertThat(reports.resolve("report.html")).isRegularFile();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ResourceUsage.measure().liveloadThreads()).isEmpty());
    }

    /** Ten load tests of every outcome; {@link #FAILING} of them fail. */
    static class MixedLoads {

        static final int FAILING = 4;

        @LoadTest(vus = 2, iterations = 3)
        void passes(Vu vu) {
            vu.http().get("/ok");
        }

        @LoadTest(iterations = 2)
        @Threshold(metric = "http_req_failed", condition = "rate == 0")
        void breachesThreshold(Vu vu) {
            vu.http().get("/missing");
        }

        @LoadTest(vus = 2, duration = "10s")
        @Threshold(metric = "http_req_failed", condition = "rate < 0.1", abortOnFail = true)
        void abortsOnResets(Vu vu) {
            vu.http().get("/reset");
            vu.sleep(Duration.ofMillis(20));
        }

        @LoadTest(vus = 2, iterations = 3)
        void hitsResets(Vu vu) {
            vu.http().get("/reset");
            vu.http().get("/ok");
        }

        @LoadTest(vus = 2, iterations = 2)
        @Threshold(metric = "http_req_failed", condition = "rate < 0.1")
        void hitsTimeouts(Vu vu) {
            vu.http().get("/stall", request -> request.timeout(Duration.ofMillis(200)));
        }

        @LoadTest(iterations = 3)
        void hitsRefusedPort(Vu vu) {
            vu.http().get(refusedUrl + "/nothing");
        }

        @LoadTest(iterations = 2)
        void hitsMalformedResponses(Vu vu) {
            vu.http().get("/garbage");
            vu.http().get("/short");
            vu.http().get("/gzip-broken");
            vu.http().get("/trickle?bytes=5&delayMs=10");
        }

        @LoadTest(iterations = 3)
        void throwsInScript(Vu vu) {
            vu.http().get("/ok");
            throw new IllegalStateException("script failure " + vu.iteration());
        }

        @LoadTest(vus = 2, duration = "300ms", gracefulStop = "200ms")
        @Threshold(metric = "iterations", condition = "count > 0")
        void stuckServer(Vu vu) {
            vu.http().get("/stall");
        }

        @LoadTest(iterations = 2)
        void largeBodies(Vu vu) {
            vu.http().get("/huge?bytes=2097152&chunked=true");
        }
    }

    static class TimedOutLoad {

        @LoadTest(vus = 2, duration = "30s")
        @Timeout(1)
        void longRun(Vu vu) {
            vu.http().get("/ok");
            vu.sleep(Duration.ofMillis(20));
        }
    }
}
