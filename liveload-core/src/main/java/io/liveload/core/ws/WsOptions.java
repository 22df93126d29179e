package io.liveload.core.ws;

import io.liveload.core.internal.VuWaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;

/**
 * Options of one websocket connection, set in the lambda passed to {@link WebSockets#connect}:
 * <pre>{@code
 * WsSession session = vu.ws().connect("/socket", ws -> ws.origin("http://127.0.0.1:4000").name("chat"));
 * }</pre>
 * Each setter returns this object so calls chain. An instance belongs to one connect call.
 */
public final class WsOptions {

    /** The number of messages the inbox keeps by default before it drops the oldest. */
    public static final int DEFAULT_INBOX_CAPACITY = 1000;
    /** How long a close waits for the server's close frame by default before cancelling the connection. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The close codes a server may end a session with without it counting as failed: 1000 (normal), 1001 (going
     * away, also a server's idle timeout or shutdown) and 1005 (a close frame without a code).
     */
    public static final List<Integer> DEFAULT_EXPECTED_CLOSE_CODES = List.of(1000, 1001, 1005);

    private final Headers.Builder headers = new Headers.Builder();
    private final Map<String, String> cookies = new LinkedHashMap<>(0);
    private final List<String> subprotocols = new ArrayList<>(0);
    private final Map<String, String> tags = new LinkedHashMap<>(0);
    private String name;
    private Duration connectTimeout;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private Integer inboxCapacity;
    private WsListener listener;
    private int[] expectedCloseCodes = DEFAULT_EXPECTED_CLOSE_CODES.stream().mapToInt(Integer::intValue).toArray();

    WsOptions() {
    }

    /**
     * Adds a header to the upgrade request; a second call with the same name adds another value. A
     * {@code Cookie} header is split into cookies and sent together with the VU's cookie jar (see
     * {@link #cookie}), because OkHttp writes the {@code Cookie} header from the jar.
     */
    public WsOptions header(String name, String value) {
        if ("Cookie".equalsIgnoreCase(name)) {
            for (String pair : value.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookie(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
            return this;
        }
        headers.add(name, value);
        return this;
    }

    /** Adds headers to the upgrade request. */
    public WsOptions headers(Map<String, String> values) {
        values.forEach(this::header);
        return this;
    }

    /** Sets the {@code Origin} header, e.g. {@code http://127.0.0.1:4000}, as a browser sends it. */
    public WsOptions origin(String origin) {
        headers.set("Origin", origin);
        return this;
    }

    /**
     * Sends a cookie with the upgrade request on top of the VU's cookie jar, replacing a jar cookie of the same
     * name. The jar itself is not changed.
     */
    public WsOptions cookie(String name, String value) {
        cookies.put(Objects.requireNonNull(name, "cookie name"), Objects.requireNonNull(value, "cookie value"));
        return this;
    }

    /**
     * Offers subprotocols in the {@code Sec-WebSocket-Protocol} header. {@link WsSession#subprotocol()} returns
     * the one the server chose.
     */
    public WsOptions subprotocols(String... protocols) {
        for (String protocol : protocols) {
            subprotocols.add(Objects.requireNonNull(protocol, "subprotocol"));
        }
        return this;
    }

    /** Adds a tag to every sample this session records. */
    public WsOptions tag(String key, String value) {
        tags.put(Objects.requireNonNull(key, "tag key"), Objects.requireNonNull(value, "tag value"));
        return this;
    }

    /**
     * Names the connection in the {@code name} tag instead of its URL, and leaves out the {@code url} tag, so
     * that URLs that differ per VU (an id in the path) fall into one series and one kind of error in the error
     * log.
     */
    public WsOptions name(String connectionName) {
        if (connectionName == null || connectionName.isBlank()) {
            throw new IllegalArgumentException("A websocket name must not be blank");
        }
        this.name = connectionName;
        return this;
    }

    /**
     * Limits the time from the upgrade request to the server's 101 response; by default the run's HTTP
     * timeout (60 s unless configured). A connect that takes longer fails with
     * {@link WsErrorCode#CONNECT_TIMEOUT}.
     */
    public WsOptions connectTimeout(Duration timeout) {
        requirePositive(timeout, "connect timeout");
        this.connectTimeout = timeout;
        return this;
    }

    /**
     * Limits how long a close waits for the server's close frame before the connection is cancelled (and
     * counted as {@link WsErrorCode#CLOSE_TIMEOUT}); 5 s by default.
     */
    public WsOptions closeTimeout(Duration timeout) {
        requirePositive(timeout, "close timeout");
        this.closeTimeout = timeout;
        return this;
    }

    /**
     * Sets how many received messages wait for {@link WsSession#receive}; 0 keeps none, for sessions read
     * through a listener only. When the inbox is full, the oldest message is dropped and counted (see
     * {@link WsSession#droppedMessages()}). By default 1000 without a listener and 0 with one.
     */
    public WsOptions inboxCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("Invalid inbox capacity " + capacity + ": it must be zero or more");
        }
        this.inboxCapacity = capacity;
        return this;
    }

    /**
     * Sets the close codes that the server may end the session with without it counting as failed, replacing
     * {@link #DEFAULT_EXPECTED_CLOSE_CODES}; e.g. {@code expectCloseCodes(1000, 4001)} for an application that
     * ends sessions with its own 4001. A server close with another code ends the session as
     * {@link WsErrorCode#UNEXPECTED_CLOSE}; with no codes, every server close does. Closes that liveload starts are
     * never judged by their code.
     *
     * @throws IllegalArgumentException when a code is outside 1000 to 4999
     */
    public WsOptions expectCloseCodes(int... codes) {
        for (int code : codes) {
            if (code < 1000 || code > 4999) {
                throw new IllegalArgumentException("Invalid expected close code " + code
                        + ": close codes are 1000 to 4999");
            }
        }
        this.expectedCloseCodes = codes.clone();
        return this;
    }

    /** Sets the callbacks of the session; see {@link WsListener} for the threads that call them. */
    public WsOptions listener(WsListener sessionListener) {
        this.listener = Objects.requireNonNull(sessionListener, "listener");
        return this;
    }

    private static void requirePositive(Duration timeout, String setting) {
        VuWaits.nanos(timeout, setting);
        if (timeout.isZero()) {
            throw new IllegalArgumentException("Invalid " + setting + " " + timeout + ": it must be longer than zero");
        }
    }

    Headers headers() {
        return headers.build();
    }

    Map<String, String> cookies() {
        return cookies;
    }

    List<String> subprotocols() {
        return subprotocols;
    }

    Map<String, String> tags() {
        return tags;
    }

    String name() {
        return name;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration closeTimeout() {
        return closeTimeout;
    }

    int effectiveInboxCapacity() {
        if (inboxCapacity != null) {
            return inboxCapacity;
        }
        return listener == null ? DEFAULT_INBOX_CAPACITY : 0;
    }

    WsListener listener() {
        return listener;
    }

    int[] expectedCloseCodes() {
        return expectedCloseCodes.clone();
    }
}
