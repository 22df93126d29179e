package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveload.demo.internal.render.Rendered;
import java.util.Map;

/**
 * A LiveView: its assigns, callbacks and template. One instance serves the dead render and is
 * dropped; another one serves the connected view for as long as its channel lives.
 *
 * <p>Instances are touched only by one thread at a time (the HTTP request, or the socket's lock),
 * so they need no synchronization.
 */
public abstract class LiveView {
    private final Flash flash = new Flash();
    private String pageTitle;
    private boolean pageTitleChanged;

    /** Sets up the assigns; runs for the dead render and again for the connected mount. */
    public abstract void mount(ViewContext context);

    /**
     * Reacts to the page URL; runs after mount for root views and on every live patch.
     *
     * @param params the path and query parameters, the last value winning for repeated names
     * @param url the page URL, absolute when connected, a path with query in the dead render
     */
    public void handleParams(Map<String, String> params, String url, ViewContext context) {
    }

    /** Handles an event of the client; the default crashes the view like an unmatched clause. */
    public void handleEvent(String event, JsonNode value, ViewContext context) {
        throw new UnhandledEventException(this, event);
    }

    /** Handles a message sent with {@link ViewContext#sendAfter}. */
    public void handleInfo(Object message, ViewContext context) {
    }

    /** Renders the view's tree; change marks come from {@link #changes()} and the flash. */
    public abstract Rendered render();

    /** Returns the assigns changed since the last render. */
    public abstract Changes<?> changes();

    /** Returns the stateful components of this view by cid. */
    public Map<Integer, LiveComponent> components() {
        return Map.of();
    }

    /** Returns this view's flash messages. */
    public final Flash flash() {
        return flash;
    }

    /** Sets the page title; a changed title is sent as {@code "t"} in the next diff. */
    protected final void pageTitle(String title) {
        if (!title.equals(pageTitle)) {
            pageTitle = title;
            pageTitleChanged = true;
        }
    }

    /** Returns the title to send with the next diff, or {@code null} when it did not change. */
    final String changedPageTitle() {
        return pageTitleChanged ? pageTitle : null;
    }

    /** Forgets the change marks of the view and its flash after a render. */
    final void afterRender() {
        pageTitleChanged = false;
        flash.clearChanged();
        changes().clear();
    }
}
