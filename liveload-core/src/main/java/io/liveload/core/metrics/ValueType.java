package io.liveload.core.metrics;

/** What a metric's values measure; k6 calls this "contains". */
public enum ValueType {
    /** Plain numbers. */
    DEFAULT("default"),
    /** Durations, reported in milliseconds and recorded in microseconds. */
    TIME("time"),
    /** Byte counts. */
    DATA("data");

    private final String k6Name;

    ValueType(String k6Name) {
        this.k6Name = k6Name;
    }

    /** Returns the name k6 uses for this value type in its summary export ("time", "data", "default"). */
    public String k6Name() {
        return k6Name;
    }
}
