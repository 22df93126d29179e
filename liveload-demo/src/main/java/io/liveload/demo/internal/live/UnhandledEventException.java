package io.liveload.demo.internal.live;

/** Thrown for an event that a view or component does not handle; like LiveView, the view crashes. */
public final class UnhandledEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnhandledEventException(Object handler, String event) {
        super(handler.getClass().getSimpleName() + " has no handler for event \"" + event + "\"");
    }
}
