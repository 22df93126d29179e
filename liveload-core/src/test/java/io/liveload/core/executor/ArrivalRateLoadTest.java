package io.liveload.core.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.ScenarioResult;
import io.liveload.core.engine.Engine;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.plan.ConstantArrivalRate;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.RampingArrivalRate;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.Stage;
import io.liveload.core.testing.LocalHttpServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArrivalRateLoadTest {

    private LocalHttpServer server;
    private RunOptions options;

    @BeforeEach
    void startServer() {
        server = new LocalHttpServer().text("/ok", 200, "ok").delayed("/slow", Duration.ofMillis(500), "slow")
                .stalling("/stall", 150, Duration.ofSeconds(1));
        options = RunOptions.defaults("arrival-rate").withBaseUrl(server.baseUrl()).withProgress(RunOptions.Progress.OFF);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void slowServerDropsIterations() {
        // 20 per second of 500 ms each need 10 VUs; 4 can start at most 8 per second.
        ConstantArrivalRate executor = new ConstantArrivalRate(20, Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 4);

        RunResult result = Engine.run(LoadPlan.of(executor, vu -> vu.http().get("/slow"), List.of(), options));

        ScenarioResult scenario = result.scenarios().get(0);
        assertThat(scenario.droppedIterations()).isPositive();
        assertThat(((CounterValue) result.metrics().aggregate("dropped_iterations").orElseThrow()).sum())
                .isEqualTo(scenario.droppedIterations());
        assertThat(scenario.completeIterations() + scenario.interruptedIterations() + scenario.droppedIterations())
                .isEqualTo(40);
        assertThat(scenario.maxVus()).isEqualTo(4);
    }

    @Test
    void stallShowsInLatencyTail() {
        // 100 per second for 5 s, and the server stalls for 1 s at its 150th request. Every iteration scheduled
        // during the stall waits for its end, so about 100 of 500 latencies lie between 0 and 1 s. The 5 highest
        // are then above 950 ms, which puts p(99) there.
        ConstantArrivalRate executor = new ConstantArrivalRate(100, Duration.ofSeconds(1), Duration.ofSeconds(5), 20,
                300);

        RunResult result = Engine.run(LoadPlan.of(executor, vu -> vu.http().get("/stall"), List.of(), options));

        TrendValue latency = (TrendValue) result.metrics().aggregate("iteration_latency").orElseThrow();
        assertThat(latency.percentile(99)).isGreaterThanOrEqualTo(900);
        assertThat(latency.percentile(50)).isLessThan(100);
    }

    @Test
    void rampingRateStartsAreaCount() {
        // 0 to 20 per second over 2 s, then 20 per second for 1 s: 20 + 20 iterations.
        RampingArrivalRate executor = new RampingArrivalRate(0, Duration.ofSeconds(1),
                List.of(Stage.of("2s", 20), Stage.of("1s", 20)), 2, 10);

        RunResult result = Engine.run(LoadPlan.of(executor, vu -> vu.http().get("/ok"), List.of(), options));

        ScenarioResult scenario = result.scenarios().get(0);
        assertThat(scenario.completeIterations() + scenario.interruptedIterations()).isEqualTo(40);
        assertThat(scenario.droppedIterations()).isZero();
    }
}
