package io.liveload.core;

import io.liveload.core.http.Http;
import io.liveload.core.liveview.LiveViewClient;
import io.liveload.core.phoenix.PhoenixClient;
import io.liveload.core.ws.WebSockets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * A virtual user: the handle a scenario's iteration receives. Each VU runs on its own thread (a virtual
 * thread on Java 21+) and has its own cookie jar and connections, as in k6. A VU object is used by its own
 * thread only; do not share it with other threads.
 */
public interface Vu {

    /** Returns the VU's number, unique in the run and starting at 1 (k6's {@code __VU}). */
    int id();

    /** Returns the number of the current iteration of this VU in its scenario, starting at 0 (k6's {@code __ITER}). */
    long iteration();

    /** Returns the name of the scenario this VU runs. */
    String scenario();

    /** Returns this VU's HTTP client. */
    Http http();

    /**
     * Returns this VU's websocket client (k6's {@code ws}). It shares the HTTP client's cookie jar; its
     * sessions may outlive an iteration and are closed when the VU ends.
     */
    WebSockets ws();

    /**
     * Returns this VU's Phoenix Channels client, built on {@link #ws()}. Its sockets may outlive an iteration
     * and are closed when the VU ends.
     */
    PhoenixClient phoenix();

    /**
     * Returns this VU's Phoenix LiveView client, built on {@link #http()} and {@link #phoenix()}. A page it
     * opens is closed at the end of the iteration that opened it, unless the script keeps it with
     * {@link #getOrCreate}; pages still open when the VU ends are closed then.
     */
    LiveViewClient liveView();

    /**
     * Records a check on a value: the outcome goes to the {@code checks} rate, tagged with {@code check} =
     * the name. A condition that throws counts as failed and the exception is counted as an error; the
     * iteration goes on.
     *
     * @return whether the condition held
     */
    <T> boolean check(T value, String name, Predicate<? super T> condition);

    /**
     * Pauses the VU (think time). When the run stops hard (after its graceful stop) the sleep ends at once
     * and the iteration is ended as interrupted.
     */
    void sleep(Duration duration);

    /**
     * Runs the body as a named group: samples recorded inside are tagged {@code group} = {@code ::name}
     * (nested groups give {@code ::outer::inner}) and its time goes to {@code group_duration}. An exception
     * from the body propagates after the group's time is recorded.
     */
    void group(String name, Runnable body);

    /** Runs the body as a named group and returns its result; see {@link #group(String, Runnable)}. */
    <T> T group(String name, Callable<T> body) throws Exception;

    /**
     * Returns a variable of the run's environment (k6's {@code __ENV}): the scenario's {@code env}, then the run's
     * ({@code @LoadTest(env)} or the DSL's {@code env(...)}), then {@link io.liveload.core.plan.RunOptions#environment()}, which under JUnit
     * reads the {@code liveload.env.NAME} configuration parameter and then the process environment. Under JUnit a
     * {@code liveload.env.NAME} parameter also replaces the annotations' value of that name.
     */
    Optional<String> env(String name);

    /** Adds a tag to every sample this VU records from now on, until the scenario ends. */
    void tag(String key, String value);

    /**
     * Adds a value to a custom counter, with optional tags as key-value pairs: {@code vu.add(ITEMS, 3, "shop", "eu")}.
     * The VU's tags (scenario, group) are added too.
     */
    void add(io.liveload.core.metrics.Counter counter, double value, String... tags);

    /** Sets a custom gauge; see {@link #add(io.liveload.core.metrics.Counter, double, String...)} for tags. */
    void set(io.liveload.core.metrics.Gauge gauge, double value, String... tags);

    /** Adds an outcome to a custom rate; see {@link #add(io.liveload.core.metrics.Counter, double, String...)}. */
    void add(io.liveload.core.metrics.Rate rate, boolean value, String... tags);

    /**
     * Adds a value to a custom trend: milliseconds for a time trend, the plain value otherwise; see
     * {@link #add(io.liveload.core.metrics.Counter, double, String...)} for tags.
     */
    void add(io.liveload.core.metrics.Trend trend, double value, String... tags);

    /** Adds a duration to a custom time trend. */
    void add(io.liveload.core.metrics.Trend trend, Duration value, String... tags);

    /**
     * Returns this VU's value for the key, creating it on first use: per-VU state that lives across iterations,
     * since all VUs share the test class instance. A value that is {@link AutoCloseable} (a LiveView, a
     * websocket session) stays open across iterations and is closed when the VU ends, instead of at the end of
     * the iteration that opened it:
     * <pre>{@code
     * LiveView counter = vu.getOrCreate("counter", () -> vu.liveView().open("/counter"));
     * }</pre>
     */
    <T> T getOrCreate(String key, java.util.function.Supplier<? extends T> factory);

    /** Removes this VU's value for the key, closing it when it is {@link AutoCloseable}. */
    void forget(String key);
}
