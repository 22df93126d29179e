package io.liveload.junit;

import io.liveload.core.ConfigurationException;
import io.liveload.core.internal.Spelling;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rejects {@code liveload.} system properties that name no configuration parameter, so that a misspelled
 * {@code -Dliveload.vu=500} fails the test instead of running it with the annotation's VUs. The known names are the
 * {@link ConfigKeys} constants, and every name under {@link ConfigKeys#ENV_PREFIX}. JUnit offers no way to list the
 * parameters of {@code junit-platform.properties} or of the launcher, so only system properties are checked.
 */
final class UnknownKeys {

    private static final String PREFIX = "liveload.";
    private static final Set<String> KNOWN = knownKeys();

    private UnknownKeys() {
    }

    private static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        for (Field field : ConfigKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read ConfigKeys." + field.getName(), e);
                }
            }
        }
        keys.remove(ConfigKeys.ENV_PREFIX);
        return Set.copyOf(keys);
    }

    /**
     * Checks the names of the JVM's system properties.
     *
     * @throws ConfigurationException naming the first unknown {@code liveload.} key, the closest known one and all
     *                                known keys
     */
    static void reject(Set<String> propertyNames) {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(propertyNames)) {
            if (name.startsWith(PREFIX) && !KNOWN.contains(name) && !name.startsWith(ConfigKeys.ENV_PREFIX)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        String name = unknown.get(0);
        String closest = Spelling.closest(name, KNOWN);
        throw new ConfigurationException("Unknown configuration parameter " + name + " (a system property)"
                + (closest == null ? "" : ": did you mean " + closest + "?") + " Known parameters: "
                + String.join(", ", new TreeSet<>(KNOWN)) + ", and " + ConfigKeys.ENV_PREFIX + "NAME for variables");
    }
}
