package io.liveload.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of the test class that returns the base URL (a {@code String} or {@code java.net.URI}), for a
 * target that is only known at run time, such as an app the test class started on a free port. It is called
 * after {@code @BeforeAll} and {@code @BeforeEach}; static or instance, no parameters. The configuration
 * parameter {@code liveload.baseUrl} still wins over it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BaseUrl {
}
