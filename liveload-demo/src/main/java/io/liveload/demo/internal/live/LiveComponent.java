package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveload.demo.internal.render.Rendered;

/**
 * A stateful LiveComponent: it renders its own tree, sent under {@code "c"}, and receives the
 * events whose {@code cid} names it. Touched only under its socket's lock.
 */
public abstract class LiveComponent {
    /** Renders the component; change marks come from {@link #changes()}. */
    public abstract Rendered render();

    /** Returns the assigns changed since the last render. */
    public abstract Changes<?> changes();

    /** Handles an event sent to this component; the default crashes the view like an unmatched clause. */
    public void handleEvent(String event, JsonNode value, ViewContext context) {
        throw new UnhandledEventException(this, event);
    }
}
