package io.liveload.core.dsl;

import io.liveload.core.VuScript;
import io.liveload.core.plan.ExecutorSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * The last step of a scenario: the options every executor shares, then {@link #exec(VuScript)}, which completes
 * the scenario. Each method returns a new step and leaves this one unchanged.
 *
 * @param <S> the executor's own step type, so that its options stay offered after a shared option
 */
public abstract class ScenarioOptions<S extends ScenarioOptions<S>> {

    final CommonOptions common;

    ScenarioOptions(CommonOptions common) {
        this.common = common;
    }

    /** Returns this step with other shared options. */
    abstract S with(CommonOptions newCommon);

    /** Returns the executor options chosen so far; validates them. */
    abstract ExecutorSpec executor();

    /**
     * Delays the scenario's start by {@code delay} after the run's start (k6's {@code startTime}), e.g. to begin
     * a second workload once the first has ramped up. Default: zero.
     *
     * @throws IllegalArgumentException when the delay is negative
     */
    public S startTime(Duration delay) {
        return with(common.withStartTime(delay));
    }

    /** Delays the scenario's start by a k6 duration string such as {@code "30s"}; see {@link #startTime(Duration)}. */
    public S startTime(String delay) {
        return startTime(Times.parse(delay, "startTime"));
    }

    /**
     * Sets how long iterations still running when the executor ends may finish before they are interrupted and
     * counted as interrupted (k6's {@code gracefulStop}). Default: 30 s. Zero interrupts them at once.
     *
     * @throws IllegalArgumentException when the time is negative
     */
    public S gracefulStop(Duration time) {
        return with(common.withGracefulStop(time));
    }

    /** Sets the graceful stop as a k6 duration string such as {@code "5s"}; see {@link #gracefulStop(Duration)}. */
    public S gracefulStop(String time) {
        return gracefulStop(Times.parse(time, "gracefulStop"));
    }

    /**
     * Adds a tag to every sample of this scenario, next to the {@code scenario} tag every sample has, so
     * thresholds can select it: {@code http_req_duration{flow:checkout}}. A later value for the same key wins.
     */
    public S tag(String key, String value) {
        return with(common.withTag(key, value));
    }

    /**
     * Sets a variable that this scenario's script reads with {@code vu.env(name)}; it wins over the plan's
     * variables and the process environment.
     */
    public S env(String name, String value) {
        return with(common.withEnv(name, value));
    }

    /**
     * Completes the scenario with the script that each VU runs as one iteration, again and again.
     *
     * @throws IllegalArgumentException when the executor options do not fit together, e.g. maxVus below
     *                                  preAllocatedVus
     */
    public ScenarioDefinition exec(VuScript script) {
        Objects.requireNonNull(script, "script");
        return new ScenarioDefinition(executor(), common, script);
    }
}
