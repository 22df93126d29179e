package io.liveload.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method as a load test. The method body is one iteration of one virtual user (VU); liveload calls
 * it again and again on every VU, then prints a k6-style summary, writes
 * {@code target/liveload/<test class>/<test method>/summary.json}, and fails the test with an
 * {@code AssertionFailedError} listing every breached {@link Threshold}.
 *
 * <p>The method takes one {@link io.liveload.core.Vu} parameter (or none). The workload is one of k6's executors,
 * with k6's option names:
 *
 * <pre>{@code
 * @LoadTest(vus = 10, duration = "30s")                                       // constant-vus
 * @LoadTest(vus = 10, iterations = 5)                                         // per-vu-iterations
 * @LoadTest(executor = SHARED_ITERATIONS, vus = 10, iterations = 1000)
 * @LoadTest(stages = {"30s -> 100", "1m -> 100", "10s -> 0"})                 // ramping-vus
 * @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 50, duration = "2m", preAllocatedVus = 10, maxVus = 50)
 * @LoadTest(executor = RAMPING_ARRIVAL_RATE, startRate = 10, stages = {"1m -> 100"}, preAllocatedVus = 50)
 * }</pre>
 *
 * <p>Without an executor, {@link ExecutorType#AUTO} infers it as k6 does for its shortcut options; without
 * {@code duration}, {@code iterations} or {@code stages}, each VU runs one iteration. An option that the executor
 * does not take, or a missing required one, fails the test before any load is sent, naming the option.
 *
 * <p>Several scenarios in one test: add {@link Scenario} annotations to the method, which then describe the whole
 * workload; the {@code @LoadTest} itself keeps only run-wide attributes ({@code baseUrl}, {@code tags},
 * {@code env}, {@code warmup}).
 *
 * <p>Times are k6 duration strings ({@code 500ms}, {@code 10s}, {@code 1m30s}). Configuration parameters override
 * the attributes without code changes ({@code -Dliveload.vus=500} or {@code junit-platform.properties}); see
 * {@link ConfigKeys}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(LoadTestExtension.class)
public @interface LoadTest {

    /** The executor; {@link ExecutorType#AUTO} (the default) infers it from the options. */
    ExecutorType executor() default ExecutorType.AUTO;

    /** Number of VUs for constant-vus, per-vu-iterations and shared-iterations; 0 (the default) means 1. */
    int vus() default 0;

    /**
     * How long iterations are started, for constant-vus and constant-arrival-rate, e.g. {@code "30s"}; empty means
     * not set.
     */
    String duration() default "";

    /** Iterations per VU (per-vu-iterations) or in total (shared-iterations); 0 (the default) means 1. */
    long iterations() default 0;

    /**
     * Stages of ramping-vus (VU targets) or ramping-arrival-rate (rates per {@code timeUnit}), each written
     * {@code "duration -> target"}, e.g. {@code {"30s -> 100", "1m -> 100", "10s -> 0"}}.
     */
    String[] stages() default {};

    /** VUs at the start of ramping-vus; -1 (the default) means k6's default of 1. */
    int startVus() default -1;

    /** Iterations started per {@code timeUnit} by constant-arrival-rate; 0 (the default) means not set. */
    long rate() default 0;

    /** The period of {@code rate} and of ramping-arrival-rate's stages, e.g. {@code "1m"}; empty means 1s. */
    String timeUnit() default "";

    /** Iterations per {@code timeUnit} at the start of ramping-arrival-rate; -1 (the default) means 0. */
    long startRate() default -1;

    /**
     * VUs an arrival-rate executor starts before its first iteration; required there. Size it as the rate times
     * the expected iteration time: 50 iterations per second of 200 ms each keep about 10 VUs busy.
     */
    int preAllocatedVus() default 0;

    /**
     * The most VUs an arrival-rate executor may grow its pool to; 0 (the default) means {@code preAllocatedVus}.
     * An iteration due while all of them are busy is dropped and counted in {@code dropped_iterations}.
     */
    int maxVus() default 0;

    /** How long a VU removed by a ramp-down of ramping-vus may finish its iteration; empty means 30s. */
    String gracefulRampDown() default "";

    /**
     * Time after which per-vu-iterations and shared-iterations start no new iteration; empty means k6's 10m.
     */
    String maxDuration() default "";

    /** How long iterations still running at the end may finish before they are interrupted (k6's default 30s). */
    String gracefulStop() default "30s";

    /**
     * How long the plan runs before the measured run, e.g. {@code "5s"}, so that class loading, JIT compilation
     * and the server's own warm-up do not show in the figures. The warm-up's samples, checks and errors are
     * discarded: they count in no metric, threshold, summary or report. Empty (the default) or {@code "0s"}
     * means no warm-up.
     */
    String warmup() default "";

    /** Base URL that relative request URLs resolve against; empty means none (or a {@link BaseUrl} method). */
    String baseUrl() default "";

    /** Tags added to every sample of the run, each {@code "key=value"}, e.g. {@code {"team=checkout"}}. */
    String[] tags() default {};

    /**
     * Variables that the iterations read with {@code vu.env(name)}, each {@code "NAME=value"}; the configuration
     * parameter {@code liveload.env.NAME} wins over them.
     */
    String[] env() default {};
}
