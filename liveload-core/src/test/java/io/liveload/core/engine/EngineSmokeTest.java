package io.liveload.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.LocalHttpServer;
import io.liveload.core.threshold.Threshold;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {

    private LocalHttpServer server;

    @BeforeEach
    void startServer() {
        server = new LocalHttpServer().text("/hello", 200, "hello");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void perVuIterationsCountsRequests() {
        RunOptions options = RunOptions.defaults("smoke").withBaseUrl(server.baseUrl());
        LoadPlan plan = LoadPlan.of(new PerVuIterations(5, 4), vu -> {
            var response = vu.http().get("/hello");
            vu.check(response, "status 200", r -> r.status() == 200);
        }, List.of(Threshold.parse("checks", "rate == 1"), Threshold.parse("http_req_duration", "p(95) < 1s")), options);

        RunResult result = Engine.run(plan);

        assertThat(((CounterValue) result.metrics().aggregate("http_reqs").orElseThrow()).sum()).isEqualTo(20);
        assertThat(((RateValue) result.metrics().aggregate("checks").orElseThrow()).passes()).isEqualTo(20);
        assertThat(((TrendValue) result.metrics().aggregate("http_req_duration").orElseThrow()).sampleCount()).isEqualTo(20);
        assertThat(result.passed()).isTrue();
        assertThat(server.requestCount()).isEqualTo(20);
    }

    @Test
    void constantVusStopsAfterDuration() {
        RunOptions options = RunOptions.defaults("smoke").withBaseUrl(server.baseUrl());
        LoadPlan plan = LoadPlan.of(new ConstantVus(3, Duration.ofMillis(1500)), vu -> {
            vu.http().get("/hello");
            vu.sleep(Duration.ofMillis(100));
        }, List.of(), options);

        long start = System.nanoTime();
        RunResult result = Engine.run(plan);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isBetween(1400L, 3000L);
        assertThat(result.scenarios().get(0).completeIterations()).isBetween(30L, 48L);
        assertThat(result.scenarios().get(0).interruptedIterations()).isZero();
    }
}
