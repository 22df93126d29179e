package io.liveload.core.phoenix;

import io.liveload.core.internal.VuWaits;
import io.liveload.core.ws.WsOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of one Phoenix socket, set in the lambda passed to {@link PhoenixClient#connect}. The defaults are
 * phoenix.js's. Each setter returns this object so calls chain.
 * <pre>{@code
 * PhoenixSocket socket = vu.phoenix().connect("/socket", phx -> phx
 *         .param("token", token)
 *         .websocket(ws -> ws.origin("http://127.0.0.1:4000")));
 * }</pre>
 */
public final class PhoenixOptions {

    /** phoenix.js's heartbeat interval. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
    /** phoenix.js's default time a join, push or leave waits for its reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** phoenix.js's delays before reconnect attempts 1, 2, ...; the last one repeats. */
    public static final List<Duration> DEFAULT_RECONNECT_BACKOFF = millis(10, 50, 100, 150, 200, 250, 500, 1000, 2000, 5000);
    /** phoenix.js's delays before rejoin attempts 1, 2, ...; the last one repeats. */
    public static final List<Duration> DEFAULT_REJOIN_BACKOFF = millis(1000, 2000, 5000, 10000);
    /** Reconnect attempts in a row before the socket gives up; about 8 minutes with the default back-off. */
    public static final int DEFAULT_MAX_RECONNECT_ATTEMPTS = 100;

    private final Map<String, Object> params = new LinkedHashMap<>(0);
    private Consumer<WsOptions> websocket;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean reconnect = true;
    private int maxReconnectAttempts = DEFAULT_MAX_RECONNECT_ATTEMPTS;
    private List<Duration> reconnectBackoff = DEFAULT_RECONNECT_BACKOFF;
    private boolean rejoin = true;
    private List<Duration> rejoinBackoff = DEFAULT_REJOIN_BACKOFF;
    private int inboxCapacity = WsOptions.DEFAULT_INBOX_CAPACITY;
    private PhoenixSocketListener listener;

    PhoenixOptions() {
    }

    private static List<Duration> millis(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMillis).toList();
    }

    /**
     * Adds a connect parameter to the URL's query, as phoenix.js's {@code params}: strings, numbers and
     * booleans as they are, maps as {@code key[sub]=value} and lists as {@code key[0]=value}.
     */
    public PhoenixOptions param(String key, Object value) {
        params.put(Objects.requireNonNull(key, "param key"), Objects.requireNonNull(value, "param value"));
        return this;
    }

    /** Adds connect parameters; see {@link #param}. */
    public PhoenixOptions params(Map<String, ?> values) {
        values.forEach(this::param);
        return this;
    }

    /**
     * Sets the websocket's options: headers such as {@code Origin}, cookies, tags, name and timeouts. Inbox and
     * listener are the socket's own and are overridden.
     */
    public PhoenixOptions websocket(Consumer<WsOptions> configure) {
        this.websocket = Objects.requireNonNull(configure, "websocket options");
        return this;
    }

    /**
     * Sets the time between a heartbeat reply and the next heartbeat, and the time a heartbeat waits for its
     * reply before the socket is closed as dead ("heartbeat timeout"); 30 s by default.
     */
    public PhoenixOptions heartbeatInterval(Duration interval) {
        this.heartbeatInterval = requirePositive(interval, "heartbeat interval");
        return this;
    }

    /** Sets the default time a join, push or leave waits for its reply; 10 s by default. */
    public PhoenixOptions timeout(Duration replyTimeout) {
        this.timeout = requirePositive(replyTimeout, "reply timeout");
        return this;
    }

    /**
     * Turns reconnecting on or off (on by default). When on, a socket that opened once reconnects after the
     * server closed it with a code other than 1000, after a connection failure and after a heartbeat timeout.
     * Every channel then rejoins.
     */
    public PhoenixOptions reconnect(boolean enabled) {
        this.reconnect = enabled;
        return this;
    }

    /** Sets how many reconnect attempts in a row are made before the socket closes for good; 100 by default. */
    public PhoenixOptions maxReconnectAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("Invalid maxReconnectAttempts " + attempts + ": it must be at least 1");
        }
        this.maxReconnectAttempts = attempts;
        return this;
    }

    /** Sets the delays before reconnect attempts 1, 2, ...; the last one repeats. */
    public PhoenixOptions reconnectBackoff(Duration... delays) {
        this.reconnectBackoff = requireDelays(delays, "reconnect back-off");
        return this;
    }

    /**
     * Turns automatic rejoins on or off (on by default). When on, a channel that errored (a
     * {@code phx_error}, a join error or timeout) rejoins after the rejoin back-off while the socket is open.
     */
    public PhoenixOptions rejoin(boolean enabled) {
        this.rejoin = enabled;
        return this;
    }

    /** Sets the delays before rejoin attempts 1, 2, ...; the last one repeats. */
    public PhoenixOptions rejoinBackoff(Duration... delays) {
        this.rejoinBackoff = requireDelays(delays, "rejoin back-off");
        return this;
    }

    /**
     * Sets how many messages a channel without listener keeps for {@link Channel#receive}; the oldest is
     * dropped and counted when it is full. 1000 by default.
     */
    public PhoenixOptions inboxCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Invalid inbox capacity " + capacity + ": it must be at least 1");
        }
        this.inboxCapacity = capacity;
        return this;
    }

    /** Sets the socket's callbacks; see {@link PhoenixSocketListener}. */
    public PhoenixOptions listener(PhoenixSocketListener socketListener) {
        this.listener = Objects.requireNonNull(socketListener, "listener");
        return this;
    }

    private static Duration requirePositive(Duration value, String setting) {
        VuWaits.nanos(value, setting);
        if (value.isZero()) {
            throw new IllegalArgumentException("Invalid " + setting + " " + value + ": it must be longer than zero");
        }
        return value;
    }

    private static List<Duration> requireDelays(Duration[] delays, String setting) {
        if (delays.length == 0) {
            throw new IllegalArgumentException("Invalid " + setting + ": give at least one delay");
        }
        for (Duration delay : delays) {
            VuWaits.nanos(delay, setting + " delay");
        }
        return List.of(delays);
    }

    Map<String, Object> params() {
        return params;
    }

    Consumer<WsOptions> websocket() {
        return websocket;
    }

    Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    Duration timeout() {
        return timeout;
    }

    boolean reconnect() {
        return reconnect;
    }

    int maxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    List<Duration> reconnectBackoff() {
        return reconnectBackoff;
    }

    boolean rejoin() {
        return rejoin;
    }

    List<Duration> rejoinBackoff() {
        return rejoinBackoff;
    }

    int inboxCapacity() {
        return inboxCapacity;
    }

    PhoenixSocketListener listener() {
        return listener;
    }
}
