package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;

/**
 * The server's reply to an event or live patch, after it was merged into the view.
 *
 * @param event        the event sent, e.g. {@code inc}, or {@code live_patch}
 * @param elapsed      the time from sending the message to its reply
 * @param hookReply    the map the server's {@code handle_event} returned with {@code {:reply, map, socket}} (the
 *                     diff's {@code "r"}), or null when there was none
 * @param diff         the diff the reply carried, already applied, or null when the reply changed nothing
 * @param redirectKind how the reply moved the page: {@code live_patch}, {@code live_redirect} (live
 *                     navigation) or {@code redirect} (a full page load), or null when it did not
 * @param redirectTo   the absolute URL the reply moved the page to, or null
 */
public record EventReply(String event, Duration elapsed, ObjectNode hookReply, JsonNode diff, String redirectKind,
                         String redirectTo) {

    public EventReply {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Returns whether the reply carried a hook reply. */
    public boolean hasHookReply() {
        return hookReply != null;
    }
}
