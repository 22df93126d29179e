package io.liveload.core.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.engine.Engine;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.plan.ConstantArrivalRate;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.LocalHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One 10 s run at 50 iterations per second against a fast loopback server, checked from several sides. The pool
 * may grow to 50 VUs because the first iterations in a fresh JVM take a few hundred milliseconds (class loading).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConstantArrivalRateTest {

    private static final int RATE = 50;
    private static final int SECONDS = 10;
    private static final long PERIOD_NANOS = 1_000_000_000L / RATE;

    private LocalHttpServer server;
    private final Queue<Long> startNanos = new ConcurrentLinkedQueue<>();
    private RunResult result;

    @BeforeAll
    void run() {
        server = new LocalHttpServer().text("/ok", 200, "ok");
        RunOptions options = RunOptions.defaults("constant-arrival-rate").withBaseUrl(server.baseUrl())
                .withProgress(RunOptions.Progress.OFF);
        ConstantArrivalRate executor = new ConstantArrivalRate(RATE, Duration.ofSeconds(1),
                Duration.ofSeconds(SECONDS), 5, 50);
        result = Engine.run(LoadPlan.of(executor, vu -> {
            startNanos.add(System.nanoTime());
            vu.http().get("/ok");
        }, List.of(), options));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    private ScenarioResult scenario() {
        return result.scenarios().get(0);
    }

    @Test
    void startsScheduledCount() {
        long expected = (long) RATE * SECONDS;
        long started = scenario().completeIterations() + scenario().interruptedIterations();

        assertThat(started).isBetween(expected - expected / 100, expected + expected / 100);
    }

    @Test
    void dropsNothingWithFreeVus() {
        assertThat(scenario().droppedIterations()).isZero();
    }

    @Test
    void startsOnSchedule() {
        // Compare each start with its slot on the 20 ms grid. The grid's origin is the median offset, so one late
        // first iteration does not shift the whole comparison.
        List<Long> sorted = new ArrayList<>(startNanos);
        Collections.sort(sorted);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            offsets.add(sorted.get(i) - i * PERIOD_NANOS);
        }
        List<Long> ordered = new ArrayList<>(offsets);
        Collections.sort(ordered);
        long origin = ordered.get(ordered.size() / 2);
        long onTime = offsets.stream().filter(offset -> Math.abs(offset - origin) <= 5_000_000).count();

        assertThat(onTime).isGreaterThanOrEqualTo(sorted.size() * 95L / 100);
    }

    @Test
    void recordsStartDelay() {
        TrendValue delay = (TrendValue) result.metrics().aggregate("iteration_start_delay").orElseThrow();

        assertThat(delay.sampleCount()).isEqualTo(scenario().completeIterations() + scenario().interruptedIterations());
    }

    @Test
    void recordsLatency() {
        TrendValue latency = (TrendValue) result.metrics().aggregate("iteration_latency").orElseThrow();

        assertThat(latency.sampleCount()).isEqualTo(scenario().completeIterations());
    }

    @Test
    void preAllocatedVusSuffice() {
        CounterValue iterations = (CounterValue) result.metrics().aggregate("iterations").orElseThrow();

        assertThat(iterations.sum()).isEqualTo(scenario().completeIterations());
        assertThat(scenario().maxVus()).isBetween(5, 50);
    }
}
