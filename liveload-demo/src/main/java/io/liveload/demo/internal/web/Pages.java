package io.liveload.demo.internal.web;

import io.liveload.demo.internal.render.Html;
import java.nio.charset.StandardCharsets;

/** The HTML around the views, the login page and the two static assets. */
final class Pages {
    /** The static page title of the root layout; views set theirs over the websocket. */
    static final String LAYOUT_TITLE = "LV test";

    static final byte[] APP_CSS = ("/* liveload demo app */\n"
            + "main { font-family: sans-serif; margin: 2rem; }\n"
            + ".error { color: #b91c1c; }\n"
            + "#songs td, #songs th { padding: 0.25rem 0.75rem; text-align: left; }\n")
            .getBytes(StandardCharsets.UTF_8);

    static final byte[] APP_JS = ("// liveload demo app. The LiveView JS client is not bundled:\n"
            + "// load tests speak the LiveView websocket protocol themselves.\n")
            .getBytes(StandardCharsets.UTF_8);

    private static final String HEAD_START = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n";
    private static final String LIVE_HEAD_END = "    <title>" + LAYOUT_TITLE + "</title>\n"
            + "    <link phx-track-static rel=\"stylesheet\" href=\"/assets/app.css\">\n"
            + "    <script defer phx-track-static type=\"text/javascript\" src=\"/assets/app.js\"></script>\n"
            + "  </head>\n  <body>\n    ";
    private static final byte[] LIVE_TAIL = "</div>\n  </body>\n</html>\n".getBytes(StandardCharsets.UTF_8);

    private Pages() {
    }

    /** Returns a LiveView page: the CSRF meta tag, tracked assets and the main container with the dead render inside. */
    static byte[] livePage(String csrfToken, String viewId, DeadRenderer.Page page) {
        String head = HEAD_START
                + "    <meta name=\"csrf-token\" content=\"" + Html.escape(csrfToken) + "\">\n"
                + LIVE_HEAD_END
                + "<div" + Html.attribute("id", viewId) + " data-phx-main"
                + Html.attribute("data-phx-session", page.sessionToken())
                + Html.attribute("data-phx-static", page.staticToken())
                + ">";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] html = new byte[headBytes.length + page.contentLength() + LIVE_TAIL.length];
        System.arraycopy(headBytes, 0, html, 0, headBytes.length);
        int position = headBytes.length;
        for (byte[] chunk : page.content()) {
            System.arraycopy(chunk, 0, html, position, chunk.length);
            position += chunk.length;
        }
        System.arraycopy(LIVE_TAIL, 0, html, position, LIVE_TAIL.length);
        return html;
    }

    /**
     * Returns the login page: a GET form that sends {@code user} to {@code /login}.
     *
     * @param error a message shown above the form, or {@code null}
     */
    static byte[] loginPage(String error) {
        StringBuilder html = new StringBuilder(1024);
        html.append(HEAD_START)
                .append("    <title>Log in</title>\n  </head>\n  <body>\n    <main>\n");
        if (error != null) {
            html.append("      <p id=\"flash-error\" role=\"alert\">").append(Html.escape(error)).append("</p>\n");
        }
        html.append("      <h1>Log in</h1>\n")
                .append("      <form id=\"login-form\" action=\"/login\" method=\"get\">\n")
                .append("        <label for=\"user\">Username</label>\n")
                .append("        <input type=\"text\" id=\"user\" name=\"user\">\n")
                .append("        <button type=\"submit\">Log in</button>\n")
                .append("      </form>\n    </main>\n  </body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
