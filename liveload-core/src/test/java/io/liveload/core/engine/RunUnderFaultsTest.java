package io.liveload.core.engine;

import static io.liveload.core.dsl.Liveload.abortOnFail;
import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.dsl.PlanBuilder;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.FaultServer;
import io.liveload.core.testing.LogCapture;
import io.liveload.core.threshold.ThresholdResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs against a misbehaving target or with a script that does not end: thresholds judge them, nothing hangs. */
@Timeout(30)
class RunUnderFaultsTest {

    private FaultServer server;

    @BeforeEach
    void startServer() {
        server = new FaultServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private PlanBuilder plan(String name) {
        return Liveload.plan(name).baseUrl(server.baseUrl()).progress(RunOptions.Progress.OFF);
    }

    @Test
    void resetsBreachFailedThreshold() {
        RunResult result = plan("resets-threshold")
                .scenario("resets", s -> s.perVuIterations(5).vus(2).exec(vu -> {
                    vu.http().get("/reset");
                    vu.http().get("/ok");
                }))
                .threshold("http_req_failed", "rate < 0.1")
                .run();

        assertThat(result.passed()).isFalse();
        assertThat(result.failedThresholds()).extracting(ThresholdResult::describe)
                .containsExactly("http_req_failed rate < 0.1: observed 0.5 (50.00%)");
    }

    @Test
    void resetsAbortRunEarly() {
        RunResult result = plan("resets-abort")
                .scenario("resets", s -> s.constantVus(2).during("20s").exec(vu -> {
                    vu.http().get("/reset");
                    vu.sleep(Duration.ofMillis(20));
                }))
                .threshold("http_req_failed", "rate < 0.1", abortOnFail())
                .run();

        assertThat(result.abort()).isPresent();
        assertThat(result.abort().get().reason()).contains("http_req_failed rate < 0.1");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stuckServerEndsAfterGracefulStop() {
        RunResult result = plan("stuck-server")
                .scenario("stall", s -> s.constantVus(2).during("1s").gracefulStop("1s")
                        .exec(vu -> vu.http().get("/stall")))
                .run();

        assertThat(result.duration()).isLessThan(Duration.ofSeconds(4));
        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(2);
        assertThat(server.requestCount("/stall")).isEqualTo(2);
    }

    @Test
    void stuckScriptAbandonedAfterGracefulStop() {
        long loopLimitNanos = TimeUnit.SECONDS.toNanos(8);
        RunResult result;
        String warning;
        try (LogCapture log = LogCapture.start()) {
            result = plan("stuck-script")
                    .scenario("busy", s -> s.perVuIterations(1).maxDuration("1s").gracefulStop("1s").exec(vu -> {
                        long start = System.nanoTime();
                        // Ignores interrupts on purpose, but ends by itself after 8 s.
                        while (System.nanoTime() - start < loopLimitNanos) {
                            Thread.onSpinWait();
                        }
                    }))
                    .run();
            warning = String.join("\n", log.linesContaining("[stuck-script]", "abandon"));
        }

        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(1);
        assertThat(warning).contains("1 VUs did not stop");
    }
}
