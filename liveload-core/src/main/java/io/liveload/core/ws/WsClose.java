package io.liveload.core.ws;

import java.util.Objects;

/**
 * The end of a websocket session: its close code and reason, who started the close, and the failure if any.
 *
 * @param code         the close code of the closing handshake (RFC 6455, e.g. 1000 normal, 1001 going away,
 *                     1011 server error), 1005 when the server's close frame carried no code, or 1006 when the
 *                     connection ended without a closing handshake, as browsers report it
 * @param reason       the close reason, empty when none was given
 * @param byClient     whether liveload started the close: the script, the VU's end, a timeout or a cancel.
 *                     False when the server sent the close frame or the connection failed
 * @param error        why the session failed or was cancelled, or null when it ended as expected. Set with code
 *                     1006 for a connection that ended without a closing handshake, and with the server's code
 *                     for {@link WsErrorCode#UNEXPECTED_CLOSE} and a {@link WsErrorCode#HEARTBEAT_TIMEOUT} whose
 *                     close frame the server still returned
 * @param errorMessage details of the failure for people, or null when {@code error} is null
 */
public record WsClose(int code, String reason, boolean byClient, WsErrorCode error, String errorMessage) {

    /** Normal closure. */
    public static final int NORMAL = 1000;
    /** The endpoint is going away, e.g. the VU ended. */
    public static final int GOING_AWAY = 1001;
    /** The server's close frame carried no code; never sent on the wire. */
    public static final int NO_STATUS = 1005;
    /** The connection ended without a closing handshake; never sent on the wire. */
    public static final int ABNORMAL = 1006;

    public WsClose {
        if (code < 1000 || code > 4999) {
            throw new IllegalArgumentException("Invalid close code " + code + ": it must be between 1000 and 4999");
        }
        Objects.requireNonNull(reason, "reason");
        if ((error == null) != (errorMessage == null)) {
            throw new IllegalArgumentException("A close has both an error and an error message, or neither: "
                    + error + ", " + errorMessage);
        }
    }

    /** Returns whether the session ended with a closing handshake, as a browser's {@code wasClean} reports it. */
    public boolean clean() {
        return code != ABNORMAL;
    }

    /**
     * Returns whether the session counts as failed in {@code ws_session_failed}: it has an error other than
     * {@link WsErrorCode#CANCELLED}.
     */
    public boolean failed() {
        return error != null && error != WsErrorCode.CANCELLED;
    }
}
