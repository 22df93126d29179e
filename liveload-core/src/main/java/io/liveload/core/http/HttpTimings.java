package io.liveload.core.http;

import java.time.Duration;

/**
 * The phases of one HTTP request, in nanoseconds, with k6's meanings (see the {@code http_req_*} metrics).
 *
 * @param blockedNanos        waiting for a connection (pool or DNS) before connecting
 * @param connectingNanos     establishing the TCP connection
 * @param tlsHandshakingNanos the TLS handshake
 * @param sendingNanos        writing the request
 * @param waitingNanos        from the end of the request to the first response byte
 * @param receivingNanos      reading the response
 */
public record HttpTimings(long blockedNanos, long connectingNanos, long tlsHandshakingNanos, long sendingNanos,
                          long waitingNanos, long receivingNanos) {

    /** Returns sending + waiting + receiving, k6's {@code http_req_duration}. */
    public long durationNanos() {
        return sendingNanos + waitingNanos + receivingNanos;
    }

    /** Returns {@link #durationNanos()} as a Duration. */
    public Duration duration() {
        return Duration.ofNanos(durationNanos());
    }

    /** Returns the waiting time (time to first byte) as a Duration. */
    public Duration waiting() {
        return Duration.ofNanos(waitingNanos);
    }
}
