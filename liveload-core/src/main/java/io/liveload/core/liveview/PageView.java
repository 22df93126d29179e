package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.liveview.render.ChildView;
import io.liveload.core.liveview.render.MergeResult;
import io.liveload.core.liveview.render.PushEvent;
import io.liveload.core.liveview.render.RenderException;
import io.liveload.core.liveview.render.ViewContainer;
import io.liveload.core.liveview.render.ViewState;
import io.liveload.core.phoenix.Channel;
import io.liveload.core.phoenix.ChannelListener;
import io.liveload.core.phoenix.JoinPayload;
import io.liveload.core.phoenix.PhoenixMessage;
import io.liveload.core.phoenix.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One LiveView of a page (the main view, a sticky view or a nested child) and its channel: it builds the join
 * payloads, merges join replies, diffs and event replies into its {@link ViewState}, and reacts to the
 * server's navigation, errors and closes as the official client's {@code View} does.
 *
 * <p>Threading: every method runs with the owning {@link BrowserTab}'s lock held. The channel callbacks take it
 * themselves; they run on the socket's reader thread or the run's timer thread. A callback of a channel that
 * this view no longer uses (after live navigation or a fresh rejoin) is ignored.
 */
final class PageView implements ChannelListener, JoinPayload {

    /** The official client gives up on a nested view after this many failed joins in a row. */
    static final int MAX_CHILD_JOIN_ATTEMPTS = 3;
    /** Rejoins in a row after diffs that could not be merged, before the view is reported as broken. */
    static final int MAX_RENDER_REJOINS = 3;

    final Page page;
    final String id;
    final String topic;
    /** The parent view's id for a nested view, null for a root. */
    final String parentId;
    final boolean sticky;
    private final String session;
    private final String staticToken;
    /** Whether the view was joined by live navigation: its joins carry {@code redirect} instead of {@code url}. */
    private final boolean navigation;
    private final String flash;
    private final String liveReferer;
    /** The URL of a root view's joins; updated by live patches. */
    String href;
    /** The container of a root view; null for nested views. */
    ViewContainer container;
    Channel channel;
    ViewState state;
    boolean joined;
    /** Whether the view left, was closed by the server or failed for good; it never rejoins then. */
    boolean finished;
    private boolean awaitingFirstOutcome;
    private int joinCount;
    private int joinAttempts;
    private int renderRejoins;
    private long navigationStartNanos;
    private ComponentCleanup components;
    private Map<String, FormUse> forms;

    /** The fields of a form that a script has set, for LiveView's {@code _unused_} markers. */
    static final class FormUse {
        final Set<String> usedNames = new HashSet<>(4);
        boolean submitted;
    }

    private PageView(Page page, String id, String parentId, boolean sticky, String session, String staticToken,
                     boolean navigation, String flash, String liveReferer, String href) {
        this.page = page;
        this.id = id;
        this.topic = "lv:" + id;
        this.parentId = parentId;
        this.sticky = sticky;
        this.session = session;
        this.staticToken = staticToken;
        this.navigation = navigation;
        this.flash = flash;
        this.liveReferer = liveReferer;
        this.href = href;
    }

    /** Returns a root view found in the dead render; its joins carry the page URL unless it is sticky. */
    static PageView root(Page page, ViewContainer container) {
        Map<String, String> attributes = container.attributes();
        PageView view = new PageView(page, container.id(), null, attributes.containsKey(DeadRender.STICKY),
                attributes.getOrDefault(DeadRender.SESSION, ""), attributes.get("data-phx-static"), false, null, null,
                attributes.containsKey(DeadRender.STICKY) ? null : page.url);
        view.container = container;
        return view;
    }

    /** Returns a nested view its parent rendered. */
    static PageView child(Page page, ChildView child, String parentId) {
        return new PageView(page, child.id(), parentId, false, child.session(), child.staticToken(), false, null,
                null, null);
    }

    /**
     * Returns the main view that live navigation joins in place of {@code previous}: same id, container and
     * tokens, with the target URL, the flash token of a server redirect and the previous URL as referer. It
     * shows the previous view's content until its join reply is merged, as the browser keeps the old page.
     */
    static PageView navigated(Page page, PageView previous, String target, String flash, String referer) {
        PageView view = new PageView(page, previous.id, null, false, previous.session, previous.staticToken, true,
                flash, referer, target);
        view.container = previous.container;
        view.state = previous.state;
        view.navigationStartNanos = System.nanoTime();
        return view;
    }

    boolean isMain() {
        return page.main == this;
    }

    // ---- joining ----

    /** Creates the channel and sends the first join; the outcome comes to {@link #onJoin}. */
    void join() {
        awaitingFirstOutcome = true;
        page.joinsInFlight++;
        try {
            channel = page.socket.channel(topic, this);
        } catch (IllegalStateException closed) {
            fail("socket_closed");
            return;
        }
        channel.join(this);
    }

    @Override
    public Object build(int attempt) {
        page.owner.lock();
        try {
            String url = navigation ? null : href;
            String redirect = navigation ? href : null;
            JoinRequest request = new JoinRequest(url, redirect, page.appParams, page.dead.trackStatic(), joinCount,
                    joinAttempts, liveReferer, session, staticToken, flash, sticky);
            ObjectNode payload = request.payload(page.dialect);
            joinAttempts++;
            if (attempt > 0) {
                page.metrics.rejoins.increment();
            }
            page.owner.observer().joinBuilt(topic, payload);
            return payload;
        } finally {
            page.owner.unlock();
        }
    }

    @Override
    public void onJoin(Channel from, Reply reply) {
        page.owner.lock();
        try {
            if (from != channel || finished || page.unloading) {
                return;
            }
            switch (reply.status()) {
                case Reply.OK -> joined(reply);
                case Reply.TIMEOUT -> {
                    fail("timeout");
                    return;
                }
                case Reply.CHANNEL_LOST -> {
                    // The socket went down during the join; the channel rejoins when it reconnects.
                    return;
                }
                default -> joinRejected(reply.response());
            }
            frameHandled("phx_reply");
        } finally {
            page.owner.unlock();
        }
    }

    private void joined(Reply reply) {
        JsonNode rendered = reply.response().get("rendered");
        if (!(rendered instanceof ObjectNode tree)) {
            fail("invalid_reply");
            return;
        }
        page.metrics.diffBytes.record(Json.size(tree));
        String version = Json.text(reply.response(), "liveview_version");
        if (version != null) {
            page.dialect = ClientDialect.of(version);
        }

        ViewState target = state != null ? state : new ViewState(id);
        MergeResult result;
        try {
            result = target.join(tree);
        } catch (RenderException e) {
            page.owner.recordError("render_failed", "a join reply could not be rendered: " + e.getMessage());
            fail("render_error");
            return;
        }
        // NOTE: after a rejoin the official client sends each form's phx-change again with the values the
        // user had typed (form recovery); this client does not, so a rejoined form shows the server's values.
        state = target;
        joinCount++;
        joinAttempts = 0;
        joined = true;
        if (components != null) {
            components.reset();
        }

        JsonNode newContainer = reply.response().get("container");
        if (newContainer != null && container != null) {
            container = container.replacedBy(newContainer);
        }
        JsonNode livePatch = reply.response().get("live_patch");
        if (livePatch != null && Json.text(livePatch, "to") != null) {
            href = page.absolute(Json.text(livePatch, "to"));
        }
        if (isMain()) {
            page.url = href;
            page.owner.mainJoined();
        }
        applyResult(result);
        page.metrics.joinDuration.record(reply.elapsed());
        page.metrics.joinsFailed.add(false);
        if (navigationStartNanos != 0) {
            page.metrics.navigation("navigate", System.nanoTime() - navigationStartNanos);
            navigationStartNanos = 0;
        }
        firstOutcome();
        if (Json.mentions(tree, DeadRender.PARENT_ID) || page.hasChildren(id)) {
            reconcileChildren();
        }
    }

    /** Acts on a join error reply as the official client's {@code onJoinError} does. */
    private void joinRejected(JsonNode response) {
        queueEvents(response.get("events"));
        JsonNode redirect = response.get("redirect");
        JsonNode liveRedirect = response.get("live_redirect");
        String reason = Json.text(response, "reason");
        if (redirect != null && Json.text(redirect, "to") != null) {
            stop();
            page.owner.requestLoad(page.absolute(Json.text(redirect, "to")), Json.text(redirect, "flash"), null,
                    "a join reply redirected");
        } else if (liveRedirect != null && Json.text(liveRedirect, "to") != null) {
            stop();
            page.navigate(Json.text(liveRedirect, "to"), Json.text(liveRedirect, "flash"));
        } else if ("stale".equals(reason) || "unauthorized".equals(reason) || "reload".equals(reason)) {
            String mainHref = page.main != null && page.main.href != null ? page.main.href : page.url;
            if (page.owner.reloadAfterJoinError(mainHref, "reload".equals(reason) ? Json.text(response, "token") : null,
                    reason)) {
                firstOutcome();
            } else {
                fail(reason);
            }
        } else if (parentId != null && joinAttempts < MAX_CHILD_JOIN_ATTEMPTS) {
            // The channel rejoins after its back-off, as the official client retries nested views.
            return;
        } else {
            fail(reason == null ? "unknown" : reason);
        }
    }

    /** Reports a join that failed for good and stops the channel's own rejoins. */
    private void fail(String reason) {
        page.owner.reportJoinFailure(page.metrics, reason);
        firstOutcome();
        stop();
    }

    private void firstOutcome() {
        if (awaitingFirstOutcome) {
            awaitingFirstOutcome = false;
            page.joinsInFlight--;
        }
    }

    /** Leaves the channel and ends this view and its nested views for good. */
    void stop() {
        finished = true;
        joined = false;
        firstOutcome();
        if (channel != null) {
            channel.leave();
        }
        page.removeChildrenOf(id);
    }

    // ---- server messages ----

    @Override
    public void onMessage(Channel from, PhoenixMessage message) {
        page.owner.lock();
        try {
            if (from != channel || finished || page.unloading) {
                return;
            }
            JsonNode payload = message.payload();
            switch (message.event()) {
                case "diff" -> {
                    page.metrics.serverPushes.increment();
                    if (state != null && payload instanceof ObjectNode diff) {
                        merge(diff);
                    }
                }
                case "live_patch" -> {
                    page.metrics.serverPushes.increment();
                    patched(Json.text(payload, "to"));
                }
                case "live_redirect" -> {
                    page.metrics.serverPushes.increment();
                    if (Json.text(payload, "to") != null) {
                        page.navigate(Json.text(payload, "to"), Json.text(payload, "flash"));
                    }
                }
                case "redirect" -> {
                    page.metrics.serverPushes.increment();
                    if (Json.text(payload, "to") != null) {
                        page.owner.requestLoad(page.absolute(Json.text(payload, "to")), Json.text(payload, "flash"),
                                null, "the server redirected");
                    }
                }
                default -> {
                    return;
                }
            }
            frameHandled(message.event());
        } finally {
            page.owner.unlock();
        }
    }

    @Override
    public void onError(Channel from, String reason) {
        page.owner.lock();
        try {
            if (from != channel || finished || page.unloading) {
                return;
            }
            joined = false;
            page.removeChildrenOf(id);
            if (from.socket().isOpen()) {
                page.owner.recordError("view_crashed", "a LiveView process crashed (phx_error); the view rejoins");
                frameHandled("phx_error");
            }
            page.owner.changed();
        } finally {
            page.owner.unlock();
        }
    }

    @Override
    public void onClose(Channel from, String reason) {
        page.owner.lock();
        try {
            if (from != channel || finished || page.unloading || !"phx_close".equals(reason)) {
                return;
            }
            finished = true;
            joined = false;
            firstOutcome();
            page.removeChildrenOf(id);
            if (parentId != null) {
                page.views.remove(id, this);
            }
            frameHandled("phx_close");
        } finally {
            page.owner.unlock();
        }
    }

    // ---- merging ----

    /**
     * Merges a diff and acts on what it changed: title, pushed events, nested views, removed components.
     * Returns the merge result, or null when the diff could not be merged.
     */
    MergeResult merge(ObjectNode diff) {
        page.metrics.diffBytes.record(Json.size(diff));
        MergeResult result;
        try {
            result = state.merge(diff);
        } catch (RenderException e) {
            renderFailed(e);
            return null;
        }
        renderRejoins = 0;
        applyResult(result);
        if (page.hasChildren(id) || Json.mentions(diff, DeadRender.PARENT_ID)) {
            reconcileChildren();
        }
        if (components == null) {
            components = new ComponentCleanup(this);
        }
        components.afterMerge();
        return result;
    }

    private void applyResult(MergeResult result) {
        if (result.title() != null) {
            page.title = page.dead.title().show(result.title());
        }
        for (PushEvent event : result.events()) {
            page.owner.queueEvent(new ServerEvent(event.name(), event.payload(), id));
        }
        page.owner.changed();
    }

    private void queueEvents(JsonNode events) {
        if (events == null || !events.isArray()) {
            return;
        }
        for (JsonNode event : events) {
            if (event.isArray() && event.size() >= 2 && event.get(0).isTextual()) {
                page.owner.queueEvent(new ServerEvent(event.get(0).textValue(), event.get(1), id));
            }
        }
    }

    /**
     * Handles a diff that could not be merged: the view keeps its previous state but no longer matches the
     * server's, so it joins again from scratch, as after a crash. After a few such rejoins in a row the view is
     * reported as broken.
     */
    private void renderFailed(RenderException e) {
        page.owner.recordError("render_failed", "a diff could not be merged, so the view rejoins: " + e.getMessage());
        if (++renderRejoins > MAX_RENDER_REJOINS) {
            fail("render_error");
            return;
        }
        joined = false;
        page.removeChildrenOf(id);
        channel.leave();
        channel = page.socket.channel(topic, this);
        page.metrics.rejoins.increment();
        channel.join(this);
    }

    private void patched(String to) {
        if (to == null) {
            return;
        }
        href = page.absolute(to);
        if (isMain()) {
            page.url = href;
        }
        page.owner.changed();
    }

    /**
     * Applies the reply to a push of this view: merges its diff and follows its redirects. Runs on the thread
     * that completed the push, or on the VU thread when the reply was there before the VU asked for it.
     */
    EventOutcome replied(Channel sentOn, Reply reply, String patchUrl) {
        page.owner.lock();
        try {
            if (!reply.isOk()) {
                // A push that failed because the channel errored completes before the channel's onError runs,
                // so the VU thread could otherwise still see the view as joined.
                if (sentOn == channel && sentOn.state() != Channel.State.JOINED) {
                    joined = false;
                }
                return EventOutcome.failed(reply);
            }
            if (sentOn != channel || finished) {
                return EventOutcome.ok(reply, null, null, null, null);
            }
            JsonNode response = reply.response();
            JsonNode diff = response.get("diff");
            MergeResult result = null;
            if (diff instanceof ObjectNode object && state != null) {
                result = merge(object);
            }
            String redirectKind = null;
            String redirectTo = null;
            JsonNode redirect = response.get("redirect");
            JsonNode liveRedirect = response.get("live_redirect");
            JsonNode livePatch = response.get("live_patch");
            if (redirect != null && Json.text(redirect, "to") != null) {
                redirectKind = "redirect";
                redirectTo = page.absolute(Json.text(redirect, "to"));
                page.owner.requestLoad(redirectTo, Json.text(redirect, "flash"), null, "an event reply redirected");
            } else if (liveRedirect != null && Json.text(liveRedirect, "to") != null) {
                redirectKind = "live_redirect";
                redirectTo = page.absolute(Json.text(liveRedirect, "to"));
                page.navigate(redirectTo, Json.text(liveRedirect, "flash"));
            } else if (response.path("link_redirect").asBoolean(false) && patchUrl != null) {
                redirectKind = "live_redirect";
                redirectTo = patchUrl;
                page.navigate(patchUrl, null);
            } else if (livePatch != null && Json.text(livePatch, "to") != null) {
                redirectKind = "live_patch";
                redirectTo = page.absolute(Json.text(livePatch, "to"));
                patched(redirectTo);
            } else if (patchUrl != null) {
                redirectKind = "live_patch";
                redirectTo = patchUrl;
                patched(patchUrl);
            }
            frameHandled("phx_reply");
            page.owner.changed();
            return EventOutcome.ok(reply, result == null ? null : result.hookReply(), diff, redirectKind, redirectTo);
        } finally {
            page.owner.unlock();
        }
    }

    // ---- nested views ----

    /**
     * Joins the nested views this view's content has gained and leaves those it lost, as the official client
     * does after each patch. Renders the view to find them, then releases the HTML again.
     */
    private void reconcileChildren() {
        List<ChildView> found;
        try {
            found = page.owner.parsing(() -> page.dead.composer().childViews(state));
        } catch (RenderException e) {
            page.owner.recordError("render_failed", "a view could not be rendered to find its nested views: "
                    + e.getMessage());
            return;
        } finally {
            state.releaseRendering();
        }
        Set<String> foundIds = new HashSet<>();
        for (ChildView child : found) {
            foundIds.add(child.id());
            PageView existing = page.views.get(child.id());
            if (existing == null) {
                PageView view = child(page, child, id);
                page.views.put(view.id, view);
                view.join();
            }
        }
        for (PageView view : new ArrayList<>(page.views.values())) {
            if (id.equals(view.parentId) && !foundIds.contains(view.id)) {
                view.stop();
                page.views.remove(view.id, view);
            }
        }
    }

    // ---- forms ----

    /** Returns the field use of a form, created on first use; forms without an id share the key "". */
    FormUse form(String formId) {
        if (forms == null) {
            forms = new HashMap<>(2);
        }
        return forms.computeIfAbsent(formId, key -> new FormUse());
    }

    void frameHandled(String event) {
        page.owner.observer().frameHandled(page.owner.view(), topic, event);
    }

    @Override
    public String toString() {
        return "PageView[" + topic + (joined ? ", joined" : "") + (finished ? ", finished" : "") + "]";
    }
}
