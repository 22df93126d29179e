package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.demo.internal.render.DiffEncoder;
import io.liveload.demo.internal.render.Print;
import io.liveload.demo.internal.security.Tokens;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One joined LiveView topic: the view, the client's copy of its tree, and its nested views.
 *
 * <p>Runs the view's callbacks and turns their effects into frames in the order LiveView sends
 * them. All methods run under the owning {@link LiveSocket}'s lock.
 */
final class Channel {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_PATCHES_PER_CALLBACK = 20;

    private final LiveSocket socket;
    private final String topic;
    private final JsonNode joinRef;
    private final long instance;
    private final String viewId;
    private final String viewName;
    private final LiveView view;
    private final Channel parent;
    private final String user;
    private final Map<String, String> session;
    private final List<Channel> children = new ArrayList<>(1);
    private final Map<Integer, Print> componentPrints = new HashMap<>(2);
    private final Set<Integer> cidsMarkedForDeletion = new HashSet<>(2);
    private final Set<Integer> destroyedCids = new HashSet<>(2);

    private String url;
    private Print print;
    private boolean alive = true;

    Channel(LiveSocket socket, String topic, JsonNode joinRef, long instance, String viewId, String viewName,
            LiveView view, Channel parent, String user, Map<String, String> session, String url) {
        this.socket = socket;
        this.topic = topic;
        this.joinRef = joinRef;
        this.instance = instance;
        this.viewId = viewId;
        this.viewName = viewName;
        this.view = view;
        this.parent = parent;
        this.user = user;
        this.session = session;
        this.url = url;
    }

    String topic() {
        return topic;
    }

    JsonNode joinRef() {
        return joinRef;
    }

    long instance() {
        return instance;
    }

    String viewId() {
        return viewId;
    }

    Channel parent() {
        return parent;
    }

    List<Channel> children() {
        return children;
    }

    boolean alive() {
        return alive;
    }

    void markDead() {
        alive = false;
    }

    Tokens tokens() {
        return socket.services().tokens();
    }

    /**
     * Mounts the view, runs handle_params for a routed root view and renders everything.
     *
     * @param route the route of the join's {@code url} or {@code redirect}, {@code null} for nested views
     * @param flash the flash to show at mount
     * @param navigation whether the join replaces another view by live navigation
     */
    JoinResult mount(LiveRoute route, Map<String, String> flash, boolean navigation) {
        CallbackContext context = newContext();
        try {
            view.flash().restore(flash);
            view.flash().takeCallbackChange();
            view.mount(context);

            ObjectNode livePatch = null;
            if (context.navigation() == null && route != null) {
                view.handleParams(paramsOf(url, route), url, context);
                livePatch = applyPatches(context);
            }
            if (context.navigation() != null) {
                return JoinResult.rejected(redirectError(context));
            }

            ObjectNode response = JSON.objectNode();
            if (navigation) {
                response.set("container", JSON.arrayNode().add("div").add(JSON.objectNode()));
            }
            if (livePatch != null) {
                response.set("live_patch", livePatch);
            }
            response.put("liveview_version", LiveServices.LIVEVIEW_VERSION);
            response.set("rendered", renderDiff(context, true));
            return JoinResult.joined(this, response, context);
        } catch (RuntimeException e) {
            socket.services().problems().report("LiveView crashed while joining",
                    view.getClass().getSimpleName() + ": " + e);
            return JoinResult.rejected("join crashed");
        }
    }

    /** Handles an {@code "event"} message: a click, form, key or hook event for the view or a component. */
    void handleEvent(Frame frame) {
        JsonNode payload = frame.payload();
        String type = textField(payload, "type");
        String event = textField(payload, "event");
        if (type == null || event == null || !payload.has("value")) {
            crash(new IllegalArgumentException("event payload needs type, event and value"));
            return;
        }
        JsonNode value = "form".equals(type)
                ? FormDecoder.decode(payload.get("value").asText(), payload.get("meta"))
                : payload.get("value");
        JsonNode cid = payload.get("cid");

        CallbackContext context = newContext();
        view.flash().takeCallbackChange();
        try {
            if (cid != null && !cid.isNull()) {
                LiveComponent component = liveComponent(cid.asInt());
                if (component == null) {
                    // The client may still target a component it has just removed, so LiveView replies {}.
                    socket.send(Frame.reply(joinRef, frame.ref(), topic, "ok", JSON.objectNode()));
                    return;
                }
                component.handleEvent(event, value, context);
            } else if ("lv:clear-flash".equals(event)) {
                clearFlash(value);
            } else {
                view.handleEvent(event, value, context);
            }
        } catch (RuntimeException e) {
            crash(e);
            return;
        }
        finish(context, frame.ref());
    }

    /** Handles a client {@code "live_patch"}: handle_params when the URL routes to this view, else {@code link_redirect}. */
    void livePatch(Frame frame) {
        String target = textField(frame.payload(), "url");
        if (target == null) {
            crash(new IllegalArgumentException("live_patch payload needs a url"));
            return;
        }
        PageUrl page = PageUrl.parse(target).orElse(null);
        LiveRoute route = page == null ? null : socket.services().router().route(page.path()).orElse(null);
        if (parent != null || url == null || route == null || !route.view().equals(viewName)) {
            ObjectNode response = JSON.objectNode().put("link_redirect", true);
            socket.send(Frame.reply(joinRef, frame.ref(), topic, "ok", response));
            return;
        }

        CallbackContext context = newContext();
        view.flash().takeCallbackChange();
        try {
            url = target;
            view.flash().clearAll();
            view.handleParams(page.paramsWith(route), target, context);
        } catch (RuntimeException e) {
            crash(e);
            return;
        }
        finish(context, frame.ref());
    }

    /** Handles {@code cids_will_destroy}: marks the components the client is about to remove. */
    void cidsWillDestroy(Frame frame) {
        List<Integer> cids = cidsOf(frame);
        if (cids == null) {
            return;
        }
        for (int cid : cids) {
            if (liveComponent(cid) != null) {
                cidsMarkedForDeletion.add(cid);
            }
        }
        socket.send(Frame.reply(joinRef, frame.ref(), topic, "ok", JSON.objectNode()));
    }

    /** Handles {@code cids_destroyed}: deletes the marked components and replies with their cids. */
    void cidsDestroyed(Frame frame) {
        List<Integer> cids = cidsOf(frame);
        if (cids == null) {
            return;
        }
        ArrayNode deleted = JSON.arrayNode();
        for (int cid : cids) {
            if (cidsMarkedForDeletion.remove(cid)) {
                destroyedCids.add(cid);
                componentPrints.remove(cid);
                deleted.add(cid);
            }
        }
        ObjectNode response = JSON.objectNode();
        response.set("cids", deleted);
        socket.send(Frame.reply(joinRef, frame.ref(), topic, "ok", response));
    }

    /** Delivers a timer message to handle_info and pushes the resulting diff. */
    void handleInfo(Object message) {
        CallbackContext context = newContext();
        view.flash().takeCallbackChange();
        try {
            view.handleInfo(message, context);
        } catch (RuntimeException e) {
            crash(e);
            return;
        }
        finish(context, null);
    }

    /** Schedules the timers a callback asked for. */
    void startTimers(CallbackContext context) {
        for (CallbackContext.Timer timer : context.timers()) {
            socket.schedule(this, timer);
        }
    }

    private void finish(CallbackContext context, JsonNode ref) {
        ObjectNode livePatch;
        ObjectNode diff;
        try {
            if (context.navigation() != null) {
                leaveFor(context, ref);
                return;
            }
            livePatch = applyPatches(context);
            if (context.navigation() != null) {
                leaveFor(context, ref);
                return;
            }
            diff = renderDiff(context, false);
        } catch (RuntimeException e) {
            crash(e);
            return;
        }

        if (livePatch != null) {
            socket.send(Frame.push(joinRef, topic, "live_patch", livePatch));
        }
        if (ref == null) {
            if (!diff.isEmpty()) {
                socket.send(Frame.push(joinRef, topic, "diff", diff));
            }
        } else {
            ObjectNode response = JSON.objectNode();
            if (!diff.isEmpty()) {
                response.set("diff", diff);
            }
            socket.send(Frame.reply(joinRef, ref, topic, "ok", response));
        }
        startTimers(context);
    }

    /** Runs handle_params for every push_patch of the callback; returns the last patch's payload, or null. */
    private ObjectNode applyPatches(CallbackContext context) {
        ObjectNode livePatch = null;
        int patches = 0;
        String to;
        while (context.navigation() == null && (to = context.takePatch()) != null) {
            if (++patches > MAX_PATCHES_PER_CALLBACK) {
                throw new IllegalStateException("too many push_patch calls in one callback, the last to " + to);
            }
            PageUrl page = PageUrl.parse(to)
                    .orElseThrow(() -> new IllegalArgumentException("cannot push_patch to an invalid URL"));
            LiveRoute route = socket.services().router().route(page.path())
                    .filter(found -> found.view().equals(viewName))
                    .orElseThrow(() -> new IllegalStateException("cannot push_patch to " + page.path()
                            + " because it does not route to the current view " + viewName));
            url = URI.create(url).resolve(to).toString();
            view.handleParams(page.paramsWith(route), url, context);
            livePatch = JSON.objectNode().put("kind", "push").put("to", to);
        }
        return livePatch;
    }

    /**
     * Sends a redirect or live navigation requested by an event or timer, then closes the channel.
     * As in LiveView 1.2.10, an event gets the target in its reply; a timer pushes it as a message.
     */
    private void leaveFor(CallbackContext context, JsonNode ref) {
        if (context.events() != null) {
            ObjectNode events = JSON.objectNode();
            events.set("e", context.events());
            socket.send(Frame.push(joinRef, topic, "diff", events));
        }
        CallbackContext.Navigation navigation = context.navigation();
        String key = navigation.live() ? "live_redirect" : "redirect";
        ObjectNode options = navigationOptions(navigation);
        if (ref == null) {
            socket.send(Frame.push(joinRef, topic, key, options));
        } else {
            socket.send(Frame.reply(joinRef, ref, topic, "ok", JSON.objectNode().set(key, options)));
        }
        socket.endChannel(this, "phx_close");
    }

    private ObjectNode redirectError(CallbackContext context) {
        CallbackContext.Navigation navigation = context.navigation();
        ObjectNode response = JSON.objectNode();
        response.set("events", context.events() == null ? JSON.arrayNode() : context.events());
        response.set(navigation.live() ? "live_redirect" : "redirect", navigationOptions(navigation));
        return response;
    }

    private ObjectNode navigationOptions(CallbackContext.Navigation navigation) {
        ObjectNode options = JSON.objectNode();
        Flash flash = view.flash();
        if (flash.takeCallbackChange() && !flash.asMap().isEmpty()) {
            options.put("flash", tokens().signFlash(flash.asMap()));
        }
        if (navigation.live()) {
            options.put("kind", "push");
        } else {
            options.put("status", 302);
        }
        options.put("to", navigation.to());
        return options;
    }

    /**
     * Renders the view and its changed components and encodes what the client lacks.
     *
     * @param initial whether the client has nothing yet (a join)
     */
    private ObjectNode renderDiff(CallbackContext context, boolean initial) {
        DiffEncoder.Encoded encoded = DiffEncoder.encodeView(view.render(), initial ? null : print);
        print = encoded.print();
        ObjectNode diff = encoded.diff();

        ObjectNode components = renderComponents(initial);
        if (components != null) {
            diff.set("c", components);
        }
        String title = view.changedPageTitle();
        if (title != null) {
            diff.put("t", title);
        }
        if (context.events() != null) {
            diff.set("e", context.events());
        }
        if (context.reply() != null) {
            diff.set("r", context.reply());
        }
        view.afterRender();
        return diff;
    }

    private ObjectNode renderComponents(boolean initial) {
        ObjectNode components = null;
        for (Map.Entry<Integer, LiveComponent> entry : new TreeMap<>(view.components()).entrySet()) {
            int cid = entry.getKey();
            LiveComponent component = entry.getValue();
            if (destroyedCids.contains(cid) || !(initial || component.changes().any())) {
                continue;
            }
            DiffEncoder.Encoded encoded = DiffEncoder.encodeComponent(component.render(),
                    initial ? null : componentPrints.get(cid));
            componentPrints.put(cid, encoded.print());
            component.changes().clear();
            if (!encoded.isEmpty()) {
                if (components == null) {
                    components = JSON.objectNode();
                }
                components.set(Integer.toString(cid), encoded.diff());
            }
        }
        return components;
    }

    private void crash(RuntimeException cause) {
        socket.services().problems().report("LiveView crashed", view.getClass().getSimpleName() + ": " + cause);
        socket.endChannel(this, "phx_error");
    }

    private void clearFlash(JsonNode value) {
        JsonNode key = value.get("key");
        if (key != null && key.isTextual()) {
            view.flash().clear(key.asText());
        } else {
            view.flash().clearAll();
        }
    }

    private LiveComponent liveComponent(int cid) {
        return destroyedCids.contains(cid) ? null : view.components().get(cid);
    }

    private CallbackContext newContext() {
        return new CallbackContext(this, user, session);
    }

    private static Map<String, String> paramsOf(String url, LiveRoute route) {
        return PageUrl.parse(url).map(page -> page.paramsWith(route)).orElse(route.pathParams());
    }

    /** Returns the payload's cids, or crashes the view and returns null when there is no list, as LiveView's match fails. */
    private List<Integer> cidsOf(Frame frame) {
        JsonNode cids = frame.payload().get("cids");
        if (cids == null || !cids.isArray()) {
            crash(new IllegalArgumentException(frame.event() + " payload needs a cids list"));
            return null;
        }
        List<Integer> result = new ArrayList<>(cids.size());
        cids.forEach(cid -> result.add(cid.asInt()));
        return result;
    }

    private static String textField(JsonNode payload, String name) {
        JsonNode value = payload == null ? null : payload.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
