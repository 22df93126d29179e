package io.liveload.core.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.liveload.core.RunResult;
import io.liveload.core.engine.Engine;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.TimelinePoint;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.RampingVus;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.Scenario;
import io.liveload.core.plan.Stage;
import io.liveload.core.testing.LocalHttpServer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RampingVusTest {

    private LocalHttpServer server;
    private RunOptions options;

    @BeforeEach
    void startServer() {
        server = new LocalHttpServer().text("/ok", 200, "ok");
        options = RunOptions.defaults("ramping-vus").withBaseUrl(server.baseUrl()).withProgress(RunOptions.Progress.OFF);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Returns the {@code vus} gauge of the timeline point nearest to {@code elapsedMillis} after the start. */
    private static double vusNear(RunResult result, long elapsedMillis) {
        long target = result.start().toEpochMilli() + elapsedMillis;
        TimelinePoint point = result.timeline().stream()
                .min(Comparator.comparingLong(candidate -> Math.abs(candidate.endEpochMillis() - target)))
                .orElseThrow();
        return ((GaugeValue) point.values().get("vus")).value();
    }

    @Test
    void vusFollowStages() {
        RampingVus executor = new RampingVus(0, List.of(Stage.of("2s", 4), Stage.of("2s", 4), Stage.of("2s", 2),
                Stage.of("1s", 2)));
        LoadPlan plan = LoadPlan.of(executor, vu -> {
            vu.http().get("/ok");
            vu.sleep(Duration.ofMillis(50));
        }, List.of(), options);

        RunResult result = Engine.run(plan);

        assertThat(vusNear(result, 2_000)).isBetween(3.0, 5.0);
        assertThat(vusNear(result, 4_000)).isBetween(3.0, 5.0);
        assertThat(vusNear(result, 6_000)).isBetween(1.0, 3.0);
    }

    @Test
    void parkedVusAreReused() {
        RampingVus executor = new RampingVus(3, List.of(Stage.of("0s", 1), Stage.of("1s", 1), Stage.of("0s", 3),
                Stage.of("1s", 3)), Duration.ZERO);
        LoadPlan plan = LoadPlan.of(executor, vu -> vu.sleep(Duration.ofMillis(20)), List.of(), options);

        RunResult result = Engine.run(plan);

        assertThat(result.scenarios().get(0).maxVus()).isEqualTo(3);
        assertThat(result.metrics().aggregate("vus_max").map(value -> ((GaugeValue) value).value())).contains(3.0);
    }

    @Test
    void rampDownInterruptsAfterGracefulRampDown() {
        // Both VUs leave at 1 s with a 1 s graceful ramp-down, so their 60 s sleep ends at 2 s. Without the
        // ramp-down deadline it would end at the stages' end (4 s) plus the 30 s graceful stop.
        RampingVus executor = new RampingVus(2, List.of(Stage.of("1s", 2), Stage.of("0s", 0), Stage.of("3s", 0)),
                Duration.ofSeconds(1));
        LoadPlan plan = LoadPlan.of(executor, vu -> vu.sleep(Duration.ofSeconds(60)), List.of(), options);

        RunResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Engine.run(plan));

        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(2);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void rampDownLetsIterationFinish() {
        RampingVus executor = new RampingVus(1, List.of(Stage.of("200ms", 1), Stage.of("0s", 0), Stage.of("2s", 0)),
                Duration.ofSeconds(5));
        LoadPlan plan = LoadPlan.of(executor, vu -> vu.sleep(Duration.ofMillis(500)), List.of(), options);

        RunResult result = Engine.run(plan);

        assertThat(result.scenarios().get(0).completeIterations()).isEqualTo(1);
        assertThat(result.scenarios().get(0).interruptedIterations()).isZero();
    }

    @Test
    void gracefulStopEndsStagesEnd() {
        Scenario scenario = Scenario.of("default", new RampingVus(1, List.of(Stage.of("1s", 1))),
                vu -> vu.sleep(Duration.ofSeconds(60))).withGracefulStop(Duration.ofSeconds(1));
        LoadPlan plan = new LoadPlan(List.of(scenario), List.of(), List.of(), options);

        RunResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Engine.run(plan));

        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(1);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(6));
    }
}
