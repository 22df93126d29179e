package io.liveload.core.ws;

import java.lang.reflect.Field;
import kotlin.Unit;
import okhttp3.WebSocket;
import okhttp3.internal.concurrent.TaskQueue;
import okhttp3.internal.ws.RealWebSocket;

/**
 * Sends websocket pings on demand. OkHttp's public API only sends pings on a fixed interval and never reports
 * pongs, so this class uses two of its internals, checked with OkHttp 5.5.1. The ping is queued on the
 * websocket's own writer queue, so it never interleaves with a message being written. The pong is detected
 * through the websocket's pong counter. When a future OkHttp lacks these internals, {@link #available()} is
 * false and pings are unsupported.
 */
final class OkHttpPings {

    private static final Field TASK_QUEUE = findTaskQueue();

    private OkHttpPings() {
    }

    private static Field findTaskQueue() {
        try {
            Field field = RealWebSocket.class.getDeclaredField("taskQueue");
            field.setAccessible(true);
            RealWebSocket.class.getMethod("writePingFrame$okhttp");
            RealWebSocket.class.getMethod("receivedPongCount");
            TaskQueue.class.getMethod("execute", String.class, long.class, boolean.class,
                    kotlin.jvm.functions.Function0.class);
            return field.getType() == TaskQueue.class ? field : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Returns whether this OkHttp version lets liveload send pings. */
    static boolean available() {
        return TASK_QUEUE != null;
    }

    /** Queues one ping frame behind the messages already queued on the websocket. */
    static void send(WebSocket webSocket) {
        RealWebSocket real = (RealWebSocket) webSocket;
        TaskQueue queue;
        try {
            queue = (TaskQueue) TASK_QUEUE.get(real);
        } catch (IllegalAccessException e) {
            throw new UnsupportedOperationException("Cannot reach OkHttp's websocket writer queue", e);
        }
        queue.execute("liveload ping", 0L, true, () -> {
            real.writePingFrame$okhttp();
            return Unit.INSTANCE;
        });
    }

    /** Returns how many pongs the websocket received so far. */
    static int pongsReceived(WebSocket webSocket) {
        return ((RealWebSocket) webSocket).receivedPongCount();
    }
}
