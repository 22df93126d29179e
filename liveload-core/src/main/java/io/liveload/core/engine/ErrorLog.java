package io.liveload.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the errors of a run by kind, so that the log gets one line per distinct error instead of a flood:
 * the first occurrence is logged at WARN, later ones are only counted, and the counts are logged and shown in
 * the summary at the end. Thread-safe.
 */
public final class ErrorLog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorLog.class);
    private static final int MAX_MESSAGE_LENGTH = 300;
    private static final int MAX_DISTINCT = 1000;

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder overflow = new LongAdder();
    private final String runName;

    private record Key(String category, String code, String message) {
    }

    /** One distinct error and how often it happened. */
    public record ErrorCount(String category, String code, String message, long count) {
    }

    public ErrorLog(String runName) {
        this.runName = runName;
    }

    /**
     * Counts an error.
     *
     * @param category where it happened: {@code iteration}, {@code check}, {@code http}, {@code ws},
     *                 {@code phoenix}, {@code liveview}
     * @param code     a short code such as k6's {@code error_code} (e.g. {@code 1212}) or an exception type
     * @param message  the message; keep values such as ids out of it where possible so equal errors group together
     * @param cause    logged with the first occurrence, may be null
     */
    public void record(String category, String code, String message, Throwable cause) {
        String trimmed = message == null ? "" : message.length() > MAX_MESSAGE_LENGTH
                ? message.substring(0, MAX_MESSAGE_LENGTH) + "..." : message;
        Key key = new Key(category, code, trimmed);
        LongAdder count = counts.get(key);
        if (count == null) {
            if (counts.size() >= MAX_DISTINCT) {
                overflow.increment();
                return;
            }
            LongAdder fresh = new LongAdder();
            count = counts.putIfAbsent(key, fresh);
            if (count == null) {
                count = fresh;
                if (cause != null && "iteration".equals(category)) {
                    LOG.warn("[{}] {} error {}: {} (logged once; the summary shows the count)",
                            runName, category, code, trimmed, cause);
                } else {
                    LOG.warn("[{}] {} error {}: {} (logged once; the summary shows the count)",
                            runName, category, code, trimmed);
                }
            }
        }
        count.increment();
    }

    /** Returns every distinct error, most frequent first. */
    public List<ErrorCount> counts() {
        List<ErrorCount> result = new ArrayList<>();
        counts.forEach((key, count) -> result.add(new ErrorCount(key.category(), key.code(), key.message(), count.sum())));
        result.sort(Comparator.comparingLong(ErrorCount::count).reversed()
                .thenComparing(ErrorCount::category).thenComparing(ErrorCount::message));
        long dropped = overflow.sum();
        if (dropped > 0) {
            result.add(new ErrorCount("other", "-", "errors beyond " + MAX_DISTINCT + " distinct kinds", dropped));
        }
        return result;
    }

    /** Logs the count of every error that happened more than once. */
    void logCounts() {
        for (ErrorCount error : counts()) {
            if (error.count() > 1) {
                LOG.warn("[{}] {} error {} happened {} times: {}", runName, error.category(), error.code(),
                        error.count(), error.message());
            }
        }
    }
}
