package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One event that the server pushed with {@code push_event/3}, from the {@code "e"} list of a
 * rendered tree or diff.
 *
 * @param name the event name; the browser client dispatches it as the window event
 *     {@code phx:<name>} and to hooks
 * @param payload the event payload as sent (usually an object); the node of the merged message,
 *     not a copy
 * @param dispatchBeforePatch true when the server asked for dispatch before the DOM patch (the
 *     optional third element {@code true}, sent by LiveView 1.1.18 and later)
 */
public record PushEvent(String name, JsonNode payload, boolean dispatchBeforePatch) {

    public PushEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
    }
}
