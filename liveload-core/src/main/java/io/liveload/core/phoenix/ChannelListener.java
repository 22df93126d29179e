package io.liveload.core.phoenix;

/**
 * Callbacks of one channel, as an alternative to the channel's inbox. Every method has an empty default.
 *
 * <p>Threading: the methods run on the socket's reader thread (OkHttp's, on the run's executor), on the run's
 * timer thread (timeouts, heartbeat loss) or on the VU thread for effects of its own calls (a leave while the
 * socket is down). Messages arrive in order on the reader thread, but a timer callback may run at the same
 * time, so a listener that keeps state must be thread-safe. Keep the methods short and non-blocking. Do not
 * wait for a reply inside one: the reader thread would be the one waiting, so the reply could not be read.
 * An exception is counted in the run's error log and the socket goes on.
 */
public interface ChannelListener {

    /** Called for each server push or broadcast on the topic; not for replies or lifecycle events. */
    default void onMessage(Channel channel, PhoenixMessage message) {
    }

    /**
     * Called with the outcome of every join attempt, the first and each rejoin: the server's ok or error
     * reply, a timeout, or {@link Reply#CHANNEL_LOST} when the socket or channel went down first.
     */
    default void onJoin(Channel channel, Reply reply) {
    }

    /** Called when the channel errored: {@code phx_error} (the server's channel process crashed) or the socket went down. */
    default void onError(Channel channel, String reason) {
    }

    /** Called once when the channel closed for good: {@code phx_close}, a leave, or the socket's final close. */
    default void onClose(Channel channel, String reason) {
    }
}
