package io.liveload.core.plan;

import io.liveload.core.VuScript;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One workload of a plan: an executor that schedules VUs running a script, with its own start time, graceful
 * stop, tags and environment. Scenarios of a plan run in parallel.
 *
 * @param name         unique in the plan; letters, digits, {@code _} and {@code -}; tags every sample as
 *                     {@code scenario}
 * @param executor     how VUs and iterations are scheduled
 * @param startTime    delay after the run's start before this scenario begins
 * @param gracefulStop how long iterations still running at the executor's end may finish before they are
 *                     interrupted (k6's default is 30 s)
 * @param script       one iteration
 * @param tags         tags added to every sample of this scenario
 * @param env          variables the script reads with {@code vu.env(name)}, over the plan's
 */
public record Scenario(String name, ExecutorSpec executor, Duration startTime, Duration gracefulStop,
                       VuScript script, Map<String, String> tags, Map<String, String> env) {

    /** k6's default graceful stop. */
    public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public Scenario {
        Objects.requireNonNull(name, "scenario name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid scenario name \"" + name
                    + "\": use 1 to 100 letters, digits, _ or -");
        }
        Objects.requireNonNull(executor, () -> "executor of scenario " + name);
        Objects.requireNonNull(script, () -> "script of scenario " + name);
        if (startTime == null || startTime.isNegative()) {
            throw new IllegalArgumentException("Invalid startTime of scenario " + name + ": it must be zero or longer");
        }
        if (gracefulStop == null || gracefulStop.isNegative()) {
            throw new IllegalArgumentException("Invalid gracefulStop of scenario " + name + ": it must be zero or longer");
        }
        tags = Map.copyOf(tags);
        env = Map.copyOf(env);
    }

    /** Returns a scenario that starts at once, with the default graceful stop and no tags or environment. */
    public static Scenario of(String name, ExecutorSpec executor, VuScript script) {
        return new Scenario(name, executor, Duration.ZERO, DEFAULT_GRACEFUL_STOP, script, Map.of(), Map.of());
    }

    /** Returns this scenario with another graceful stop. */
    public Scenario withGracefulStop(Duration newGracefulStop) {
        return new Scenario(name, executor, startTime, newGracefulStop, script, tags, env);
    }

    /** Returns this scenario with another executor. */
    public Scenario withExecutor(ExecutorSpec newExecutor) {
        return new Scenario(name, newExecutor, startTime, gracefulStop, script, tags, env);
    }

    /** Returns the time from the run's start to the end of this scenario's graceful stop, its hard bound. */
    public Duration maxEnd() {
        return startTime.plus(executor.maxDuration()).plus(gracefulStop);
    }
}
