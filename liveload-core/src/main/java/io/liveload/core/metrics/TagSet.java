package io.liveload.core.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of tags (key-value pairs) that identifies one series of a metric, such as
 * {@code {method:GET, name:settings, status:200}}. Keys are unique and kept sorted, so two tag sets with the
 * same pairs are equal whatever order they were built in. Instances are cheap to compare and hash; callers on
 * hot paths should build a tag set once and reuse it.
 */
public final class TagSet {

    /** The tag set with no tags. */
    public static final TagSet EMPTY = new TagSet(new String[0]);

    /** Keys and values interleaved: key0, value0, key1, value1, ..., sorted by key. */
    private final String[] pairs;
    private final int hash;

    private TagSet(String[] pairs) {
        this.pairs = pairs;
        this.hash = Arrays.hashCode(pairs);
    }

    /**
     * Returns a tag set of the given keys and values, interleaved: {@code of("method", "GET", "status", "200")}.
     *
     * @throws IllegalArgumentException when a key or value is null, a key is empty or the count is odd
     */
    public static TagSet of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Tags must be given as key-value pairs, got "
                    + keysAndValues.length + " strings");
        }
        TagSet tags = EMPTY;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags = tags.with(keysAndValues[i], keysAndValues[i + 1]);
        }
        return tags;
    }

    /** Returns a tag set of the entries of the map. */
    public static TagSet of(Map<String, String> tags) {
        TagSet result = EMPTY;
        for (Map.Entry<String, String> entry : tags.entrySet()) {
            result = result.with(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /** Returns a tag set with the tag added, or with its value replaced when the key is present. */
    public TagSet with(String key, String value) {
        Objects.requireNonNull(key, "tag key");
        Objects.requireNonNull(value, () -> "value of tag \"" + key + "\"");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Tag keys must not be empty");
        }
        int index = indexOf(key);
        if (index >= 0) {
            if (pairs[index + 1].equals(value)) {
                return this;
            }
            String[] copy = pairs.clone();
            copy[index + 1] = value;
            return new TagSet(copy);
        }
        int insertAt = -index - 1;
        String[] copy = new String[pairs.length + 2];
        System.arraycopy(pairs, 0, copy, 0, insertAt);
        copy[insertAt] = key;
        copy[insertAt + 1] = value;
        System.arraycopy(pairs, insertAt, copy, insertAt + 2, pairs.length - insertAt);
        return new TagSet(copy);
    }

    /** Returns a tag set with the tags of {@code other} added, its values winning on equal keys. */
    public TagSet withAll(TagSet other) {
        TagSet result = this;
        for (int i = 0; i < other.pairs.length; i += 2) {
            result = result.with(other.pairs[i], other.pairs[i + 1]);
        }
        return result;
    }

    /** Returns a tag set without the given key. */
    public TagSet without(String key) {
        int index = indexOf(key);
        if (index < 0) {
            return this;
        }
        String[] copy = new String[pairs.length - 2];
        System.arraycopy(pairs, 0, copy, 0, index);
        System.arraycopy(pairs, index + 2, copy, index, pairs.length - index - 2);
        return new TagSet(copy);
    }

    /** Returns the value of the tag, or null when absent. */
    public String get(String key) {
        int index = indexOf(key);
        return index >= 0 ? pairs[index + 1] : null;
    }

    /** Returns whether every tag of {@code filter} is in this set with the same value. */
    public boolean containsAll(TagSet filter) {
        for (int i = 0; i < filter.pairs.length; i += 2) {
            int index = indexOf(filter.pairs[i]);
            if (index < 0 || !pairs[index + 1].equals(filter.pairs[i + 1])) {
                return false;
            }
        }
        return true;
    }

    /** Returns the number of tags. */
    public int size() {
        return pairs.length / 2;
    }

    /** Returns whether the set has no tags. */
    public boolean isEmpty() {
        return pairs.length == 0;
    }

    /** Returns the tags as an unmodifiable map, in key order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Binary search over the keys; returns the pair index of the key, or -(insertion pair index) - 1. */
    private int indexOf(String key) {
        int low = 0;
        int high = pairs.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int comparison = pairs[mid * 2].compareTo(key);
            if (comparison < 0) {
                low = mid + 1;
            } else if (comparison > 0) {
                high = mid - 1;
            } else {
                return mid * 2;
            }
        }
        return -(low * 2) - 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TagSet tags && hash == tags.hash && Arrays.equals(pairs, tags.pairs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Returns the k6 form of the tags, {@code {key:value,key:value}}, or {@code {}} when empty. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                text.append(',');
            }
            text.append(pairs[i]).append(':').append(pairs[i + 1]);
        }
        return text.append('}').toString();
    }
}
