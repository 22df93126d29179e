package io.liveload.core.phoenix;

import java.util.ArrayList;
import java.util.List;

/**
 * Effects gathered while the socket's lock is held, to run after it is released: completing reply futures
 * and calling listeners, so that user code never runs under the lock.
 */
final class Deferred {

    private final PhoenixSocket socket;
    private List<Runnable> actions;

    Deferred(PhoenixSocket socket) {
        this.socket = socket;
    }

    void add(Runnable action) {
        if (actions == null) {
            actions = new ArrayList<>(4);
        }
        actions.add(action);
    }

    void complete(Push push, Reply reply) {
        add(() -> push.complete(reply));
    }

    /** Runs the effects in the order they were added; a failing one is counted and the rest still run. */
    void run() {
        if (actions == null) {
            return;
        }
        for (Runnable action : actions) {
            socket.runSafely(action);
        }
        actions = null;
    }
}
