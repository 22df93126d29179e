package io.liveload.core.dsl;

import io.liveload.core.plan.Scenario;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The options every scenario has, whatever its executor. Immutable. */
record CommonOptions(Duration startTime, Duration gracefulStop, Map<String, String> tags, Map<String, String> env) {

    static final CommonOptions DEFAULTS = new CommonOptions(Duration.ZERO, Scenario.DEFAULT_GRACEFUL_STOP, Map.of(),
            Map.of());

    CommonOptions {
        tags = Map.copyOf(tags);
        env = Map.copyOf(env);
    }

    CommonOptions withStartTime(Duration value) {
        return new CommonOptions(Times.notNegative(value, "startTime"), gracefulStop, tags, env);
    }

    CommonOptions withGracefulStop(Duration value) {
        return new CommonOptions(startTime, Times.notNegative(value, "gracefulStop"), tags, env);
    }

    CommonOptions withTag(String key, String value) {
        return new CommonOptions(startTime, gracefulStop, put(tags, key, value, "tag"), env);
    }

    CommonOptions withEnv(String name, String value) {
        return new CommonOptions(startTime, gracefulStop, tags, put(env, name, value, "environment variable"));
    }

    private static Map<String, String> put(Map<String, String> map, String key, String value, String what) {
        Objects.requireNonNull(key, what + " name");
        Objects.requireNonNull(value, () -> what + " " + key);
        if (key.isBlank()) {
            throw new IllegalArgumentException("Invalid " + what + " name \"" + key + "\": it cannot be blank");
        }
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
