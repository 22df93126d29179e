package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.VuRuntime;
import io.liveload.core.internal.VuWaits;
import io.liveload.core.phoenix.Channel;
import io.liveload.core.phoenix.PhoenixSocket;
import io.liveload.core.phoenix.Push;
import io.liveload.core.phoenix.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A Phoenix LiveView page as a browser keeps it open: the page fetched over HTTP, one websocket, the main view
 * and its sticky and nested views joined on it, their rendered HTML, and the scripted user's actions. Open one
 * with {@code vu.liveView().open("/counter")}.
 * <pre>{@code
 * LiveView counter = vu.liveView().open("/counter");
 * vu.check(counter, "joined", LiveView::isJoined);
 * counter.click("#inc");
 * vu.check(counter, "count is 1", lv -> lv.html().selectFirst("#count").text().equals("1"));
 * counter.awaitEvent("tick", Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Actions return once the server's reply was merged: {@link #click}, {@link #change}, {@link #submit},
 * {@link #pushEvent} and {@link #patch} wait up to the event timeout (30 s by default) and throw
 * {@link LiveViewException} when no reply came, the server replied with an error or the view went down first.
 * An action that makes the server navigate also waits for the new view's join. Server pushes (diffs, patches,
 * redirects) are merged as they arrive; {@link #awaitHtml} and {@link #awaitEvent} wait for them.
 *
 * <p>The client follows the server as the official JavaScript client does: live navigation leaves and joins
 * the main view's topic again on the same socket; a {@code redirect}, or a {@code stale} or
 * {@code unauthorized} join, loads the page again over HTTP with the VU's cookies (once for a join error; a
 * second one is reported). A crashed view ({@code phx_error}) rejoins after phoenix.js's rejoin back-off, and
 * every view rejoins when a lost socket has reconnected, each with {@code _mounts} counted up. Nested views
 * join after their parent's reply and leave when the parent's content drops them. Components that leave the
 * page are reported with {@code cids_will_destroy} and {@code cids_destroyed}. A full page load that a reply or
 * push requests is done by the VU thread on its next call into this object (any action, {@link #html()} or a
 * wait).
 *
 * <p>Threading: the methods belong to the VU thread that opened the page. Frames are merged on the socket's
 * reader thread as they arrive, under the page's lock. HTML is rendered only when the script needs it
 * ({@link #html()}, the waits and the actions that look up elements) and is not kept afterwards, so a held idle
 * page keeps only its rendered trees. Every wait is bounded and ends with
 * {@link IterationInterruptedException} when the run stops the VU hard.
 *
 * <p>Metrics: {@code lv_join_duration}, {@code lv_joins_failed} (tagged {@code reason} when failed),
 * {@code lv_event_duration} (tagged {@code event}), {@code lv_navigation_duration} (tagged {@code kind}
 * {@code patch} or {@code navigate}), {@code lv_diff_bytes} (the JSON size of each join tree and diff),
 * {@code lv_server_pushes} and {@code lv_rejoins}, all tagged {@code view}: the name given on open, else the
 * page's path. The websocket records the {@code ws_*} metrics and the page fetches the {@code http_*} ones.
 */
public final class LiveView implements AutoCloseable {

    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final LiveViewClient client;
    private final VuRuntime vu;
    private final LiveViewOptions.Settings settings;
    private final BrowserTab tab;

    LiveView(LiveViewClient client, LiveViewOptions.Settings settings) {
        this.client = client;
        this.vu = client.runtime();
        this.settings = settings;
        this.tab = new BrowserTab(client, settings, this);
    }

    /** Loads the page and joins its views; called once by {@link LiveViewClient#open}. */
    void start(String url) {
        tab.open(url);
        tab.settle(true);
    }

    // ---- state ----

    /**
     * Returns whether every view of the page is joined: the main view, sticky views and nested views found so
     * far. False while a view joins or rejoins, after a join failed (see {@link #joinError()}), after the
     * server closed the main view, and for a page without LiveView.
     */
    public boolean isJoined() {
        tab.lock();
        try {
            return !tab.isClosed() && tab.page() != null && tab.page().allJoined();
        } finally {
            tab.unlock();
        }
    }

    /**
     * Returns why the page could not be joined, until the main view joins again: a join error's reason
     * ({@code stale} after the reload, {@code unauthorized}, {@code join crashed}, ...), {@code timeout} for a
     * join without reply, {@code render_error} for a reply that could not be rendered, {@code socket_failed}
     * when the websocket upgrade failed, {@code socket_closed} when the socket closed for good, or
     * {@code page_load_failed} when the page GET got no response, or {@code http_<status>} when it returned a
     * status outside 2xx. Each of these also records a failed {@code lv_joins_failed} sample.
     */
    public Optional<String> joinError() {
        tab.lock();
        try {
            return Optional.ofNullable(tab.joinError());
        } finally {
            tab.unlock();
        }
    }

    /** Returns the page's current URL: the loaded one, then the target of each live patch and navigation. */
    public String url() {
        tab.lock();
        try {
            return tab.url();
        } finally {
            tab.unlock();
        }
    }

    /** Returns the page title: the dead render's {@code <title>}, then the latest title a view sent. */
    public String title() {
        tab.lock();
        try {
            return tab.page() == null ? "" : tab.page().title;
        } finally {
            tab.unlock();
        }
    }

    /**
     * Renders the page's main view container with its nested views inside and returns it as a jsoup element,
     * in a document of its own, so changing it changes nothing on the page. Each call renders and parses again,
     * so keep the element while you query it. A view not joined yet shows its last content or an empty
     * container; a page without LiveView returns its {@code <body>}.
     *
     * <p>NOTE: a jsoup selector with a combinator or {@code :not}/{@code :has} leaves the queried document in a
     * thread-local memo of the VU thread, which stays until later thread-local use on that thread clears it. A
     * page held idle after such a query costs more heap: about 25 KiB more for the demo's counter page, measured
     * on Java 25 with 1,000 VUs.
     */
    public Element html() {
        tab.settle(false);
        String html;
        String base;
        boolean liveView;
        tab.lock();
        try {
            Page page = tab.page();
            if (page == null) {
                return new Element("body");
            }
            html = page.composeHtml();
            base = page.url;
            liveView = page.main != null;
        } finally {
            tab.unlock();
        }
        String text = html == null ? "" : html;
        return ParseThread.call(vu.run().executor(), () -> {
            if (!liveView) {
                return Jsoup.parse(text, base).body();
            }
            Element body = Jsoup.parseBodyFragment(text, base).body();
            return body.childrenSize() > 0 ? body.child(0) : body;
        });
    }

    // ---- actions ----

    /**
     * Clicks the first element that matches the CSS selector, as a user does. An element inside a live link
     * ({@code data-phx-link="patch"} or {@code "redirect"}) patches or navigates to the link's {@code href}
     * and runs the link's own {@code phx-click}. Otherwise the closest {@code phx-click} of the element or its
     * ancestors runs: a plain event name is sent as a {@code click} event whose value carries the element's
     * {@code phx-value-*} attributes and its {@code value}; a JS command list sends each {@code push},
     * follows {@code navigate} and {@code patch}, and runs {@code exec}. {@code phx-target} sends the event to
     * a component ({@code cid}) or to the view owning the target selector's first match.
     *
     * @return the reply to the last event sent, or for a live link the patch reply or the navigation
     * @throws IllegalArgumentException when nothing matches, or the element has no {@code phx-click} and is
     *                                  not in a live link
     * @throws IllegalStateException    when the page has no joined view for the element
     * @throws LiveViewException        when an event got no reply in time or an error reply
     */
    public EventReply click(String selector) {
        Objects.requireNonNull(selector, "selector");
        requireNoJoinError("click \"" + selector + "\"");
        Element root = html();
        return perform(UserActions.click(root, selector, url()));
    }

    /**
     * Sends a {@code phx-change} event for a form, as typing into its fields does. The selector matches the
     * form or a field in it. The form is serialized from the current HTML with {@code values} set over the
     * rendered ones (see {@link #submit(String, Map)}); {@code _target} is the first name in {@code values}
     * (or the matched field's name), and fields the script has not set in this or an earlier change get
     * LiveView's {@code _unused_} markers. A field with its own {@code phx-change} sends only itself to its own
     * event. The event's {@code cid} follows the form's {@code phx-target}.
     *
     * @param values field values by name; a value is a string or a collection of strings for a field that
     *               takes several (checkbox groups, {@code select multiple}). Use a {@link java.util.LinkedHashMap}
     *               to choose which field is the {@code _target}
     * @throws IllegalArgumentException when nothing matches, the element is not in a form, or nothing has
     *                                  {@code phx-change}
     * @throws IllegalStateException    when the page's join failed, naming the reason
     * @throws LiveViewException        when the event got no reply in time or an error reply
     */
    public EventReply change(String selector, Map<String, ?> values) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(values, "values");
        requireNoJoinError("change \"" + selector + "\"");
        Element root = html();
        UserActions.Push push;
        tab.lock();
        try {
            push = UserActions.change(root, selector, values, tab.requirePage().dialect, this::formUseLocked, url());
        } finally {
            tab.unlock();
        }
        return perform(List.of(push));
    }

    /** Submits a form with {@code values} over the rendered ones and no submitter; see {@link #submit(String, Map, String)}. */
    public EventReply submit(String selector, Map<String, ?> values) {
        return submit(selector, values, null);
    }

    /**
     * Sends a {@code phx-submit} event for a form, as pressing its submit button does. The selector matches the
     * form or an element in it. The form is serialized as a browser's {@code FormData} from the current HTML:
     * fields in document order, disabled fields, file inputs and unchecked boxes left out, a {@code select}'s
     * selected option (or its first), and {@code values} set over the rendered values. A field a value names
     * but the form lacks is appended. With a submitter, its {@code name=value} is included at its position.
     * The event's {@code cid} follows the form's {@code phx-target}.
     *
     * @param values            field values by name; a string, or a collection for a field that takes several
     * @param submitterSelector the button that submits, or null
     * @throws IllegalArgumentException when nothing matches, the element is not in a form, the form has no
     *                                  {@code phx-submit} or the submitter is not found
     * @throws IllegalStateException    when the page's join failed, naming the reason
     * @throws LiveViewException        when the event got no reply in time or an error reply
     */
    public EventReply submit(String selector, Map<String, ?> values, String submitterSelector) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(values, "values");
        requireNoJoinError("submit \"" + selector + "\"");
        Element root = html();
        UserActions.Push push;
        tab.lock();
        try {
            push = UserActions.submit(root, selector, values, submitterSelector, tab.requirePage().dialect, this::formUseLocked,
                    url());
        } finally {
            tab.unlock();
        }
        return perform(List.of(push));
    }

    /**
     * Sends an event as a hook's {@code pushEvent} does: {@code {"type":"hook","event":...,"value":...}} to the
     * main view.
     *
     * @param value the event's value, written with Jackson (a map, a record, a {@code JsonNode}); null sends
     *              {@code {}}
     * @throws IllegalStateException when the page's join failed, naming the reason
     * @throws LiveViewException when the event got no reply in time or an error reply
     */
    public EventReply pushEvent(String event, Object value) {
        Objects.requireNonNull(event, "event");
        tab.settle(false);
        requireNoJoinError("push \"" + event + "\"");
        String mainId;
        tab.lock();
        try {
            Page current = tab.requirePage();
            if (current.main == null) {
                throw new IllegalStateException("Cannot push \"" + event + "\": " + url() + " has no LiveView");
            }
            mainId = current.main.id;
        } finally {
            tab.unlock();
        }
        return perform(List.of(new UserActions.Push(mainId, event, UserActions.hookPayload(event, value))));
    }

    /**
     * Sends a hook event to the view that owns the first element matching the selector, with the {@code cid} of
     * the component around it if any, as a hook's {@code pushEventTo} does.
     *
     * @throws IllegalArgumentException when nothing matches
     * @throws IllegalStateException    when the page's join failed, naming the reason
     * @throws LiveViewException        when the event got no reply in time or an error reply
     */
    public EventReply pushEventTo(String selector, String event, Object value) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(event, "event");
        requireNoJoinError("push \"" + event + "\" to \"" + selector + "\"");
        Element root = html();
        return perform(List.of(UserActions.hookTo(root, selector, event, value, url())));
    }

    /**
     * Patches the main view to a URL of the same view, as a {@code data-phx-link="patch"} link does: sends
     * {@code live_patch} and merges the reply. When the server replies that the URL belongs to another view,
     * the client navigates there instead and waits for the join.
     *
     * @param url an absolute URL or one relative to the page, e.g. {@code /counter?page=2}
     * @throws LiveViewException when the patch got no reply in time or an error reply
     */
    public EventReply patch(String url) {
        Objects.requireNonNull(url, "url");
        tab.settle(false);
        String mainId;
        String absolute;
        tab.lock();
        try {
            Page current = tab.requirePage();
            if (current.main == null) {
                throw new IllegalStateException("Cannot patch to " + url + ": " + current.url + " has no LiveView");
            }
            mainId = current.main.id;
            absolute = current.absolute(url);
        } finally {
            tab.unlock();
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("url", absolute);
        long start = System.nanoTime();
        EventOutcome outcome = send(mainId, "live_patch", payload, absolute);
        metrics().navigation("patch", System.nanoTime() - start);
        return toReply(outcome, "live_patch");
    }

    /**
     * Navigates live to a URL, as a {@code data-phx-link="redirect"} link does: leaves the main view and its
     * nested views, joins the same topic with the new URL on the same socket, and waits for the join. A URL on
     * another origin, or a view in another {@code live_session} (the server replies {@code unauthorized}),
     * loads the page over HTTP instead.
     *
     * @param url an absolute URL or one relative to the page, e.g. {@code /other}
     */
    public void navigate(String url) {
        Objects.requireNonNull(url, "url");
        tab.settle(false);
        tab.lock();
        try {
            Page current = tab.requirePage();
            if (current.main == null || !current.main.joined) {
                tab.requestLoad(current.absolute(url), null, null, "navigation without a joined view");
            } else {
                current.navigate(url, null);
            }
        } finally {
            tab.unlock();
        }
        tab.settle(true);
    }

    // ---- waits ----

    /**
     * Waits until the page's HTML satisfies the condition, evaluating it now and after each change the server
     * makes: a merged diff, a join, a navigation. Never polls; the condition runs on the VU thread.
     *
     * @return whether the condition held within the timeout
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public boolean awaitHtml(Predicate<? super Element> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + VuWaits.nanos(timeout, "await timeout");
        while (true) {
            long seen = tab.version();
            if (condition.test(html())) {
                return true;
            }
            if (!tab.awaitChangeSince(seen, deadline - System.nanoTime(), "waiting for the HTML of " + url())) {
                return false;
            }
        }
    }

    /**
     * Waits until every view of the page is joined, for example after a crash made them rejoin.
     *
     * @return whether the page was joined within the timeout
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public boolean awaitJoined(Duration timeout) {
        long deadline = System.nanoTime() + VuWaits.nanos(timeout, "await timeout");
        while (true) {
            tab.settle(false);
            long seen = tab.version();
            if (isJoined()) {
                return true;
            }
            if (!tab.awaitChangeSince(seen, deadline - System.nanoTime(), "waiting for " + url() + " to join")) {
                return false;
            }
        }
    }

    /**
     * Takes the pushed events ({@code push_event}) in the order they came until one has the name, waiting up to
     * the timeout for it; events before it are dropped.
     *
     * @return the event, or empty when none came in time
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public Optional<ServerEvent> awaitEvent(String name, Duration timeout) {
        Objects.requireNonNull(name, "name");
        long deadline = System.nanoTime() + VuWaits.nanos(timeout, "await timeout");
        while (true) {
            tab.settle(false);
            long seen;
            tab.lock();
            try {
                ServerEvent event = tab.takeEvent(name);
                if (event != null) {
                    return Optional.of(event);
                }
                seen = tab.version();
            } finally {
                tab.unlock();
            }
            if (!tab.awaitChangeSince(seen, deadline - System.nanoTime(), "waiting for event " + name)) {
                return Optional.empty();
            }
        }
    }

    /** Takes every pushed event that came and was not taken yet, in order. */
    public List<ServerEvent> takeEvents() {
        tab.lock();
        try {
            return tab.takeEvents();
        } finally {
            tab.unlock();
        }
    }

    /**
     * Leaves every view and closes the socket, waiting briefly for the closing handshake. Called at the end of
     * the iteration that opened the page unless the script keeps it with {@code vu.getOrCreate}; later calls
     * do nothing.
     */
    @Override
    public void close() {
        PhoenixSocket socket;
        tab.lock();
        try {
            if (tab.isClosed()) {
                return;
            }
            socket = tab.close();
        } finally {
            tab.unlock();
        }
        client.forget(this);
        if (socket == null || vu.hardStopped()) {
            return;
        }
        try {
            VuWaits.await(vu, socket.closeFuture(), CLOSE_WAIT_NANOS, "closing the LiveView socket of " + url());
        } catch (IterationInterruptedException e) {
            // The run stops hard; the socket is closed with the VU.
        }
    }

    /** Starts closing without waiting; the engine calls this for pages still open when the VU ends. */
    void closeAsync() {
        tab.lock();
        try {
            tab.close();
        } finally {
            tab.unlock();
        }
    }

    @Override
    public String toString() {
        return "LiveView[" + url() + (isJoined() ? ", joined" : "") + "]";
    }

    // ---- sending ----

    /**
     * Pushes a message on a view's channel and waits for its reply to be handled. The push and the
     * registration of its reply handler happen under the lock, because the reader thread needs the lock for
     * every later frame of this page. So the reply is merged before any frame that came after it, even when it
     * arrives before the handler is registered.
     */
    private EventOutcome send(String viewId, String event, ObjectNode payload, String patchUrl) {
        boolean patch = patchUrl != null;
        String description = patch ? "patch to " + patchUrl : "event \"" + event + "\"";
        CompletableFuture<EventOutcome> outcome;
        tab.lock();
        try {
            PageView view = tab.requireView(viewId, description);
            Channel sentOn = view.channel;
            Push push = sentOn.push(patch ? "live_patch" : "event", payload,
                    Duration.ofNanos(settings.eventTimeoutNanos()));
            outcome = push.reply().thenApply(reply -> view.replied(sentOn, reply, patchUrl));
        } finally {
            tab.unlock();
        }
        EventOutcome result = VuWaits.await(vu, outcome, settings.eventTimeoutNanos() + BrowserTab.MARGIN_NANOS,
                "waiting for the reply to the " + description + " on " + url());
        if (result == null) {
            throw new LiveViewException("LiveView " + description + " on " + url() + " got no reply within "
                    + Duration.ofNanos(settings.eventTimeoutNanos()).toMillis() + " ms");
        }
        if (!result.isOk()) {
            throw failure(description, result.reply());
        }
        if (!patch) {
            metrics().event(vu.tags(), event, result.reply().elapsed().toNanos());
        }
        if (result.movedPage()) {
            tab.settle(true);
        }
        return result;
    }

    private LiveViewException failure(String description, Reply reply) {
        String request = "LiveView " + description + " on " + url();
        return switch (reply.status()) {
            case Reply.TIMEOUT -> new LiveViewException(request + " got no reply within "
                    + reply.elapsed().toMillis() + " ms");
            case Reply.CHANNEL_LOST -> new LiveViewException(request + " got no reply: the view went down (crashed,"
                    + " closed or left) before it replied");
            default -> new LiveViewException(request + " failed: the server replied " + reply.status() + " "
                    + abbreviate(reply.response().toString()));
        };
    }

    private static EventReply toReply(EventOutcome outcome, String event) {
        return new EventReply(event, outcome.reply().elapsed(), outcome.hookReply(), outcome.diff(),
                outcome.redirectKind(), outcome.redirectTo());
    }

    /** Sends or does each action in order and returns the outcome of the last one. */
    /**
     * Fails an action on a page whose join failed for good, with the reason, so that the script's error names
     * the cause (a refused connection, a 404) instead of a selector that matches nothing.
     */
    private void requireNoJoinError(String action) {
        String error;
        tab.lock();
        try {
            error = tab.joinErrorWithDetail();
        } finally {
            tab.unlock();
        }
        if (error != null && !isJoined()) {
            throw new IllegalStateException("Cannot " + action + " on " + url() + ": the page is not joined ("
                    + error + ")");
        }
    }

    private EventReply perform(List<UserActions.Action> actions) {
        EventReply last = null;
        for (UserActions.Action action : actions) {
            if (action instanceof UserActions.Push push) {
                last = toReply(send(push.viewId(), push.event(), push.payload(), null), push.event());
            } else if (action instanceof UserActions.Navigate navigate) {
                last = navigation(navigate.href());
            } else if (action instanceof UserActions.Patch patch) {
                last = patch(patch.href());
            }
        }
        return last;
    }

    private EventReply navigation(String href) {
        long start = System.nanoTime();
        navigate(href);
        return new EventReply("live_redirect", Duration.ofNanos(System.nanoTime() - start), null, null,
                "live_redirect", url());
    }

    private PageView.FormUse formUseLocked(String viewId, String formId) {
        return tab.requireView(viewId, "a form event").form(formId);
    }

    private ViewMetrics metrics() {
        tab.lock();
        try {
            Page page = tab.page();
            return page != null ? page.metrics : tab.metricsFor(tab.url());
        } finally {
            tab.unlock();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    // ---- test access ----

    /** Returns the main container's outer HTML now, for tests that look at the page after each frame. */
    String outerHtmlNow() {
        tab.lock();
        try {
            return tab.page() == null ? "" : tab.page().composeHtml();
        } finally {
            tab.unlock();
        }
    }

    Page pageForTest() {
        return tab.page();
    }
}
