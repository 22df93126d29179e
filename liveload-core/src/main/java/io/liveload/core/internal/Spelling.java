package io.liveload.core.internal;

import java.util.Collection;
import java.util.Locale;

/** Finds the known name a misspelled one was meant to be, for "did you mean" hints in error messages. */
public final class Spelling {

    /** The largest edit distance at which a known name still counts as meant. */
    public static final int MAX_EDITS = 3;

    private Spelling() {
    }

    /**
     * Returns the candidate closest to the name, ignoring case, when it is within {@link #MAX_EDITS} edits
     * (Levenshtein distance) and is not the name itself, or null.
     */
    public static String closest(String name, Collection<String> candidates) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : candidates) {
            int distance = distance(lowerName, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && !candidate.equals(name)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Returns the Levenshtein distance of two strings. */
    static int distance(String a, String b) {
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
