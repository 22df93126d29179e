package io.liveload.core.ws;

/**
 * Callbacks of one websocket session, for scripts that prefer them to {@link WsSession#receive} and for
 * clients built on top (Phoenix Channels). Every method has an empty default.
 *
 * <p>Threading: {@link #onOpen} and {@link #onMessage} run on the session's reader thread (OkHttp's, which
 * runs on the run's executor, a virtual thread on Java 21+), one at a time and in arrival order.
 * {@link #onClose} runs once, on the reader thread, on OkHttp's writer thread, on the run's timer thread or on
 * the VU thread that ended the session, so it may overlap a message callback that is still running. Keep
 * callbacks short and non-blocking, because the reader reads nothing else while one runs. An exception from a callback is counted in the run's error log and the session goes on.
 */
public interface WsListener {

    /** Called when the upgrade succeeded. */
    default void onOpen(WsSession session) {
    }

    /** Called for every message received. */
    default void onMessage(WsSession session, WsMessage message) {
    }

    /** Called once when the session ended, also when the connect failed (then without {@link #onOpen}). */
    default void onClose(WsSession session, WsClose close) {
    }
}
