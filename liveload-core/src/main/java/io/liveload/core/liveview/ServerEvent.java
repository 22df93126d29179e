package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An event a LiveView pushed with {@code push_event/3}: one entry of the {@code "e"} list of a join reply,
 * an event reply or a diff. The browser client dispatches it as the window event {@code phx:<name>} and to
 * hooks; liveload keeps it for {@link LiveView#awaitEvent}.
 *
 * @param name    the event name
 * @param payload the payload the server sent, usually an object
 * @param viewId  the id of the view that sent it
 */
public record ServerEvent(String name, JsonNode payload, String viewId) {

    public ServerEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(viewId, "viewId");
    }
}
