package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.demo.internal.render.Html;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The effects one callback of a connected view asked for; {@link Channel} applies them afterwards. */
final class CallbackContext implements ViewContext {
    private final Channel channel;
    private final String user;
    private final Map<String, String> session;

    private Duration mountDelay = Duration.ZERO;
    private String patchTo;
    private Navigation navigation;
    private ObjectNode reply;
    private ArrayNode events;
    private List<Timer> timers;

    /** A full page redirect or a live navigation requested by the view. */
    record Navigation(boolean live, String to) {
    }

    /** A message to deliver to handle_info after a delay. */
    record Timer(Duration delay, Object message) {
    }

    CallbackContext(Channel channel, String user, Map<String, String> session) {
        this.channel = channel;
        this.user = user;
        this.session = session;
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public String viewId() {
        return channel.viewId();
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
        String token = channel.tokens().signView(childId, view, null, channel.instance(), childSession);
        return "<div" + Html.attribute("id", childId)
                + Html.attribute("data-phx-session", token)
                + Html.attribute("data-phx-static", "")
                + Html.attribute("data-phx-parent-id", channel.viewId())
                + "></div>";
    }

    @Override
    public void delayMount(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A mount delay must not be negative, got " + delay);
        }
        mountDelay = delay;
    }

    @Override
    public void pushPatch(String to) {
        requireNoRedirect("push_patch");
        patchTo = to;
    }

    @Override
    public void pushNavigate(String to) {
        requireNoRedirect("push_navigate");
        navigation = new Navigation(true, to);
    }

    @Override
    public void redirect(String to) {
        requireNoRedirect("redirect");
        navigation = new Navigation(false, to);
    }

    @Override
    public void reply(ObjectNode value) {
        reply = value;
    }

    @Override
    public void pushEvent(String name, ObjectNode payload) {
        if (events == null) {
            events = JsonNodeFactory.instance.arrayNode();
        }
        events.addArray().add(name).add(payload);
    }

    @Override
    public void sendAfter(Duration delay, Object message) {
        if (timers == null) {
            timers = new ArrayList<>(2);
        }
        timers.add(new Timer(delay, message));
    }

    Duration mountDelay() {
        return mountDelay;
    }

    /** Returns the pending patch target and clears it, so handle_params can request another one. */
    String takePatch() {
        String to = patchTo;
        patchTo = null;
        return to;
    }

    Navigation navigation() {
        return navigation;
    }

    ObjectNode reply() {
        return reply;
    }

    ArrayNode events() {
        return events;
    }

    List<Timer> timers() {
        return timers == null ? List.of() : timers;
    }

    private void requireNoRedirect(String operation) {
        if (patchTo != null || navigation != null) {
            throw new IllegalStateException("Cannot " + operation + " because the view already asked for a redirect or patch");
        }
    }
}
