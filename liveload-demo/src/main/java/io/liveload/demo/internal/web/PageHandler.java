package io.liveload.demo.internal.web;

import io.liveload.demo.internal.ProblemLog;
import io.liveload.demo.internal.live.LiveRoute;
import io.liveload.demo.internal.live.Router;
import io.liveload.demo.internal.render.Html;
import io.liveload.demo.internal.security.SessionCookie;
import io.liveload.demo.internal.security.SessionData;
import io.liveload.demo.internal.security.Tokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP pages of the demo app.
 *
 * <ul>
 *   <li>{@code GET /} redirects (302) to {@code /counter}.
 *   <li>{@code GET /login?user=NAME} sets the session cookie and redirects to {@code /profile/settings};
 *       without {@code user} it shows a login form, with an invalid name the form and status 400.
 *   <li>{@code GET /logout} clears the session cookie and redirects to {@code /login}.
 *   <li>{@code GET /assets/app.css} and {@code /assets/app.js} serve the tracked static assets.
 *   <li>Every LiveView route responds with its dead render. A view that redirects at mount (the
 *       logged-in pages without a user) responds with 302.
 * </ul>
 *
 * LiveView pages set an anonymous session cookie when the request has no valid one, and consume
 * a {@code __phoenix_flash__} cookie. Only GET and HEAD are allowed. Non-blocking and thread-safe.
 */
public final class PageHandler extends Handler.Abstract.NonBlocking {
    private static final String HTML = "text/html; charset=utf-8";
    private static final char[] ID_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private final Router router;
    private final Tokens tokens;
    private final ProblemLog problems;
    private final DeadRenderer deadRenderer;

    public PageHandler(Router router, Tokens tokens, ProblemLog problems) {
        this.router = router;
        this.tokens = tokens;
        this.problems = problems;
        this.deadRenderer = new DeadRenderer(router, tokens);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain; charset=utf-8", bytes("Method not allowed\n"));
            return true;
        }
        String path = Request.getPathInContext(request);
        switch (path) {
            case "/" -> redirect(response, callback, "/counter");
            case "/login" -> login(request, response, callback);
            case "/logout" -> logout(response, callback);
            case "/assets/app.css" -> send(response, callback, HttpStatus.OK_200, "text/css; charset=utf-8", Pages.APP_CSS);
            case "/assets/app.js" -> send(response, callback, HttpStatus.OK_200, "text/javascript; charset=utf-8", Pages.APP_JS);
            case "/live/websocket" -> send(response, callback, HttpStatus.BAD_REQUEST_400, "text/plain; charset=utf-8",
                    bytes("Expected a websocket upgrade with vsn=2.0.0\n"));
            default -> {
                LiveRoute route = router.route(path).orElse(null);
                if (route == null) {
                    send(response, callback, HttpStatus.NOT_FOUND_404, "text/plain; charset=utf-8", bytes("Not found\n"));
                } else {
                    livePage(request, response, callback, route);
                }
            }
        }
        return true;
    }

    private void livePage(Request request, Response response, Callback callback, LiveRoute route) {
        SessionData session = cookieValue(request, SessionCookie.NAME).flatMap(tokens::decodeSession).orElse(null);
        if (session == null) {
            session = tokens.newSession(null);
            setSessionCookie(response, session);
        }
        Map<String, String> flash = Map.of();
        String flashToken = cookieValue(request, SessionCookie.FLASH_NAME).orElse(null);
        if (flashToken != null) {
            flash = tokens.verifyFlash(flashToken);
            Response.addCookie(response, HttpCookie.build(SessionCookie.FLASH_NAME, "").path("/").maxAge(0).build());
        }

        String query = request.getHttpURI().getQuery();
        String pathWithQuery = Request.getPathInContext(request) + (query == null ? "" : "?" + query);
        String viewId = newViewId();
        DeadRenderer.Outcome outcome;
        try {
            outcome = deadRenderer.render(viewId, route, pathWithQuery, session.user(), flash);
        } catch (RuntimeException e) {
            problems.report("Dead render failed", route.view() + ": " + e);
            send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "text/plain; charset=utf-8", bytes("Internal server error\n"));
            return;
        }
        if (outcome instanceof DeadRenderer.Redirect redirect) {
            redirect(response, callback, redirect.to());
            return;
        }
        DeadRenderer.Page page = (DeadRenderer.Page) outcome;
        send(response, callback, HttpStatus.OK_200, HTML, Pages.livePage(tokens.maskedCsrfToken(session), viewId, page));
    }

    private void login(Request request, Response response, Callback callback) {
        String user = Request.extractQueryParameters(request).getValue("user");
        if (user == null) {
            String flashError = cookieValue(request, SessionCookie.FLASH_NAME)
                    .map(tokens::verifyFlash)
                    .map(flash -> flash.get("error"))
                    .orElse(null);
            if (flashError != null) {
                Response.addCookie(response, HttpCookie.build(SessionCookie.FLASH_NAME, "").path("/").maxAge(0).build());
            }
            send(response, callback, HttpStatus.OK_200, HTML, Pages.loginPage(flashError));
            return;
        }
        if (!Tokens.isValidUsername(user)) {
            send(response, callback, HttpStatus.BAD_REQUEST_400, HTML,
                    Pages.loginPage("Invalid username \"" + user + "\": use 2 to 30 letters, digits or _"));
            return;
        }
        setSessionCookie(response, tokens.newSession(user));
        redirect(response, callback, "/profile/settings");
    }

    private void logout(Response response, Callback callback) {
        Response.addCookie(response, HttpCookie.build(SessionCookie.NAME, "").path("/").maxAge(0).build());
        redirect(response, callback, "/login");
    }

    private void setSessionCookie(Response response, SessionData session) {
        Response.addCookie(response, HttpCookie.build(SessionCookie.NAME, tokens.encodeSession(session))
                .path("/")
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.LAX)
                .build());
    }

    private static Optional<String> cookieValue(Request request, String name) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Returns a container id like LiveView's: {@code phx-} and 16 random characters. */
    private static String newViewId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return "phx-" + new String(id);
    }

    private static void redirect(Response response, Callback callback, String location) {
        response.getHeaders().put(HttpHeader.LOCATION, location);
        send(response, callback, HttpStatus.FOUND_302, HTML,
                bytes("<html><body>You are being <a href=\"" + Html.escape(location) + "\">redirected</a>.</body></html>"));
    }

    private static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
