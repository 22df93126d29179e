package io.liveload.core.dsl;

import static io.liveload.core.dsl.Liveload.abortOnFail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liveload.core.VuScript;
import io.liveload.core.plan.ConstantArrivalRate;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RampingArrivalRate;
import io.liveload.core.plan.RampingVus;
import io.liveload.core.plan.Scenario;
import io.liveload.core.plan.SharedIterations;
import io.liveload.core.plan.Stage;
import io.liveload.core.threshold.InvalidThresholdException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DSL builds the same plan records as writing them by hand; no run happens here. */
class PlanBuilderTest {

    private static final VuScript NOTHING = vu -> {
    };

    private static Scenario only(PlanBuilder builder) {
        return builder.build().scenarios().get(0);
    }

    @Test
    void warmupSetsOption() {
        LoadPlan plan = Liveload.plan("t").warmup("5s").scenario("s", s -> s.perVuIterations(1).exec(NOTHING)).build();

        assertThat(plan.options().warmup()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void invalidWarmupRejected() {
        assertThatThrownBy(() -> Liveload.plan("t").warmup("soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid warm-up \"soon\"");
    }

    @Test
    void constantVus() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.constantVus(10).during("30s").exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new ConstantVus(10, Duration.ofSeconds(30)));
    }

    @Test
    void perVuIterationsDefaults() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.perVuIterations(5).exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new PerVuIterations(1, 5, Duration.ofMinutes(10)));
    }

    @Test
    void perVuIterationsOptions() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.perVuIterations(5).vus(10)
                .maxDuration(Duration.ofMinutes(2)).exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new PerVuIterations(10, 5, Duration.ofMinutes(2)));
    }

    @Test
    void sharedIterations() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.sharedIterations(1000).vus(10)
                .maxDuration("1m").exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new SharedIterations(10, 1000, Duration.ofMinutes(1)));
    }

    @Test
    void rampingVus() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.rampingVus().startVus(0)
                .stage("30s", 100).stage(Duration.ofMinutes(1), 100).stage("10s", 0)
                .gracefulRampDown("5s").exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new RampingVus(0, List.of(Stage.of("30s", 100),
                Stage.of("1m", 100), Stage.of("10s", 0)), Duration.ofSeconds(5)));
    }

    @Test
    void rampingVusFromStageStrings() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.rampingVus()
                .stages("30s -> 100", "10s -> 0").exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new RampingVus(1, List.of(Stage.of("30s", 100),
                Stage.of("10s", 0))));
    }

    @Test
    void constantArrivalRate() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.constantArrivalRate(50).perSecond()
                .during(Duration.ofSeconds(90)).preAllocatedVus(20).maxVus(100).exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new ConstantArrivalRate(50, Duration.ofSeconds(1),
                Duration.ofSeconds(90), 20, 100));
    }

    @Test
    void arrivalRateMaxVusDefaultsToPool() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.constantArrivalRate(600).perMinute()
                .during("1m").preAllocatedVus(20).exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new ConstantArrivalRate(600, Duration.ofMinutes(1),
                Duration.ofMinutes(1), 20, 20));
    }

    @Test
    void rampingArrivalRate() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.rampingArrivalRate()
                .per(Duration.ofMillis(500)).startRate(10).stage("1m", 100).stages("2m -> 100")
                .preAllocatedVus(50).maxVus(200).exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new RampingArrivalRate(10, Duration.ofMillis(500),
                List.of(Stage.of("1m", 100), Stage.of("2m", 100)), 50, 200));
    }

    @Test
    void sharedOptions() {
        Scenario scenario = only(Liveload.plan("t").scenario("buy", s -> s.constantVus(1).during("1s")
                .startTime("30s").gracefulStop(Duration.ofSeconds(5)).tag("flow", "checkout").env("USER", "alice")
                .exec(NOTHING)));

        assertThat(scenario.name()).isEqualTo("buy");
        assertThat(scenario.startTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(scenario.gracefulStop()).isEqualTo(Duration.ofSeconds(5));
        assertThat(scenario.tags()).isEqualTo(Map.of("flow", "checkout"));
        assertThat(scenario.env()).isEqualTo(Map.of("USER", "alice"));
    }

    @Test
    void sharedOptionsKeepExecutorOptions() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.constantArrivalRate(5).perSecond()
                .during("10s").preAllocatedVus(2).startTime("1s").maxVus(4).exec(NOTHING)));

        assertThat(scenario.executor()).isEqualTo(new ConstantArrivalRate(5, Duration.ofSeconds(1),
                Duration.ofSeconds(10), 2, 4));
    }

    @Test
    void defaultsFollowK6() {
        Scenario scenario = only(Liveload.plan("t").scenario("s", s -> s.constantVus(1).during("1s").exec(NOTHING)));

        assertThat(scenario.startTime()).isZero();
        assertThat(scenario.gracefulStop()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void planOptions() {
        LoadPlan plan = Liveload.plan("checkout").baseUrl("http://127.0.0.1:8080").tag("env", "test")
                .env("TOKEN", "x").httpTimeout(Duration.ofSeconds(5))
                .scenario("s", s -> s.perVuIterations(1).exec(NOTHING)).build();

        assertThat(plan.options().testName()).isEqualTo("checkout");
        assertThat(plan.options().baseUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(plan.options().tags()).isEqualTo(Map.of("env", "test"));
        assertThat(plan.options().env()).isEqualTo(Map.of("TOKEN", "x"));
        assertThat(plan.options().httpTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void thresholds() {
        LoadPlan plan = Liveload.plan("t").scenario("s", s -> s.perVuIterations(1).exec(NOTHING))
                .threshold("http_req_duration{scenario:s}", "p(95) < 500ms")
                .threshold("http_req_failed", "rate < 0.1", abortOnFail().delayAbortEval("10s"))
                .build();

        assertThat(plan.thresholds()).hasSize(2);
        assertThat(plan.thresholds().get(0).abortOnFail()).isFalse();
        assertThat(plan.thresholds().get(1).abortOnFail()).isTrue();
        assertThat(plan.thresholds().get(1).delayAbortEval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void builderIsImmutable() {
        PlanBuilder template = Liveload.plan("t").baseUrl("http://127.0.0.1:8080");

        PlanBuilder one = template.scenario("a", s -> s.perVuIterations(1).exec(NOTHING));
        PlanBuilder two = template.scenario("b", s -> s.perVuIterations(2).exec(NOTHING));

        assertThat(one.build().scenarios()).extracting(Scenario::name).containsExactly("a");
        assertThat(two.build().scenarios()).extracting(Scenario::name).containsExactly("b");
    }

    @Test
    void duplicateScenarioRejected() {
        PlanBuilder builder = Liveload.plan("t").scenario("a", s -> s.perVuIterations(1).exec(NOTHING));

        assertThatThrownBy(() -> builder.scenario("a", s -> s.perVuIterations(1).exec(NOTHING)))
                .hasMessage("Two scenarios are named \"a\": give each scenario its own name");
    }

    @Test
    void maxVusBelowPoolRejected() {
        assertThatThrownBy(() -> Liveload.plan("t").scenario("s", s -> s.constantArrivalRate(5).perSecond()
                .during("1s").preAllocatedVus(10).maxVus(5).exec(NOTHING)))
                .hasMessageContaining("Invalid maxVUs 5 for constant-arrival-rate: it must be at least "
                        + "preAllocatedVUs (10)");
    }

    @Test
    void zeroRateRejected() {
        assertThatThrownBy(() -> Liveload.plan("t").scenario("s", s -> s.constantArrivalRate(0).perSecond()
                .during("1s").preAllocatedVus(1).exec(NOTHING)))
                .hasMessage("Invalid rate 0: it must be a positive number");
    }

    @Test
    void invalidStageRejected() {
        assertThatThrownBy(() -> Liveload.plan("t").scenario("s", s -> s.rampingVus().stages("30s => 100")
                .exec(NOTHING)))
                .hasMessage("Invalid stage \"30s => 100\": expected \"duration -> target\", e.g. \"30s -> 100\"");
    }

    @Test
    void invalidThresholdRejected() {
        PlanBuilder builder = Liveload.plan("t");

        assertThatThrownBy(() -> builder.threshold("http_req_duration", "p95 < 500"))
                .isInstanceOf(InvalidThresholdException.class);
    }

    @Test
    void negativeStartTimeRejected() {
        assertThatThrownBy(() -> Liveload.plan("t").scenario("s", s -> s.perVuIterations(1)
                .startTime(Duration.ofSeconds(-5)).exec(NOTHING)))
                .hasMessage("Invalid startTime -5s: it must be zero or longer");
    }

    @Test
    void zeroDurationRejected() {
        assertThatThrownBy(() -> Liveload.plan("t").scenario("s", s -> s.constantVus(1).during(Duration.ZERO)
                .exec(NOTHING)))
                .hasMessage("Invalid duration 0s: it must be longer than zero");
    }

    @Test
    void planWithoutScenarioRejected() {
        assertThatThrownBy(() -> Liveload.plan("t").build())
                .hasMessage("A load plan needs at least one scenario");
    }
}
