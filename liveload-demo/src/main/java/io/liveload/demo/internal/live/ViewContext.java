package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;

/**
 * The data a view can read and the effects it can request during one callback (mount, handle_params, handle_event,
 * handle_info). Effects are collected and applied by the caller after the callback returns, in
 * the order LiveView applies them. During the dead render only the redirects take effect; events,
 * replies and timers are dropped, as LiveView drops them for a disconnected mount.
 */
public interface ViewContext {
    /** Returns whether the view runs over the websocket rather than in the dead render. */
    boolean connected();

    /** Returns the id of the view's container element. */
    String viewId();

    /** Returns the logged-in user of the session, or {@code null} when anonymous. */
    String user();

    /** Returns the session map a parent passed to this nested view; empty for root views. */
    Map<String, String> session();

    /**
     * Returns the HTML of a nested view's container: the child's dead render with an empty
     * session token in the dead render, an empty container with a signed session token when
     * connected.
     */
    String liveRender(String childId, String view, Map<String, String> childSession);

    /** Delays the join reply by the given time, standing in for costly work in a connected mount. */
    void delayMount(Duration delay);

    /** Changes the URL to another one of the same view and runs handle_params again, like {@code push_patch}. */
    void pushPatch(String to);

    /** Replaces the view by the one at {@code to} in the same live_session, like {@code push_navigate}. */
    void pushNavigate(String to);

    /** Sends the client to another page with a full page load, like {@code redirect}. */
    void redirect(String to);

    /** Sets the hook reply of the current event, sent as {@code "r"} in the diff. */
    void reply(ObjectNode reply);

    /** Queues an event for the client's hooks and window listeners, sent as {@code "e"} in the diff. */
    void pushEvent(String name, ObjectNode payload);

    /** Delivers the message to the view's handle_info after the delay, while the view lives. */
    void sendAfter(Duration delay, Object message);
}
