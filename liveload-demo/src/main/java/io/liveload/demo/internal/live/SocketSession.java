package io.liveload.demo.internal.live;

/**
 * The session a websocket got from its cookie, present only when the {@code _csrf_token}
 * query parameter matched the cookie's CSRF state.
 *
 * @param user the logged-in user, or {@code null} for an anonymous session
 */
public record SocketSession(String user) {
}
