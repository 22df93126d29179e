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
 * <p>The method takes one {@link io.liveload.core.Vu} parameter (or none). Without {@code duration} or
 * {@code iterations}, each VU runs one iteration, as in k6.
 *
 * <p>Configuration parameters override the attributes without code changes ({@code -Dliveload.vus=500} or
 * {@code junit-platform.properties}): {@code liveload.vus}, {@code liveload.duration}, {@code liveload.iterations},
 * {@code liveload.gracefulStop}, {@code liveload.baseUrl}; see the README for the full list.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(LoadTestExtension.class)
public @interface LoadTest {

    /** Number of VUs, at least 1. */
    int vus() default 1;

    /**
     * How long VUs start new iterations, as a k6 duration string ({@code 500ms}, {@code 10s}, {@code 1m30s}).
     * Empty means iteration-based. Cannot be combined with {@link #iterations()}.
     */
    String duration() default "";

    /** Iterations per VU, instead of a duration; 0 means not set. */
    long iterations() default 0;

    /** How long iterations still running at the end may finish before they are interrupted (k6's default 30s). */
    String gracefulStop() default "30s";

    /** Base URL that relative request URLs resolve against; empty means none (or a {@link BaseUrl} method). */
    String baseUrl() default "";
}
