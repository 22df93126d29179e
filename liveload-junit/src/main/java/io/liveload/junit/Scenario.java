package io.liveload.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One scenario of a {@link LoadTest} method that runs several workloads in parallel. The scenarios replace the
 * single workload of {@code @LoadTest}; each runs a method of the test class as its iteration, by default the
 * annotated method itself. Every sample carries the tag {@code scenario} = {@link #name()}, so thresholds can
 * select one scenario: {@code http_req_duration{scenario:buy}}.
 *
 * <pre>{@code
 * @LoadTest
 * @Scenario(name = "browse", executor = RAMPING_VUS, stages = {"30s -> 100", "1m -> 100", "10s -> 0"})
 * @Scenario(name = "buy", exec = "buy", executor = CONSTANT_ARRIVAL_RATE, rate = 50, duration = "90s",
 *           preAllocatedVus = 20, maxVus = 100, startTime = "30s")
 * @Threshold(metric = "http_req_duration{scenario:buy}", condition = "p(95) < 500ms")
 * void browse(Vu vu) { ... }
 *
 * void buy(Vu vu) { ... }
 * }</pre>
 *
 * <p>The executor options mean what they mean on {@link LoadTest}; configuration parameters override them in
 * every scenario whose executor takes them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Scenarios.class)
public @interface Scenario {

    /** The scenario's name, unique in the test: letters, digits, {@code _} and {@code -}. */
    String name();

    /**
     * The method of the test class that runs one iteration, taking one {@link io.liveload.core.Vu} parameter or
     * none; empty (the default) means the annotated method.
     */
    String exec() default "";

    /** See {@link LoadTest#executor()}. */
    ExecutorType executor() default ExecutorType.AUTO;

    /** See {@link LoadTest#vus()}. */
    int vus() default 0;

    /** See {@link LoadTest#duration()}. */
    String duration() default "";

    /** See {@link LoadTest#iterations()}. */
    long iterations() default 0;

    /** See {@link LoadTest#stages()}. */
    String[] stages() default {};

    /** See {@link LoadTest#startVus()}. */
    int startVus() default -1;

    /** See {@link LoadTest#rate()}. */
    long rate() default 0;

    /** See {@link LoadTest#timeUnit()}. */
    String timeUnit() default "";

    /** See {@link LoadTest#startRate()}. */
    long startRate() default -1;

    /** See {@link LoadTest#preAllocatedVus()}. */
    int preAllocatedVus() default 0;

    /** See {@link LoadTest#maxVus()}. */
    int maxVus() default 0;

    /** See {@link LoadTest#gracefulRampDown()}. */
    String gracefulRampDown() default "";

    /** See {@link LoadTest#maxDuration()}. */
    String maxDuration() default "";

    /** See {@link LoadTest#gracefulStop()}. */
    String gracefulStop() default "30s";

    /** Delay after the run's start before this scenario begins, e.g. {@code "30s"}. */
    String startTime() default "0s";

    /** Tags added to every sample of this scenario, each {@code "key=value"}. */
    String[] tags() default {};

    /**
     * Variables that this scenario's iterations read with {@code vu.env(name)}, each {@code "NAME=value"}; they
     * win over the run's variables.
     */
    String[] env() default {};
}
