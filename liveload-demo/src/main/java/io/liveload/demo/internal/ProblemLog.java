package io.liveload.demo.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts problems the app handles or ignores instead of failing, such as malformed frames or
 * crashed views. The first occurrence of each kind is logged at WARN with its detail, later ones
 * are only counted, and {@link #logTotals()} reports every count. Details must never contain a
 * cookie or token. Thread-safe.
 */
public final class ProblemLog {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemLog.class);

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one occurrence of the kind and logs it if it is the first. */
    public void report(String kind, String detail) {
        LongAdder count = counts.get(kind);
        boolean first = false;
        if (count == null) {
            LongAdder fresh = new LongAdder();
            count = counts.putIfAbsent(kind, fresh);
            first = count == null;
            count = first ? fresh : count;
        }
        count.increment();
        if (first) {
            LOG.warn("{}: {} (further occurrences are counted and reported when the app stops)", kind, detail);
        }
    }

    /** Returns how often the kind was reported. */
    public long count(String kind) {
        LongAdder count = counts.get(kind);
        return count == null ? 0 : count.sum();
    }

    /** Logs the count of every reported kind, if any. */
    public void logTotals() {
        if (counts.isEmpty()) {
            return;
        }
        Map<String, Long> totals = new TreeMap<>();
        counts.forEach((kind, count) -> totals.put(kind, count.sum()));
        LOG.info("Problems answered or ignored while running: {}", totals);
    }
}
