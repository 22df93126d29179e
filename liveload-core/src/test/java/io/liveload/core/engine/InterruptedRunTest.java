package io.liveload.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.liveload.core.RunResult;
import io.liveload.core.VuScript;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.report.ReportWriter;
import io.liveload.core.testing.FaultServer;
import io.liveload.core.testing.ResourceUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose calling thread is interrupted, as JUnit's {@code @Timeout} does: the run stops hard, returns its result,
 * writes its reports, restores the interrupt flag and leaves no thread or socket behind.
 */
@Timeout(30)
class InterruptedRunTest {

    private static final Duration RUN_LENGTH = Duration.ofSeconds(30);

    private FaultServer server;

    @TempDir
    Path outputDir;

    @BeforeEach
    void startServer() {
        server = new FaultServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The outcome of a run on another thread that was interrupted once requests arrived. */
    private record Interrupted(RunResult result, boolean flagRestored, Duration stopTime) {
    }

    private Interrupted runAndInterrupt(String testName, VuScript script) throws InterruptedException {
        RunOptions options = RunOptions.defaults(testName).withBaseUrl(server.baseUrl())
                .withProgress(RunOptions.Progress.OFF).withOutputDir(outputDir);
        LoadPlan plan = LoadPlan.of(new ConstantVus(3, RUN_LENGTH), script, List.of(), options);
        AtomicReference<RunResult> result = new AtomicReference<>();
        AtomicBoolean flag = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            result.set(Engine.run(plan));
            flag.set(Thread.currentThread().isInterrupted());
        }, "interrupted-caller");
        caller.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.requestCount() >= 3);

        long interruptNanos = System.nanoTime();
        caller.interrupt();
        caller.join(Duration.ofSeconds(15).toMillis());

        assertThat(caller.isAlive()).isFalse();
        return new Interrupted(result.get(), flag.get(), Duration.ofNanos(System.nanoTime() - interruptNanos));
    }

    @Test
    void busyRunStopsAndReports() throws InterruptedException {
        long descriptorsBefore = ResourceUsage.countFileDescriptors();

        Interrupted run = runAndInterrupt("interrupted-busy", vu -> {
            vu.http().get("/ok");
            vu.sleep(Duration.ofMillis(20));
        });

        assertThat(run.result().abort()).isPresent();
        assertThat(run.result().abort().get().reason()).contains("interrupted");
        assertThat(run.flagRestored()).isTrue();
        assertThat(run.stopTime()).isLessThan(Duration.ofSeconds(5));
        assertThat(outputDir.resolve(ReportWriter.SUMMARY_FILE)).isRegularFile();
        assertThat(outputDir.resolve("report.html")).isRegularFile();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(liveloadThreads()).isEmpty());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ResourceUsage.countFileDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 2));
    }

    @Test
    void stuckRequestsStopAndReport() throws InterruptedException {
        Interrupted run = runAndInterrupt("interrupted-stuck", vu -> vu.http().get("/stall"));

        assertThat(run.result().abort()).isPresent();
        assertThat(run.result().scenarios().get(0).interruptedIterations()).isEqualTo(3);
        assertThat(run.stopTime()).isLessThan(Duration.ofSeconds(5));
        assertThat(Files.exists(outputDir.resolve(ReportWriter.SUMMARY_FILE))).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(liveloadThreads()).isEmpty());
    }

    private static List<String> liveloadThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("liveload-")).toList();
    }
}
