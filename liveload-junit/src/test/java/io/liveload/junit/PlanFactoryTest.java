package io.liveload.junit;

import static io.liveload.junit.ExecutorType.CONSTANT_ARRIVAL_RATE;
import static io.liveload.junit.ExecutorType.CONSTANT_VUS;
import static io.liveload.junit.ExecutorType.PER_VU_ITERATIONS;
import static io.liveload.junit.ExecutorType.RAMPING_ARRIVAL_RATE;
import static io.liveload.junit.ExecutorType.RAMPING_VUS;
import static io.liveload.junit.ExecutorType.SHARED_ITERATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liveload.core.ConfigurationException;
import io.liveload.core.Vu;
import io.liveload.core.plan.ConstantArrivalRate;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RampingArrivalRate;
import io.liveload.core.plan.RampingVus;
import io.liveload.core.plan.SharedIterations;
import io.liveload.core.plan.Stage;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Annotations and configuration parameters to plans, without running anything. */
class PlanFactoryTest {

    private static LoadPlan plan(String methodName, Map<String, String> config) {
        Method method = method(methodName);
        return new PlanFactory(key -> Optional.ofNullable(config.get(key)))
                .create(Workloads.class, method, exec -> vu -> {
                }, Optional::empty);
    }

    private static LoadPlan plan(String methodName) {
        return plan(methodName, Map.of());
    }

    private static ExecutorSpec executor(String methodName, Map<String, String> config) {
        return plan(methodName, config).scenarios().get(0).executor();
    }

    private static ExecutorSpec executor(String methodName) {
        return executor(methodName, Map.of());
    }

    private static Method method(String name) {
        for (Method method : Workloads.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("no test method " + name);
    }

    @Test
    void vusAndDurationStayConstantVus() {
        assertThat(executor("constantVus")).isEqualTo(new ConstantVus(10, Duration.ofSeconds(5)));
    }

    @Test
    void vusAndIterationsStayPerVuIterations() {
        assertThat(executor("perVuIterations")).isEqualTo(new PerVuIterations(2, 3));
    }

    @Test
    void bareLoadTestRunsOneIteration() {
        assertThat(executor("bare")).isEqualTo(new PerVuIterations(1, 1));
    }

    @Test
    void stagesInferRampingVus() {
        assertThat(executor("inferredRamping")).isEqualTo(new RampingVus(1, List.of(Stage.of("30s", 100),
                Stage.of("10s", 0))));
    }

    @Test
    void explicitExecutors() {
        assertThat(executor("sharedIterations")).isEqualTo(new SharedIterations(10, 1000));
        assertThat(executor("rampingVus")).isEqualTo(new RampingVus(0, List.of(Stage.of("30s", 100),
                Stage.of("1m", 100), Stage.of("10s", 0)), Duration.ofSeconds(5)));
        assertThat(executor("constantArrivalRate")).isEqualTo(new ConstantArrivalRate(50, Duration.ofSeconds(1),
                Duration.ofSeconds(10), 10, 50));
        assertThat(executor("rampingArrivalRate")).isEqualTo(new RampingArrivalRate(10, Duration.ofMinutes(1),
                List.of(Stage.of("1m", 100)), 5, 5));
        assertThat(executor("perVuWithMaxDuration")).isEqualTo(new PerVuIterations(2, 3, Duration.ofMinutes(2)));
    }

    @Test
    void configVusOverrides() {
        assertThat(executor("constantVus", Map.of(ConfigKeys.VUS, "4"))).isEqualTo(new ConstantVus(4,
                Duration.ofSeconds(5)));
    }

    @Test
    void configDurationReplacesIterations() {
        assertThat(executor("perVuIterations", Map.of(ConfigKeys.DURATION, "2s"))).isEqualTo(new ConstantVus(2,
                Duration.ofSeconds(2)));
    }

    @Test
    void configIterationsReplaceDuration() {
        assertThat(executor("constantVus", Map.of(ConfigKeys.ITERATIONS, "7"))).isEqualTo(new PerVuIterations(10, 7));
    }

    @Test
    void configStagesMakeRampingVus() {
        assertThat(executor("constantVus", Map.of(ConfigKeys.STAGES, "10s -> 5, 5s -> 0")))
                .isEqualTo(new RampingVus(1, List.of(Stage.of("10s", 5), Stage.of("5s", 0))));
    }

    @Test
    void configStagesOverrideRampingArrivalRate() {
        assertThat(executor("rampingArrivalRate", Map.of(ConfigKeys.STAGES, "30s -> 20")))
                .isEqualTo(new RampingArrivalRate(10, Duration.ofMinutes(1), List.of(Stage.of("30s", 20)), 5, 5));
    }

    @Test
    void configRateOverrides() {
        assertThat(executor("constantArrivalRate", Map.of(ConfigKeys.RATE, "80")))
                .isEqualTo(new ConstantArrivalRate(80, Duration.ofSeconds(1), Duration.ofSeconds(10), 10, 50));
    }

    @Test
    void configDurationOverridesArrivalRate() {
        assertThat(executor("constantArrivalRate", Map.of(ConfigKeys.DURATION, "1m")))
                .isEqualTo(new ConstantArrivalRate(50, Duration.ofSeconds(1), Duration.ofMinutes(1), 10, 50));
    }

    @Test
    void configVusIgnoredByArrivalRate() {
        assertThat(executor("constantArrivalRate", Map.of(ConfigKeys.VUS, "500")))
                .isEqualTo(new ConstantArrivalRate(50, Duration.ofSeconds(1), Duration.ofSeconds(10), 10, 50));
    }

    @Test
    void configRateIgnoredByConstantVus() {
        assertThat(executor("constantVus", Map.of(ConfigKeys.RATE, "50"))).isEqualTo(new ConstantVus(10,
                Duration.ofSeconds(5)));
    }

    @Test
    void scenariosFromAnnotations() {
        LoadPlan plan = plan("checkout");

        assertThat(plan.scenarios()).extracting(io.liveload.core.plan.Scenario::name)
                .containsExactly("browse", "buy");
        io.liveload.core.plan.Scenario buy = plan.scenarios().get(1);
        assertThat(buy.executor()).isEqualTo(new ConstantArrivalRate(50, Duration.ofSeconds(1),
                Duration.ofSeconds(90), 20, 100));
        assertThat(buy.startTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(buy.gracefulStop()).isEqualTo(Duration.ofSeconds(5));
        assertThat(buy.tags()).isEqualTo(Map.of("flow", "buy"));
        assertThat(buy.env()).isEqualTo(Map.of("USER", "alice"));
    }

    @Test
    void configAppliesToEveryScenario() {
        LoadPlan plan = plan("checkout", Map.of(ConfigKeys.RATE, "70", ConfigKeys.GRACEFUL_STOP, "1s"));

        assertThat(plan.scenarios().get(1).executor()).isEqualTo(new ConstantArrivalRate(70, Duration.ofSeconds(1),
                Duration.ofSeconds(90), 20, 100));
        assertThat(plan.scenarios()).allMatch(scenario -> scenario.gracefulStop().equals(Duration.ofSeconds(1)));
    }

    @Test
    void loadTestTagsAndEnvApplyToRun() {
        LoadPlan plan = plan("checkout");

        assertThat(plan.options().tags()).isEqualTo(Map.of("team", "shop"));
        assertThat(plan.options().env()).isEqualTo(Map.of("REGION", "test"));
    }

    @Test
    void configuredEnvWinsOverAnnotations() {
        LoadPlan plan = plan("checkout", Map.of(ConfigKeys.ENV_PREFIX + "REGION", "eu",
                ConfigKeys.ENV_PREFIX + "USER", "bob"));

        assertThat(plan.options().env()).isEqualTo(Map.of("REGION", "eu"));
        assertThat(plan.scenarios().get(1).env()).isEqualTo(Map.of("USER", "bob"));
    }

    @Test
    void warmupFromAnnotation() {
        assertThat(plan("warmedUp").options().warmup()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void warmupDefaultsToNone() {
        assertThat(plan("constantVus").options().warmup()).isEqualTo(Duration.ZERO);
    }

    @Test
    void configWarmupOverrides() {
        assertThat(plan("warmedUp", Map.of(ConfigKeys.WARMUP, "1m")).options().warmup())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void configWarmupTurnsOff() {
        assertThat(plan("warmedUp", Map.of(ConfigKeys.WARMUP, "0s")).options().hasWarmup()).isFalse();
    }

    @Test
    void warmupAllowedWithScenarios() {
        assertThat(plan("warmedUpScenarios").options().warmup()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void invalidWarmupRejected() {
        assertThatThrownBy(() -> plan("constantVus", Map.of(ConfigKeys.WARMUP, "five")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration parameter liveload.warmup \"five\"");
    }

    static Stream<Arguments> invalidWorkloads() {
        return Stream.of(
                Arguments.of("rateWithoutPool", "@LoadTest with executor = CONSTANT_ARRIVAL_RATE needs "
                        + "preAllocatedVus, the VUs started before the first iteration: add e.g. preAllocatedVus = 10"),
                Arguments.of("rateWithoutExecutor", "Invalid @LoadTest: rate = 50 needs an arrival-rate executor; "
                        + "add executor = CONSTANT_ARRIVAL_RATE (with rate and duration) or executor = "
                        + "RAMPING_ARRIVAL_RATE (with stages)"),
                Arguments.of("stagesWithIterations", "Conflicting @LoadTest options iterations = 5 and stages = "
                        + "{\"30s -> 10\"}: iterations makes a per-vu-iterations test and stages a ramping-vus test; "
                        + "set only one of them, or name the executor"),
                Arguments.of("durationWithIterations", "Conflicting @LoadTest options duration = \"5s\" and "
                        + "iterations = 5: duration makes a constant-vus test and iterations a per-vu-iterations "
                        + "test; set only one of them, or name the executor"),
                Arguments.of("stagesOnConstantVus", "Invalid @LoadTest: stages = {\"30s -> 10\"} does not apply to "
                        + "constant-vus, which takes vus, duration; stages belongs to executor = RAMPING_VUS or "
                        + "executor = RAMPING_ARRIVAL_RATE"),
                Arguments.of("vusOnRampingVus", "Invalid @LoadTest: vus = 10 does not apply to ramping-vus, which "
                        + "takes stages, startVus, gracefulRampDown; vus belongs to executor = CONSTANT_VUS or "
                        + "executor = PER_VU_ITERATIONS or executor = SHARED_ITERATIONS"),
                Arguments.of("startVusWithDuration", "Invalid @LoadTest: startVus = 0 does not apply to constant-vus "
                        + "(inferred from the options), which takes vus, duration; startVus belongs to executor = "
                        + "RAMPING_VUS"),
                Arguments.of("rampingWithoutStages", "@LoadTest with executor = RAMPING_VUS needs stages, the targets "
                        + "to move to over time: add e.g. stages = {\"30s -> 100\", \"1m -> 100\", \"10s -> 0\"}"),
                Arguments.of("badStage", "Invalid stage \"30s => 100\": expected \"duration -> target\", e.g. "
                        + "\"30s -> 100\" (@LoadTest stages)"),
                Arguments.of("badTimeUnit", "Invalid @LoadTest timeUnit \"1 sec\": expected a number with a unit"),
                Arguments.of("maxVusBelowPool", "Invalid maxVUs 5 for constant-arrival-rate: it must be at least "
                        + "preAllocatedVUs (10) (@LoadTest)"),
                Arguments.of("negativeVus", "Invalid vus = -3 (@LoadTest): it must be a positive number"),
                Arguments.of("moreVusThanIterations", "Invalid shared-iterations: 10 vus for 5 iterations would "
                        + "leave VUs without work; use at most as many vus as iterations (@LoadTest)"),
                Arguments.of("scenarioAndLoadTestOptions", "@LoadTest on scenarioAndLoadTestOptions sets vus = 5, "
                        + "but the method's @Scenario annotations describe the whole workload: move these options "
                        + "into the @Scenario annotations"),
                Arguments.of("unknownExec", "@Scenario \"buy\" names exec = \"purchase\", but "
                        + Workloads.class.getName() + " has no method of that name that takes one Vu parameter or "
                        + "none"),
                Arguments.of("sameScenarioNames", "Two scenarios are named \"a\": give each scenario its own name"),
                Arguments.of("badScenarioTag", "Invalid tag \"flow\" in @Scenario \"a\": expected \"key=value\", "
                        + "e.g. \"team=checkout\""),
                Arguments.of("badScenarioStage", "Invalid stage \"10 -> 5\": Invalid stage duration \"10\": expected "
                        + "a number with a unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidWorkloads")
    void invalidWorkloadRejected(String methodName, String message) {
        assertThatThrownBy(() -> plan(methodName))
                .isInstanceOf(IllegalArgumentException.class)
                .message().startsWith(message);
    }

    @Test
    void invalidConfigStageRejected() {
        assertThatThrownBy(() -> plan("constantVus", Map.of(ConfigKeys.STAGES, "10s to 5")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid stage \"10s to 5\": expected \"duration -> target\", e.g. \"30s -> 100\" "
                        + "(configuration parameter liveload.stages)");
    }

    @Test
    void conflictingConfigRejected() {
        assertThatThrownBy(() -> plan("constantVus", Map.of(ConfigKeys.STAGES, "10s -> 5", ConfigKeys.DURATION, "5s")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Conflicting configuration parameters liveload.duration=5s and "
                        + "liveload.stages=10s -> 5");
    }

    @SuppressWarnings("unused")
    static class Workloads {

        @LoadTest(vus = 10, duration = "5s")
        void constantVus(Vu vu) {
        }

        @LoadTest(vus = 10, duration = "5s", warmup = "5s")
        void warmedUp(Vu vu) {
        }

        @LoadTest(warmup = "2s")
        @Scenario(name = "browse", vus = 2, duration = "5s")
        void warmedUpScenarios(Vu vu) {
        }

        @LoadTest(vus = 2, iterations = 3)
        void perVuIterations(Vu vu) {
        }

        @LoadTest
        void bare(Vu vu) {
        }

        @LoadTest(stages = {"30s -> 100", "10s -> 0"})
        void inferredRamping(Vu vu) {
        }

        @LoadTest(executor = SHARED_ITERATIONS, vus = 10, iterations = 1000)
        void sharedIterations(Vu vu) {
        }

        @LoadTest(executor = RAMPING_VUS, startVus = 0, stages = {"30s -> 100", "1m -> 100", "10s -> 0"},
                gracefulRampDown = "5s")
        void rampingVus(Vu vu) {
        }

        @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 50, timeUnit = "1s", duration = "10s",
                preAllocatedVus = 10, maxVus = 50)
        void constantArrivalRate(Vu vu) {
        }

        @LoadTest(executor = RAMPING_ARRIVAL_RATE, startRate = 10, timeUnit = "1m", stages = "1m -> 100",
                preAllocatedVus = 5)
        void rampingArrivalRate(Vu vu) {
        }

        @LoadTest(executor = PER_VU_ITERATIONS, vus = 2, iterations = 3, maxDuration = "2m")
        void perVuWithMaxDuration(Vu vu) {
        }

        @LoadTest(tags = "team=shop", env = "REGION=test")
        @Scenario(name = "browse", executor = RAMPING_VUS, stages = {"30s -> 100", "1m -> 100", "10s -> 0"})
        @Scenario(name = "buy", exec = "buy", executor = CONSTANT_ARRIVAL_RATE, rate = 50, duration = "90s",
                preAllocatedVus = 20, maxVus = 100, startTime = "30s", gracefulStop = "5s", tags = "flow=buy",
                env = "USER=alice")
        void checkout(Vu vu) {
        }

        void buy(Vu vu) {
        }

        @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 50, duration = "10s")
        void rateWithoutPool(Vu vu) {
        }

        @LoadTest(rate = 50, duration = "10s", preAllocatedVus = 5)
        void rateWithoutExecutor(Vu vu) {
        }

        @LoadTest(iterations = 5, stages = "30s -> 10")
        void stagesWithIterations(Vu vu) {
        }

        @LoadTest(duration = "5s", iterations = 5)
        void durationWithIterations(Vu vu) {
        }

        @LoadTest(executor = CONSTANT_VUS, duration = "5s", stages = "30s -> 10")
        void stagesOnConstantVus(Vu vu) {
        }

        @LoadTest(executor = RAMPING_VUS, vus = 10, stages = "30s -> 10")
        void vusOnRampingVus(Vu vu) {
        }

        @LoadTest(startVus = 0, duration = "5s")
        void startVusWithDuration(Vu vu) {
        }

        @LoadTest(executor = RAMPING_VUS)
        void rampingWithoutStages(Vu vu) {
        }

        @LoadTest(stages = "30s => 100")
        void badStage(Vu vu) {
        }

        @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 5, timeUnit = "1 sec", duration = "5s", preAllocatedVus = 1)
        void badTimeUnit(Vu vu) {
        }

        @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 5, duration = "5s", preAllocatedVus = 10, maxVus = 5)
        void maxVusBelowPool(Vu vu) {
        }

        @LoadTest(vus = -3)
        void negativeVus(Vu vu) {
        }

        @LoadTest(executor = SHARED_ITERATIONS, vus = 10, iterations = 5)
        void moreVusThanIterations(Vu vu) {
        }

        @LoadTest(vus = 5)
        @Scenario(name = "a", iterations = 1)
        void scenarioAndLoadTestOptions(Vu vu) {
        }

        @LoadTest
        @Scenario(name = "buy", exec = "purchase", iterations = 1)
        void unknownExec(Vu vu) {
        }

        @LoadTest
        @Scenario(name = "a", iterations = 1)
        @Scenario(name = "a", iterations = 2)
        void sameScenarioNames(Vu vu) {
        }

        @LoadTest
        @Scenario(name = "a", tags = "flow")
        void badScenarioTag(Vu vu) {
        }

        @LoadTest
        @Scenario(name = "a", stages = "10 -> 5")
        void badScenarioStage(Vu vu) {
        }
    }
}
