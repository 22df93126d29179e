package io.liveload.core.liveview.render;

import java.util.Objects;

/**
 * A nested LiveView that its parent rendered and that the client joins after the parent.
 *
 * @param id the child's view id (join topic {@code "lv:" + id})
 * @param session the {@code data-phx-session} token from the parent's render; "" when the
 *     render carries none, and the server then rejects the join as stale
 * @param staticToken the {@code data-phx-static} token: the rendered one, or the dead render's
 *     token for the same id when the rendered one is empty; null when neither has one
 */
public record ChildView(String id, String session, String staticToken) {

    public ChildView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
    }
}
