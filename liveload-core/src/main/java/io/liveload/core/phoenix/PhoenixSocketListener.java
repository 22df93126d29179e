package io.liveload.core.phoenix;

import io.liveload.core.ws.WsClose;

/**
 * Callbacks of a Phoenix socket's connection. Every method has an empty default. They run on the socket's
 * reader thread or the run's timer thread; keep them short and non-blocking. An exception is counted in the
 * run's error log.
 */
public interface PhoenixSocketListener {

    /** Called when the websocket opened: the first time and after each reconnect. */
    default void onOpen(PhoenixSocket socket, boolean reconnected) {
    }

    /**
     * Called when the websocket closed or failed.
     *
     * @param willReconnect whether a reconnect is scheduled; false means the socket is closed for good
     */
    default void onClose(PhoenixSocket socket, WsClose close, boolean willReconnect) {
    }
}
