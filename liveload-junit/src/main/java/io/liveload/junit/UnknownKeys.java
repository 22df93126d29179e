package io.liveload.junit;

import io.liveload.core.ConfigurationException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        String closest = closest(name);
        throw new ConfigurationException("Unknown configuration parameter " + name + " (a system property)"
                + (closest == null ? "" : ": did you mean " + closest + "?") + " Known parameters: "
                + String.join(", ", new TreeSet<>(KNOWN)) + ", and " + ConfigKeys.ENV_PREFIX + "NAME for variables");
    }

    /** Returns the known key within 3 edits of the name, ignoring case, or null. */
    private static String closest(String name) {
        String best = null;
        int bestDistance = 4;
        for (String key : KNOWN) {
            int distance = distance(name.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Returns the Levenshtein distance of two strings. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
