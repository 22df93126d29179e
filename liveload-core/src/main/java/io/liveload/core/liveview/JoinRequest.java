package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The inputs of one {@code phx_join} payload, as the official client builds it: the page URL for a view
 * joined at page load, the target URL instead for live navigation, neither for nested and sticky views.
 *
 * @param url         the page URL for a main view joined at page load, else null
 * @param redirect    the target URL for a main view joined by live navigation, else null
 * @param appParams   the socket's params (normally {@code _csrf_token}), copied into every join's params
 * @param trackStatic the absolute URLs of the page's tracked assets; none when empty
 * @param mounts      how many joins of this view succeeded so far ({@code _mounts})
 * @param attempts    how many joins were tried since the last success ({@code _mount_attempts})
 * @param liveReferer the URL of the page before live navigation, or null
 * @param session     the {@code data-phx-session} token
 * @param staticToken the {@code data-phx-static} token, or null
 * @param flash       the flash token of a server redirect, or null
 * @param sticky      whether the container has {@code data-phx-sticky}
 */
record JoinRequest(String url, String redirect, Map<String, Object> appParams, List<String> trackStatic,
                   int mounts, int attempts, String liveReferer, String session, String staticToken, String flash,
                   boolean sticky) {

    /** Returns the payload in the key order of the official client; keys it leaves undefined are absent. */
    ObjectNode payload(ClientDialect dialect) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode payload = json.objectNode();
        if (redirect != null) {
            payload.put("redirect", redirect);
        } else if (url != null) {
            payload.put("url", url);
        }

        ObjectNode params = payload.putObject("params");
        appParams.forEach((key, value) -> params.set(key, Json.MAPPER.valueToTree(value)));
        if (!trackStatic.isEmpty()) {
            trackStatic.forEach(params.putArray("_track_static")::add);
        }
        params.put("_mounts", mounts);
        if (dialect.mountAttempts()) {
            params.put("_mount_attempts", attempts);
        }
        if (liveReferer != null) {
            params.put("_live_referer", liveReferer);
        }

        payload.put("session", session);
        if (staticToken == null || staticToken.isEmpty()) {
            payload.putNull("static");
        } else {
            payload.put("static", staticToken);
        }
        if (flash != null) {
            payload.put("flash", flash);
        }
        if (dialect.sticky()) {
            payload.put("sticky", sticky);
        }
        return payload;
    }
}
