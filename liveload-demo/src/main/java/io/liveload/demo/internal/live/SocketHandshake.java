package io.liveload.demo.internal.live;

import io.liveload.demo.internal.security.SessionCookie;
import io.liveload.demo.internal.security.SessionData;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Checks a websocket upgrade the way Phoenix's websocket transport does before creating a
 * {@link LiveSocket}.
 *
 * <ul>
 *   <li>{@code vsn} must be {@code 2.0.0}, else HTTP 403 with an empty body.
 *   <li>An {@code Origin} header, when present, must name the host the request was sent to,
 *       else HTTP 403 with an empty body.
 *   <li>The session cookie reaches the socket only when the {@code _csrf_token} query parameter
 *       matches its CSRF state; otherwise the socket opens without a session and every join
 *       fails with "stale".
 * </ul>
 */
public final class SocketHandshake implements WebSocketCreator {
    private final LiveServices services;

    public SocketHandshake(LiveServices services) {
        this.services = services;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        if (!"2.0.0".equals(query.getValue("vsn"))) {
            services.problems().report("Rejected websocket with an unsupported vsn",
                    "expected vsn=2.0.0, got " + query.getValue("vsn"));
            return forbid(response, callback);
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !originMatchesHost(origin, request.getHttpURI().getHost())) {
            services.problems().report("Rejected websocket from another origin",
                    "Origin " + origin + " does not name the requested host " + request.getHttpURI().getHost());
            return forbid(response, callback);
        }
        return new LiveSocket(services, socketSession(request, query.getValue("_csrf_token")));
    }

    private SocketSession socketSession(Request request, String csrfToken) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (SessionCookie.NAME.equals(cookie.getName())) {
                SessionData session = services.tokens().decodeSession(cookie.getValue()).orElse(null);
                if (session != null && services.tokens().csrfTokenMatches(csrfToken, session)) {
                    return new SocketSession(session.user());
                }
                return null;
            }
        }
        return null;
    }

    private static boolean originMatchesHost(String origin, String requestHost) {
        try {
            String originHost = new URI(origin).getHost();
            return originHost != null && requestHost != null && normalize(originHost).equals(normalize(requestHost));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String normalize(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT);
    }

    private static Object forbid(ServerUpgradeResponse response, Callback callback) {
        response.setStatus(HttpStatus.FORBIDDEN_403);
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        return null;
    }
}
