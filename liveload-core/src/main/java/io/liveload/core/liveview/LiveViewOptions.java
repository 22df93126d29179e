package io.liveload.core.liveview;

import io.liveload.core.internal.VuWaits;
import io.liveload.core.ws.WsOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of one LiveView page, set in the lambda passed to {@link LiveViewClient#open(String, Consumer)}.
 * The defaults are those of the official JavaScript client. Each setter returns this object so calls chain.
 * <pre>{@code
 * LiveView profile = vu.liveView().open("/" + user, lv -> lv.name("profile").eventTimeout(Duration.ofSeconds(5)));
 * }</pre>
 */
public final class LiveViewOptions {

    /** The time a join waits for its reply: phoenix.js's default push timeout. */
    public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(10);
    /** The time an event or live patch waits for its reply: the LiveView client's {@code PUSH_TIMEOUT}. */
    public static final Duration DEFAULT_EVENT_TIMEOUT = Duration.ofSeconds(30);
    /** phoenix.js's heartbeat interval. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
    /** The socket path of generated Phoenix apps ({@code socket "/live", Phoenix.LiveView.Socket}). */
    public static final String DEFAULT_SOCKET_PATH = "/live";
    /** How many pushed events wait for {@link LiveView#awaitEvent} before the oldest is dropped. */
    public static final int DEFAULT_MAX_QUEUED_EVENTS = 1000;

    private final Map<String, Object> connectParams = new LinkedHashMap<>(0);
    private String name;
    private Duration joinTimeout = DEFAULT_JOIN_TIMEOUT;
    private Duration eventTimeout = DEFAULT_EVENT_TIMEOUT;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private String origin;
    private String socketPath = DEFAULT_SOCKET_PATH;
    private String liveViewVersion;
    private int maxQueuedEvents = DEFAULT_MAX_QUEUED_EVENTS;
    private Consumer<WsOptions> websocket;
    private FrameObserver observer;

    LiveViewOptions() {
    }

    /**
     * Names the page in the {@code view} tag of the {@code lv_*} metrics instead of its path, so that pages
     * whose path differs per VU ({@code /glennr}, {@code /ann}) fall into one series. The name stays after
     * live navigation.
     */
    public LiveViewOptions name(String viewName) {
        if (viewName == null || viewName.isBlank()) {
            throw new IllegalArgumentException("A LiveView name must not be blank");
        }
        this.name = viewName;
        return this;
    }

    /** Sets how long a join waits for its reply; 10 s by default. */
    public LiveViewOptions joinTimeout(Duration timeout) {
        this.joinTimeout = requirePositive(timeout, "join timeout");
        return this;
    }

    /** Sets how long an event or live patch waits for its reply; 30 s by default, as in the official client. */
    public LiveViewOptions eventTimeout(Duration timeout) {
        this.eventTimeout = requirePositive(timeout, "event timeout");
        return this;
    }

    /**
     * Sets the time between a heartbeat reply and the next heartbeat; a heartbeat without reply within this
     * time closes the socket as dead and reconnects. 30 s by default.
     */
    public LiveViewOptions heartbeatInterval(Duration interval) {
        this.heartbeatInterval = requirePositive(interval, "heartbeat interval");
        return this;
    }

    /**
     * Sets the websocket's {@code Origin} header, e.g. {@code http://127.0.0.1:4000}. By default it is the
     * page's scheme, host and port, as a browser sends it.
     */
    public LiveViewOptions origin(String value) {
        this.origin = Objects.requireNonNull(value, "origin");
        return this;
    }

    /**
     * Adds a connect parameter, as the {@code params} option of the JavaScript {@code LiveSocket}: it goes into
     * the websocket URL's query and into every join's {@code params}. Parameters come after
     * {@code _csrf_token}, and one with that name replaces the page's token.
     */
    public LiveViewOptions connectParam(String key, Object value) {
        connectParams.put(Objects.requireNonNull(key, "param key"), Objects.requireNonNull(value, "param value"));
        return this;
    }

    /**
     * Sets the path of the LiveView socket, relative to the page; {@code /live} by default. The client connects
     * to {@code <path>/websocket}.
     */
    public LiveViewOptions socketPath(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A socket path must not be blank, e.g. \"/live\"");
        }
        this.socketPath = path;
        return this;
    }

    /**
     * Sets the LiveView version the server runs, e.g. {@code 0.20.17}, so that even the first join uses the
     * message formats of that version's JavaScript client. Without it, the first join uses the newest formats;
     * later messages always follow the {@code liveview_version} of the server's join reply.
     */
    public LiveViewOptions liveViewVersion(String version) {
        this.liveViewVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /** Sets how many pushed events wait for {@link LiveView#awaitEvent}; the oldest is dropped beyond. 1000 by default. */
    public LiveViewOptions maxQueuedEvents(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Invalid maxQueuedEvents " + count + ": it must be at least 1");
        }
        this.maxQueuedEvents = count;
        return this;
    }

    /**
     * Sets options of the websocket upgrade request, such as extra headers, cookies, tags, a name or timeouts;
     * they apply after the default {@code Origin}.
     */
    public LiveViewOptions websocket(Consumer<WsOptions> configure) {
        this.websocket = Objects.requireNonNull(configure, "websocket options");
        return this;
    }

    LiveViewOptions observer(FrameObserver frameObserver) {
        this.observer = frameObserver;
        return this;
    }

    private static Duration requirePositive(Duration value, String setting) {
        VuWaits.nanos(value, setting);
        if (value.isZero()) {
            throw new IllegalArgumentException("Invalid " + setting + " " + value + ": it must be longer than zero");
        }
        return value;
    }

    Settings settings() {
        return new Settings(name, VuWaits.nanos(joinTimeout, "join timeout"),
                VuWaits.nanos(eventTimeout, "event timeout"), heartbeatInterval, origin,
                Collections.unmodifiableMap(new LinkedHashMap<>(connectParams)), socketPath, ClientDialect.of(liveViewVersion), maxQueuedEvents,
                websocket, observer);
    }

    /** The options of one LiveView, fixed when it opens. */
    record Settings(String name, long joinTimeoutNanos, long eventTimeoutNanos, Duration heartbeatInterval,
                    String origin, Map<String, Object> connectParams,
                    String socketPath, ClientDialect initialDialect, int maxQueuedEvents,
                    Consumer<WsOptions> websocket, FrameObserver observer) {
    }
}
