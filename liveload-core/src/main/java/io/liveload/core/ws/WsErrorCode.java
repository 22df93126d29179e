package io.liveload.core.ws;

import io.liveload.core.http.HttpErrorCode;
import java.io.IOException;

/**
 * The cause of a websocket connection's failure, when it ended without a closing handshake. The run's error
 * log counts failures by {@link #code()} under the category {@code ws}. {@link #CANCELLED} is not counted,
 * because liveload itself ended the connection when the VU ended or the run stopped.
 */
public enum WsErrorCode {
    CONNECT_FAILED("connect_failed", "could not connect"),
    CONNECT_TIMEOUT("connect_timeout", "connect or upgrade timed out"),
    TLS_FAILED("tls_failed", "TLS handshake failed"),
    HANDSHAKE_REJECTED("handshake_rejected", "the server rejected the websocket upgrade"),
    PROTOCOL_ERROR("protocol_error", "invalid websocket frame or upgrade response"),
    CONNECTION_LOST("connection_lost", "connection lost without a close frame"),
    CLOSE_TIMEOUT("close_timeout", "the server did not answer the close frame in time, so the connection was cancelled"),
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
            default -> opened ? CONNECTION_LOST : CONNECT_FAILED;
        };
    }
}
