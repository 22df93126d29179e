package io.liveload.demo.internal.security;

/**
 * The content of the session cookie.
 *
 * @param user the logged-in user, or {@code null} for an anonymous session
 * @param csrfState the secret that the page's masked CSRF tokens are derived from
 */
public record SessionData(String user, String csrfState) {
    public SessionData {
        if (csrfState == null || csrfState.isEmpty()) {
            throw new IllegalArgumentException("A session needs a CSRF state, got " + csrfState);
        }
    }
}
