package io.liveload.core.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.liveload.core.RunResult;
import io.liveload.core.VuScript;
import io.liveload.core.engine.Engine;
import io.liveload.core.plan.ConstantArrivalRate;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.Scenario;
import io.liveload.core.plan.SharedIterations;
import io.liveload.core.testing.LocalHttpServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scenario whose iteration never ends by itself: after the executor's end and a 2 s graceful stop, the
 * iteration is interrupted and counted so, and the run ends about 3 s after its start.
 */
class GracefulStopTest {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(2);
    private static final Duration HANG_LIMIT = Duration.ofSeconds(30);

    private LocalHttpServer server;
    private RunOptions options;

    @BeforeEach
    void startServer() {
        server = new LocalHttpServer().silent("/never");
        options = RunOptions.defaults("graceful-stop").withBaseUrl(server.baseUrl()).withProgress(RunOptions.Progress.OFF);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private RunResult run(ExecutorSpec executor, VuScript script) {
        Scenario scenario = Scenario.of("default", executor, script).withGracefulStop(GRACEFUL_STOP);
        LoadPlan plan = new LoadPlan(List.of(scenario), List.of(), List.of(), options);
        return assertTimeoutPreemptively(HANG_LIMIT, () -> Engine.run(plan));
    }

    @Test
    void sleepingIterationInterrupted() {
        RunResult result = run(new ConstantVus(1, Duration.ofSeconds(1)), vu -> vu.sleep(Duration.ofSeconds(60)));

        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(1);
        assertThat(result.scenarios().get(0).completeIterations()).isZero();
        assertThat(result.duration()).isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(5));
    }

    @Test
    void blockedRequestInterrupted() {
        RunResult result = run(new ConstantVus(1, Duration.ofSeconds(1)), vu -> vu.http().get("/never"));

        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(1);
        assertThat(result.duration()).isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(5));
    }

    @Test
    void iterationExecutorInterrupted() {
        RunResult result = run(new PerVuIterations(2, 1, Duration.ofSeconds(1)), vu -> vu.sleep(Duration.ofSeconds(60)));

        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(2);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void sharedIterationsInterrupted() {
        RunResult result = run(new SharedIterations(2, 10, Duration.ofSeconds(1)), vu -> vu.http().get("/never"));

        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(2);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void arrivalRateInterrupted() {
        RunResult result = run(new ConstantArrivalRate(2, Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 2),
                vu -> vu.http().get("/never"));

        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(2);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }
}
