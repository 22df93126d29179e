package io.liveload.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pass/fail criterion of a load test in k6's syntax, e.g.
 * {@code @Threshold(metric = "http_req_duration", condition = "p(95) < 500ms")}. Repeatable; on a class it
 * applies to every {@link LoadTest} of the class. An invalid condition or an unknown metric fails the test
 * before any load is sent.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Thresholds.class)
public @interface Threshold {

    /** The metric, optionally with a tag filter: {@code http_req_duration} or {@code http_req_duration{name:settings}}. */
    String metric();

    /** The condition: {@code p(95) < 500ms}, {@code rate == 1}, {@code avg <= 200}, {@code count > 100}. */
    String condition();

    /** Whether a breach stops the run early; checked once a second during the run. */
    boolean abortOnFail() default false;

    /** Time after the start before abortOnFail checks begin, as a k6 duration string. */
    String delayAbortEval() default "0s";
}
