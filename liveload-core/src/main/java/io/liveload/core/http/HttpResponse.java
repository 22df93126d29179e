package io.liveload.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The response of one request, after redirects were followed. A network failure gives a response with status 0
 * and an {@link #error()} instead of an exception, as in k6, so that checks can look at it. The body is kept
 * as bytes; text, the jsoup document and JSON are decoded on first use.
 */
public final class HttpResponse {

    private final String method;
    private final String url;
    private final int status;
    private final String statusText;
    private final Headers headers;
    private final byte[] body;
    private final HttpTimings timings;
    private final HttpErrorCode errorCode;
    private final String errorMessage;
    private String text;
    private Document document;
    private JsonNode json;

    HttpResponse(String method, String url, int status, String statusText, Headers headers, byte[] body,
                 HttpTimings timings, HttpErrorCode errorCode, String errorMessage) {
        this.method = method;
        this.url = url;
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
        this.body = body;
        this.timings = timings;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    /** Returns the HTTP status, or 0 when the request failed without a response. */
    public int status() {
        return status;
    }

    /** Returns the status line's reason phrase, e.g. {@code OK}, or empty. */
    public String statusText() {
        return statusText;
    }

    /** Returns the method of the last request (a 303 redirect turns a POST into a GET). */
    public String method() {
        return method;
    }

    /** Returns the URL of this response, the last one when redirects were followed. */
    public String url() {
        return url;
    }

    /** Returns the first value of a response header (name case-insensitive), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Returns every value of a response header. */
    public List<String> headers(String name) {
        return headers.values(name);
    }

    /** Returns all response headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers.toMultimap();
    }

    /** Returns the body as text, decoded with the charset of {@code Content-Type} (UTF-8 by default). */
    public String body() {
        if (text == null) {
            text = new String(body, charset());
        }
        return text;
    }

    /** Returns the body's bytes (empty when discarded or failed); do not change the array. */
    public byte[] bodyBytes() {
        return body;
    }

    /** Returns the body parsed as HTML, with the response URL as base URI for relative links. */
    public Document document() {
        if (document == null) {
            document = Jsoup.parse(body(), url);
        }
        return document;
    }

    /**
     * Returns the body parsed as JSON.
     *
     * @throws UncheckedIOException when the body is not JSON
     */
    public JsonNode json() {
        if (json == null) {
            try {
                json = RequestOptions.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Response of " + method + " " + url + " is not JSON: " + e.getMessage(), e);
            }
        }
        return json;
    }

    /** Returns the request's phase timings. */
    public HttpTimings timings() {
        return timings;
    }

    /** Returns why the request failed without a response, or null when a response arrived. */
    public HttpErrorCode error() {
        return errorCode;
    }

    /** Returns the failure's message, or null when a response arrived. */
    public String errorMessage() {
        return errorMessage;
    }

    private Charset charset() {
        String contentType = headers.get("Content-Type");
        // Most pages name no charset; parsing the media type for each response would cost more than decoding.
        if (contentType != null && containsIgnoreCase(contentType, "charset")) {
            MediaType type = MediaType.parse(contentType);
            if (type != null) {
                Charset charset = type.charset(null);
                if (charset != null) {
                    return charset;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean containsIgnoreCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return method + " " + url + " -> " + (errorCode != null ? "error " + errorCode.code() + " " + errorMessage : status);
    }
}
