package io.liveload.demo.internal.security;

import java.util.Map;

/**
 * The signed content of a container's {@code data-phx-session} attribute.
 *
 * @param id the container id; the join topic must be {@code "lv:" + id}
 * @param view the view name, for example {@code "counter"}
 * @param liveSession the live_session of a root view, {@code null} for a nested view
 * @param parentInstance for a nested view, the join instance of the parent channel that rendered
 *     it; {@code null} for a root view
 * @param session the session map a parent passed to a nested view; empty for root views
 * @param issuedAtMillis when the token was signed, in epoch milliseconds
 */
public record ViewToken(
        String id,
        String view,
        String liveSession,
        Long parentInstance,
        Map<String, String> session,
        long issuedAtMillis) {

    public ViewToken {
        session = session == null ? Map.of() : Map.copyOf(session);
    }

    /** Returns whether the view was rendered by a parent view rather than by a route. */
    public boolean nested() {
        return parentInstance != null;
    }
}
