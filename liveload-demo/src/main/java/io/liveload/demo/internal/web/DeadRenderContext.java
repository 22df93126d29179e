package io.liveload.demo.internal.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.demo.internal.live.ViewContext;
import java.time.Duration;
import java.util.Map;

/**
 * The context of a view in the dead render. Any redirect or patch turns the page into an HTTP
 * redirect; events, replies, timers and mount delays are dropped, as for a disconnected mount.
 */
final class DeadRenderContext implements ViewContext {
    private final NestedRenderer nested;
    private final String viewId;
    private final String user;
    private final Map<String, String> session;
    private String redirectTo;

    /** Returns the HTML that stands for a nested view in the parent's dead render. */
    interface NestedRenderer {
        String render(String childId, String view, Map<String, String> childSession);
    }

    DeadRenderContext(NestedRenderer nested, String viewId, String user, Map<String, String> session) {
        this.nested = nested;
        this.viewId = viewId;
        this.user = user;
        this.session = session;
    }

    @Override
    public boolean connected() {
        return false;
    }

    /** Returns the container id; fails for a root view, whose dead render is shared by many requests and ids. */
    @Override
    public String viewId() {
        if (viewId == null) {
            throw new UnsupportedOperationException("A root view's dead render is reused for many requests, so it has no view id");
        }
        return viewId;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public Map<String, String> session() {
        return session;
    }

    @Override
    public String liveRender(String childId, String view, Map<String, String> childSession) {
        return nested.render(childId, view, childSession);
    }

    @Override
    public void delayMount(Duration delay) {
        // Only connected mounts stand in for costly work.
    }

    @Override
    public void pushPatch(String to) {
        redirectTo = to;
    }

    @Override
    public void pushNavigate(String to) {
        redirectTo = to;
    }

    @Override
    public void redirect(String to) {
        redirectTo = to;
    }

    @Override
    public void reply(ObjectNode reply) {
        // A dead render has no event to reply to.
    }

    @Override
    public void pushEvent(String name, ObjectNode payload) {
        // Nothing listens before the websocket joins.
    }

    @Override
    public void sendAfter(Duration delay, Object message) {
        // The dead render's view is dropped after the response.
    }

    /** Returns where the view sent the client, or {@code null}. */
    String redirectTo() {
        return redirectTo;
    }
}
