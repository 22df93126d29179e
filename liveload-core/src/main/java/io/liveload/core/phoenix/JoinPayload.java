package io.liveload.core.phoenix;

/**
 * Builds the payload of each join of a channel: the first one and every automatic rejoin (after
 * {@code phx_error}, a join error or timeout, or a reconnect), so a rejoin can carry fresh values such as
 * LiveView's {@code _mounts}. Called on the VU thread for the first join, on OkHttp's reader thread or the
 * run's timer thread for rejoins; keep it short. An exception from a rejoin is counted in the run's error log
 * and the next rejoin is tried after the back-off.
 */
@FunctionalInterface
public interface JoinPayload {

    /**
     * Returns the payload, serialized with Jackson (a map, a record or a {@code JsonNode}).
     *
     * @param attempt 0 for the first join frame sent, then 1, 2, ... for each later one
     */
    Object build(int attempt);

    /** Returns a payload builder that always returns the same payload. */
    static JoinPayload of(Object payload) {
        return attempt -> payload;
    }
}
