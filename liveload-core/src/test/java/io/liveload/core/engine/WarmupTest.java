package io.liveload.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liveload.core.ConfigurationException;
import io.liveload.core.RunResult;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.report.SummaryText;
import io.liveload.core.testing.LocalHttpServer;
import io.liveload.core.threshold.Threshold;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warm-up before the measured run: it sends load, and nothing it records reaches the result. */
class WarmupTest {

    private LocalHttpServer server;

    @BeforeEach
    void startServer() {
        server = new LocalHttpServer().text("/hello", 200, "hello");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private RunOptions options(Duration warmup) {
        return RunOptions.defaults("warmup").withBaseUrl(server.baseUrl()).withProgress(RunOptions.Progress.OFF)
                .withWarmup(warmup);
    }

    private static double httpRequests(RunResult result) {
        return ((CounterValue) result.metrics().aggregate("http_reqs").orElseThrow()).sum();
    }

    @Test
    void warmupRequestsNotCounted() {
        LoadPlan plan = LoadPlan.of(new ConstantVus(1, Duration.ofMillis(500)), vu -> {
            vu.http().get("/hello");
            vu.sleep(Duration.ofMillis(20));
        }, List.of(), options(Duration.ofMillis(500)));

        RunResult result = Engine.run(plan);

        assertThat(httpRequests(result)).isPositive();
        assertThat(server.requestCount()).isGreaterThan((long) httpRequests(result));
    }

    @Test
    void warmupChecksAndErrorsNotCounted() {
        AtomicBoolean first = new AtomicBoolean(true);
        LoadPlan plan = LoadPlan.of(new ConstantVus(1, Duration.ofMillis(300)), vu -> {
            boolean isFirst = first.getAndSet(false);
            vu.http().get("/hello");
            vu.check(isFirst, "not the first iteration", value -> !value);
            if (isFirst) {
                throw new IllegalStateException("the first iteration fails");
            }
        }, List.of(Threshold.parse("checks", "rate == 1")), options(Duration.ofMillis(300)));

        RunResult result = Engine.run(plan);

        RateValue checks = (RateValue) result.metrics().aggregate("checks").orElseThrow();
        assertThat(checks.fails()).isZero();
        assertThat(checks.passes()).isPositive();
        assertThat(result.errors()).isEmpty();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void summaryHeaderNamesWarmup() {
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 1), vu -> vu.http().get("/hello"), List.of(),
                options(Duration.ofMillis(200)));

        String summary = SummaryText.render(Engine.run(plan));

        assertThat(summary).contains("after a warm-up of 200ms, whose samples, checks and errors are not counted here");
    }

    @Test
    void warmupEndsWithPlan() {
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 2), vu -> vu.http().get("/hello"), List.of(),
                options(Duration.ofMinutes(10)));

        long start = System.nanoTime();
        RunResult result = Engine.run(plan);

        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(60);
        assertThat(httpRequests(result)).isEqualTo(2);
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void configurationErrorInWarmupFails() {
        RunOptions noBaseUrl = RunOptions.defaults("warmup").withProgress(RunOptions.Progress.OFF)
                .withWarmup(Duration.ofSeconds(1));
        LoadPlan plan = LoadPlan.of(new ConstantVus(1, Duration.ofSeconds(1)), vu -> vu.http().get("/hello"),
                List.of(), noBaseUrl);

        assertThatThrownBy(() -> Engine.run(plan)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void noWarmupByDefault() {
        assertThat(RunOptions.defaults("warmup").warmup()).isEqualTo(Duration.ZERO);
    }

    @Test
    void negativeWarmupRejected() {
        assertThatThrownBy(() -> RunOptions.defaults("warmup").withWarmup(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid warm-up PT-1S: it must be zero (no warm-up) or longer");
    }
}
