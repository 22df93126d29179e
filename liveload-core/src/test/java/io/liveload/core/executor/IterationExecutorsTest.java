package io.liveload.core.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.engine.Engine;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.SharedIterations;
import io.liveload.core.testing.LocalHttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IterationExecutorsTest {

    private LocalHttpServer server;
    private RunOptions options;

    @BeforeEach
    void startServer() {
        server = new LocalHttpServer().text("/ok", 200, "ok");
        options = RunOptions.defaults("iterations").withBaseUrl(server.baseUrl()).withProgress(RunOptions.Progress.OFF);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void sharedIterationsRunExactTotal() {
        LoadPlan plan = LoadPlan.of(new SharedIterations(10, 1_000), vu -> vu.http().get("/ok"), List.of(), options);

        RunResult result = Engine.run(plan);

        assertThat(result.scenarios().get(0).completeIterations()).isEqualTo(1_000);
        assertThat(result.scenarios().get(0).interruptedIterations()).isZero();
        assertThat(((CounterValue) result.metrics().aggregate("iterations").orElseThrow()).sum()).isEqualTo(1_000);
        assertThat(server.requestCount()).isEqualTo(1_000);
    }

    @Test
    void sharedIterationsUseEveryVu() {
        Map<Integer, AtomicLong> perVu = new ConcurrentHashMap<>();
        LoadPlan plan = LoadPlan.of(new SharedIterations(10, 1_000), vu -> {
            perVu.computeIfAbsent(vu.id(), id -> new AtomicLong()).incrementAndGet();
            vu.http().get("/ok");
        }, List.of(), options);

        Engine.run(plan);

        assertThat(perVu).hasSize(10);
    }

    @Test
    void perVuIterationsRunExactlyEach() {
        Map<Integer, AtomicLong> perVu = new ConcurrentHashMap<>();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(10, 5), vu -> {
            perVu.computeIfAbsent(vu.id(), id -> new AtomicLong()).incrementAndGet();
            vu.http().get("/ok");
        }, List.of(), options);

        RunResult result = Engine.run(plan);

        assertThat(result.scenarios().get(0).completeIterations()).isEqualTo(50);
        assertThat(perVu).hasSize(10);
        assertThat(perVu.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(5));
        assertThat(server.requestCount()).isEqualTo(50);
    }
}
