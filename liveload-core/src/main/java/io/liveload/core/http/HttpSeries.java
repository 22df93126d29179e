package io.liveload.core.http;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterSeries;
import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.metrics.RateSeries;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendSeries;

/** The series one kind of request records into, looked up once per tag combination and kept by the VU. */
final class HttpSeries {

    final CounterSeries requests;
    final TrendSeries duration;
    final TrendSeries blocked;
    final TrendSeries connecting;
    final TrendSeries tlsHandshaking;
    final TrendSeries sending;
    final TrendSeries waiting;
    final TrendSeries receiving;
    final RateSeries failed;
    /** The error log's message for responses of this series, whose status counts as failed; otherwise null. */
    final String unexpectedStatus;

    HttpSeries(MetricRegistry registry, TagSet tags, String unexpectedStatus) {
        this.unexpectedStatus = unexpectedStatus;
        requests = registry.counter(BuiltinMetrics.HTTP_REQS, tags);
        duration = registry.trend(BuiltinMetrics.HTTP_REQ_DURATION, tags);
        blocked = registry.trend(BuiltinMetrics.HTTP_REQ_BLOCKED, tags);
        connecting = registry.trend(BuiltinMetrics.HTTP_REQ_CONNECTING, tags);
        tlsHandshaking = registry.trend(BuiltinMetrics.HTTP_REQ_TLS_HANDSHAKING, tags);
        sending = registry.trend(BuiltinMetrics.HTTP_REQ_SENDING, tags);
        waiting = registry.trend(BuiltinMetrics.HTTP_REQ_WAITING, tags);
        receiving = registry.trend(BuiltinMetrics.HTTP_REQ_RECEIVING, tags);
        failed = registry.rate(BuiltinMetrics.HTTP_REQ_FAILED, tags);
    }

    void record(HttpTimings timings, boolean failure) {
        requests.increment();
        duration.recordNanos(timings.durationNanos());
        blocked.recordNanos(timings.blockedNanos());
        connecting.recordNanos(timings.connectingNanos());
        tlsHandshaking.recordNanos(timings.tlsHandshakingNanos());
        sending.recordNanos(timings.sendingNanos());
        waiting.recordNanos(timings.waitingNanos());
        receiving.recordNanos(timings.receivingNanos());
        failed.add(failure);
    }
}
