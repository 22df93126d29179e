package io.liveload.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liveload.core.plan.DurationFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Options of one request, set in the lambda passed to an {@link Http} method:
 * <pre>{@code
 * vu.http().post("/login", req -> req.form("user", "ann").redirects(0).name("login"));
 * }</pre>
 * Each setter returns this object so calls chain. An instance belongs to one request.
 */
public final class RequestOptions {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final Headers.Builder headers = new Headers.Builder();
    private final List<String[]> query = new ArrayList<>(0);
    private final Map<String, String> cookies = new LinkedHashMap<>(0);
    private final Map<String, String> tags = new LinkedHashMap<>(0);
    private FormBody.Builder form;
    private RequestBody body;
    private Duration timeout;
    private Integer redirects;
    private String name;
    private int[] expectedStatuses;
    private boolean discardBody;
    private boolean hasHeaders;

    RequestOptions() {
    }

    /** Adds a request header; a second call with the same name adds another value. */
    public RequestOptions header(String name, String value) {
        headers.add(name, value);
        hasHeaders = true;
        return this;
    }

    /** Adds request headers. */
    public RequestOptions headers(Map<String, String> values) {
        values.forEach(this::header);
        return this;
    }

    /** Adds a query parameter to the URL, encoded. */
    public RequestOptions query(String name, String value) {
        query.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
        return this;
    }

    /** Adds query parameters to the URL, encoded. */
    public RequestOptions query(Map<String, String> values) {
        values.forEach(this::query);
        return this;
    }

    /** Adds a field of an {@code application/x-www-form-urlencoded} body. */
    public RequestOptions form(String name, String value) {
        requireNoOtherBody("a form field");
        if (form == null) {
            form = new FormBody.Builder(StandardCharsets.UTF_8);
        }
        form.add(name, value);
        return this;
    }

    /** Adds fields of an {@code application/x-www-form-urlencoded} body. */
    public RequestOptions form(Map<String, String> fields) {
        fields.forEach(this::form);
        return this;
    }

    /**
     * Sets a JSON body: a String is sent as it is, anything else is serialized with Jackson.
     *
     * @throws IllegalArgumentException when the value cannot be serialized
     */
    public RequestOptions json(Object value) {
        requireNoOtherBody("a JSON body");
        String text;
        if (value instanceof String string) {
            text = string;
        } else {
            try {
                text = JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot write the request body as JSON: " + e.getOriginalMessage(), e);
            }
        }
        body = RequestBody.create(text, JSON_TYPE);
        return this;
    }

    /** Sets a text body with its content type, e.g. {@code body("<a/>", "application/xml")}. */
    public RequestOptions body(String text, String contentType) {
        requireNoOtherBody("a text body");
        body = RequestBody.create(text, MediaType.get(contentType));
        return this;
    }

    /** Sets a binary body with its content type. */
    public RequestOptions body(byte[] bytes, String contentType) {
        requireNoOtherBody("a binary body");
        body = RequestBody.create(bytes, MediaType.get(contentType));
        return this;
    }

    private void requireNoOtherBody(String what) {
        if (body != null || form != null && !what.equals("a form field")) {
            throw new IllegalStateException("Cannot set " + what + ": the request already has a body");
        }
    }

    /** Limits the request's total time (connect, send, wait, receive); the run's default is 60 s. */
    public RequestOptions timeout(Duration limit) {
        if (limit == null || limit.isZero() || limit.isNegative()) {
            throw new IllegalArgumentException("Invalid request timeout " + limit + ": it must be longer than zero");
        }
        timeout = limit;
        return this;
    }

    /** Limits the request's total time, as a k6 duration string such as {@code 2s}. */
    public RequestOptions timeout(String limit) {
        return timeout(DurationFormat.parse(limit, "request timeout"));
    }

    /**
     * Sets how many redirects are followed; 0 returns the 3xx response itself (k6's {@code redirects: 0}).
     * Each redirect hop is a request of its own in the metrics.
     */
    public RequestOptions redirects(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Invalid redirects " + count + ": it must be zero or more");
        }
        redirects = count;
        return this;
    }

    /**
     * Names the request in metrics ({@code name} tag) instead of its URL, so that {@code /users/1} and
     * {@code /users/2} share one series: {@code name("user")}. Named requests are not tagged with their URL.
     */
    public RequestOptions name(String requestName) {
        name = Objects.requireNonNull(requestName, "name");
        return this;
    }

    /** Adds a tag to this request's samples. */
    public RequestOptions tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    /** Sends a cookie with this request only, besides those of the VU's cookie jar. */
    public RequestOptions cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /**
     * Sets the statuses that count as success in {@code http_req_failed} and the {@code expected_response} tag;
     * by default 200 to 399.
     */
    public RequestOptions expectStatuses(int... statuses) {
        expectedStatuses = Arrays.copyOf(statuses, statuses.length);
        return this;
    }

    /** Reads and counts the response body but does not keep it (k6's {@code responseType: 'none'}). */
    public RequestOptions discardBody() {
        discardBody = true;
        return this;
    }

    Headers headers() {
        return hasHeaders ? headers.build() : Headers.EMPTY;
    }

    List<String[]> query() {
        return query;
    }

    Map<String, String> cookies() {
        return cookies;
    }

    Map<String, String> tags() {
        return tags;
    }

    RequestBody body() {
        if (form != null) {
            return form.build();
        }
        return body;
    }

    Duration timeout() {
        return timeout;
    }

    Integer redirects() {
        return redirects;
    }

    String name() {
        return name;
    }

    boolean isExpected(int status) {
        if (expectedStatuses == null) {
            return status >= 200 && status < 400;
        }
        for (int expected : expectedStatuses) {
            if (expected == status) {
                return true;
            }
        }
        return false;
    }

    boolean discardsBody() {
        return discardBody;
    }
}
