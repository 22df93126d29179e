package io.liveload.core.ws;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterSeries;
import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendSeries;

/** The series an open session records into, looked up once when its upgrade completes. */
final class WsSeries {

    final CounterSeries messagesSent;
    final CounterSeries messagesReceived;
    final TrendSeries ping;
    final TrendSeries sessionDuration;
    final CounterSeries dataSent;
    final CounterSeries dataReceived;

    WsSeries(MetricRegistry registry, TagSet tags, TagSet dataTags) {
        messagesSent = registry.counter(BuiltinMetrics.WS_MSGS_SENT, tags);
        messagesReceived = registry.counter(BuiltinMetrics.WS_MSGS_RECEIVED, tags);
        ping = registry.trend(BuiltinMetrics.WS_PING, tags);
        sessionDuration = registry.trend(BuiltinMetrics.WS_SESSION_DURATION, tags);
        dataSent = registry.counter(BuiltinMetrics.DATA_SENT, dataTags);
        dataReceived = registry.counter(BuiltinMetrics.DATA_RECEIVED, dataTags);
    }

    /**
     * Returns the size of a websocket frame header (RFC 6455 section 5.2): 2 bytes, plus 2 or 8 for the
     * extended length, plus the 4-byte mask that client frames carry.
     */
    static long frameHeaderBytes(long payloadBytes, boolean fromClient) {
        long header = 2;
        if (payloadBytes > 0xFFFF) {
            header += 8;
        } else if (payloadBytes > 125) {
            header += 2;
        }
        return fromClient ? header + 4 : header;
    }
}
