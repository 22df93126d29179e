package io.liveload.core.ws;

import io.liveload.core.http.HttpErrorCode;
import java.io.IOException;

/**
 * The cause of a websocket session's failure. k6 has no error codes for websockets, so these codes are
 * liveload's own: short words rather than numbers, which could clash with k6's HTTP {@code error_code} numbers.
 * A failed session is counted once in the run's error log under the category {@code ws} with its
 * {@link #code()}, and its {@code ws_session_failed} sample (and, for a failed upgrade, its {@code ws_sessions}
 * and {@code ws_connecting} samples) carries the code in the {@code error_code} tag. {@link #CANCELLED} is no
 * failure and is neither counted nor tagged, because liveload itself ended the connection when the VU ended or
 * the run stopped.
 *
 * <p>Most codes mean that the connection ended without a closing handshake (close code 1006).
 * {@link #UNEXPECTED_CLOSE} and {@link #HEARTBEAT_TIMEOUT} may come with a completed closing handshake.
 */
public enum WsErrorCode {
    /** The TCP connection could not be opened: refused, no route, or an unknown host. */
    CONNECT_FAILED("connect_failed", "could not connect"),
    CONNECT_TIMEOUT("connect_timeout", "connect or upgrade timed out"),
    TLS_FAILED("tls_failed", "TLS handshake failed"),
    HANDSHAKE_REJECTED("handshake_rejected", "the server rejected the websocket upgrade"),
    /**
     * The TCP connection was open, but it ended (closed or reset) before the upgrade response was complete, as an
     * overloaded server or a proxy may end it.
     */
    UPGRADE_INTERRUPTED("upgrade_interrupted",
            "the connection ended before the upgrade response was complete"),
    PROTOCOL_ERROR("protocol_error", "invalid websocket frame or upgrade response"),
    CONNECTION_LOST("connection_lost", "connection lost without a close frame"),
    CLOSE_TIMEOUT("close_timeout", "the server did not answer the close frame in time, so the connection was cancelled"),
    /**
     * The server closed the session with a close code outside the expected ones (by default 1000 normal, 1001
     * going away and 1005 no code), e.g. 1011 internal error or an application's 4000; see
     * {@link WsOptions#expectCloseCodes}.
     */
    UNEXPECTED_CLOSE("unexpected_close", "the server closed the session with an unexpected close code"),
    /**
     * A keep-alive message of the protocol on top, such as a Phoenix heartbeat, got no reply in time, so liveload
     * closed the session as dead.
     */
    HEARTBEAT_TIMEOUT("heartbeat_timeout", "no heartbeat reply in time, so the session was closed"),
    CANCELLED("cancelled", "cancelled by liveload because the VU ended or the run stopped");

    private final String code;
    private final String description;

    WsErrorCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Returns the short code the error log counts, e.g. {@code handshake_rejected}. */
    public String code() {
        return code;
    }

    /** Returns a short description for people. */
    public String description() {
        return description;
    }

    /**
     * Returns the code of an OkHttp failure.
     *
     * @param opened whether the upgrade had succeeded before the failure
     */
    static WsErrorCode classify(Throwable failure, boolean opened) {
        if (!(failure instanceof IOException io)) {
            return opened ? CONNECTION_LOST : CONNECT_FAILED;
        }
        return switch (HttpErrorCode.classify(io)) {
            case DIAL_TIMEOUT, REQUEST_TIMEOUT -> opened ? CONNECTION_LOST : CONNECT_TIMEOUT;
            case TLS_ERROR, TLS_UNKNOWN_AUTHORITY, TLS_HOSTNAME_MISMATCH -> TLS_FAILED;
            case PROTOCOL_ERROR -> PROTOCOL_ERROR;
            case UNEXPECTED_EOF, CONNECTION_RESET, BROKEN_PIPE, TCP_ERROR ->
                    opened ? CONNECTION_LOST : UPGRADE_INTERRUPTED;
            default -> opened ? CONNECTION_LOST : CONNECT_FAILED;
        };
    }
}
