package io.liveload.core.metrics;

import java.util.List;

/**
 * The metrics liveload records by itself. Names and meanings follow k6 where k6 has the metric; the
 * {@code lv_} metrics are liveload's own, for Phoenix LiveView.
 */
public final class BuiltinMetrics {

    /** Active VUs, sampled once a second. */
    public static final Metric VUS = Metric.gauge("vus", ValueType.DEFAULT);
    /** VUs allocated (started, busy or idle). */
    public static final Metric VUS_MAX = Metric.gauge("vus_max", ValueType.DEFAULT);
    /** Iterations that ran to their end, with or without an exception. */
    public static final Metric ITERATIONS = Metric.counter("iterations", ValueType.DEFAULT);
    /** Time of one complete iteration. */
    public static final Metric ITERATION_DURATION = Metric.trend("iteration_duration", ValueType.TIME);
    /** Iterations an arrival-rate executor could not start because no VU was free. */
    public static final Metric DROPPED_ITERATIONS = Metric.counter("dropped_iterations", ValueType.DEFAULT);
    /**
     * Arrival-rate executors only: time from an iteration's scheduled start to its actual start.
     */
    public static final Metric ITERATION_START_DELAY = Metric.trend("iteration_start_delay", ValueType.TIME);
    /**
     * Arrival-rate executors only: time from an iteration's scheduled start to its end. Unlike
     * {@link #ITERATION_DURATION} it includes the wait before the iteration started, so a stalled server shows
     * in its high percentiles (latency free of coordinated omission, as wrk2 measures it).
     */
    public static final Metric ITERATION_LATENCY = Metric.trend("iteration_latency", ValueType.TIME);
    /** Bytes received over HTTP and websockets. */
    public static final Metric DATA_RECEIVED = Metric.counter("data_received", ValueType.DATA);
    /** Bytes sent over HTTP and websockets. */
    public static final Metric DATA_SENT = Metric.counter("data_sent", ValueType.DATA);
    /** Outcomes of {@code Vu.check}: the fraction that passed. */
    public static final Metric CHECKS = Metric.rate("checks");
    /** Time spent in a group, per group. */
    public static final Metric GROUP_DURATION = Metric.trend("group_duration", ValueType.TIME);

    /** HTTP requests sent, each redirect hop counting once. */
    public static final Metric HTTP_REQS = Metric.counter("http_reqs", ValueType.DEFAULT);
    /** Sending + waiting + receiving: the request's time on the wire, without connection setup. */
    public static final Metric HTTP_REQ_DURATION = Metric.trend("http_req_duration", ValueType.TIME);
    /** Time before the request could start: waiting for a connection from the pool or for DNS. */
    public static final Metric HTTP_REQ_BLOCKED = Metric.trend("http_req_blocked", ValueType.TIME);
    /** Time establishing the TCP connection; zero when a pooled connection was reused. */
    public static final Metric HTTP_REQ_CONNECTING = Metric.trend("http_req_connecting", ValueType.TIME);
    /** Time of the TLS handshake; zero for plain HTTP and reused connections. */
    public static final Metric HTTP_REQ_TLS_HANDSHAKING = Metric.trend("http_req_tls_handshaking", ValueType.TIME);
    /** Time writing the request line, headers and body. */
    public static final Metric HTTP_REQ_SENDING = Metric.trend("http_req_sending", ValueType.TIME);
    /** Time from the end of sending to the first byte of the response (time to first byte). */
    public static final Metric HTTP_REQ_WAITING = Metric.trend("http_req_waiting", ValueType.TIME);
    /** Time reading the response after its first byte. */
    public static final Metric HTTP_REQ_RECEIVING = Metric.trend("http_req_receiving", ValueType.TIME);
    /** Fraction of requests that failed: a network error or a status outside the expected ones (default 200-399). */
    public static final Metric HTTP_REQ_FAILED = Metric.rate("http_req_failed");

    /** Time to establish a websocket connection, from the upgrade request to the 101 response. */
    public static final Metric WS_CONNECTING = Metric.trend("ws_connecting", ValueType.TIME);
    /** Time from the websocket's opening to its close. */
    public static final Metric WS_SESSION_DURATION = Metric.trend("ws_session_duration", ValueType.TIME);
    /** Websocket sessions started. */
    public static final Metric WS_SESSIONS = Metric.counter("ws_sessions", ValueType.DEFAULT);
    /**
     * liveload's own, as k6 has no websocket failure rate: one sample per session when it ends, true when it
     * failed (a failed upgrade, a lost connection, an unexpected close code, a timeout), tagged {@code close_code}
     * and, when it failed, {@code error_code}. A session that liveload cancelled counts as not failed.
     */
    public static final Metric WS_SESSION_FAILED = Metric.rate("ws_session_failed");
    /** Websocket messages sent. */
    public static final Metric WS_MSGS_SENT = Metric.counter("ws_msgs_sent", ValueType.DEFAULT);
    /** Websocket messages received. */
    public static final Metric WS_MSGS_RECEIVED = Metric.counter("ws_msgs_received", ValueType.DEFAULT);
    /** Round trip of a websocket ping to its pong. */
    public static final Metric WS_PING = Metric.trend("ws_ping", ValueType.TIME);

    /** LiveView: time from sending {@code phx_join} to its reply. */
    public static final Metric LV_JOIN_DURATION = Metric.trend("lv_join_duration", ValueType.TIME);
    /** LiveView: fraction of joins that failed, tagged with the reason. */
    public static final Metric LV_JOINS_FAILED = Metric.rate("lv_joins_failed");
    /** LiveView: time from sending an event to its reply. */
    public static final Metric LV_EVENT_DURATION = Metric.trend("lv_event_duration", ValueType.TIME);
    /** LiveView: time of a live patch or live navigation, from the request to the rendered result. */
    public static final Metric LV_NAVIGATION_DURATION = Metric.trend("lv_navigation_duration", ValueType.TIME);
    /** LiveView: size in bytes of each rendered tree or diff received. */
    public static final Metric LV_DIFF_BYTES = Metric.trend("lv_diff_bytes", ValueType.DATA);
    /** LiveView: messages the server sent without a request (diffs, redirects, patches). */
    public static final Metric LV_SERVER_PUSHES = Metric.counter("lv_server_pushes", ValueType.DEFAULT);
    /** LiveView: re-joins after a crash or a reconnect. */
    public static final Metric LV_REJOINS = Metric.counter("lv_rejoins", ValueType.DEFAULT);

    private static final List<Metric> ALL = List.of(
            VUS, VUS_MAX, ITERATIONS, ITERATION_DURATION, DROPPED_ITERATIONS, ITERATION_START_DELAY,
            ITERATION_LATENCY, DATA_RECEIVED, DATA_SENT, CHECKS, GROUP_DURATION,
            HTTP_REQS, HTTP_REQ_DURATION, HTTP_REQ_BLOCKED, HTTP_REQ_CONNECTING, HTTP_REQ_TLS_HANDSHAKING,
            HTTP_REQ_SENDING, HTTP_REQ_WAITING, HTTP_REQ_RECEIVING, HTTP_REQ_FAILED,
            WS_CONNECTING, WS_SESSION_DURATION, WS_SESSIONS, WS_SESSION_FAILED, WS_MSGS_SENT, WS_MSGS_RECEIVED, WS_PING,
            LV_JOIN_DURATION, LV_JOINS_FAILED, LV_EVENT_DURATION, LV_NAVIGATION_DURATION, LV_DIFF_BYTES,
            LV_SERVER_PUSHES, LV_REJOINS);

    private BuiltinMetrics() {
    }

    /** Returns every built-in metric. */
    public static List<Metric> all() {
        return ALL;
    }
}
