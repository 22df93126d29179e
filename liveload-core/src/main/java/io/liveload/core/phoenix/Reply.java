package io.liveload.core.phoenix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a push: the server's {@code phx_reply}, or liveload's verdict when none came.
 *
 * @param status   the server's status, usually {@link #OK} or {@link #ERROR} (a channel may reply with any
 *                 status), or liveload's own {@link #TIMEOUT} or {@link #CHANNEL_LOST}
 * @param response the server's {@code response} object; a binary node for binary replies; an empty object
 *                 for liveload's own statuses
 * @param elapsed  time from sending the push to its reply. A push that waited for the join and was never
 *                 sent counts from the call that made it
 */
public record Reply(String status, JsonNode response, Duration elapsed) {

    /** The server accepted the push. */
    public static final String OK = "ok";
    /** The server refused the push, e.g. a join with {@code {"reason":"unauthorized"}}. */
    public static final String ERROR = "error";
    /** No reply came within the push's timeout. */
    public static final String TIMEOUT = "timeout";
    /**
     * No reply will come: the channel errored, closed or left, or the socket closed, after the push was made.
     */
    public static final String CHANNEL_LOST = "channel_lost";

    public Reply {
        if (status == null || status.isEmpty()) {
            throw new IllegalArgumentException("A reply needs a status, e.g. \"ok\" or \"error\"");
        }
        Objects.requireNonNull(response, "response");
        if (elapsed == null || elapsed.isNegative()) {
            throw new IllegalArgumentException("Invalid reply time " + elapsed + ": it must be zero or more");
        }
    }

    /** Returns a reply with liveload's own status and an empty response. */
    static Reply local(String status, long elapsedNanos) {
        return new Reply(status, JsonNodeFactory.instance.objectNode(), Duration.ofNanos(Math.max(0, elapsedNanos)));
    }

    /** Returns whether the status is {@code ok}. */
    public boolean isOk() {
        return OK.equals(status);
    }

    /** Returns the {@code reason} field of the response, as error replies carry it, or an empty string. */
    public String reason() {
        JsonNode reason = response.get("reason");
        return reason != null && reason.isTextual() ? reason.textValue() : "";
    }
}
