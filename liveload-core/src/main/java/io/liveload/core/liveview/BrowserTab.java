package io.liveload.core.liveview;

import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.VuRuntime;
import io.liveload.core.http.HttpResponse;
import io.liveload.core.internal.VuWaits;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.phoenix.PhoenixSocket;
import io.liveload.core.ws.WsClose;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * The browser tab behind a {@link LiveView}: the page it shows, a full page load still to do, the events the
 * views pushed, and the lock that the socket's threads and the VU thread share. Page loads happen on the VU
 * thread, because they make blocking HTTP requests. A socket thread that needs one (a server redirect, a stale
 * join) leaves the page and records the load for the VU thread's next call.
 *
 * <p>Threading: the fields are guarded by {@link #lock()}. The VU thread waits on its condition, which
 * {@link #changed()} signals after every change a frame makes.
 */
final class BrowserTab {

    /** Page loads in a row (redirects, reloads) before the client gives up, as browsers limit redirects. */
    static final int MAX_PAGE_LOADS = 10;
    static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final FrameObserver NO_OBSERVER = new FrameObserver() {
    };

    private final LiveViewClient client;
    private final VuRuntime vu;
    private final LiveViewOptions.Settings settings;
    private final LiveView view;
    private final TagSet openTags;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changedCondition = lock.newCondition();

    // Guarded by lock.
    private Page page;
    private String requestedUrl;
    private PendingLoad pendingLoad;
    private ClientDialect dialect;
    private String joinError;
    private String joinErrorDetail;
    private boolean reloadedAfterJoinError;
    private boolean closed;
    private long version;
    private ArrayDeque<ServerEvent> events;
    private long droppedEvents;

    BrowserTab(LiveViewClient client, LiveViewOptions.Settings settings, LiveView view) {
        this.client = client;
        this.vu = client.runtime();
        this.settings = settings;
        this.view = view;
        this.openTags = vu.tags();
        this.dialect = settings.initialDialect();
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Signals a change to the VU thread's waits; call it with the lock held. */
    void changed() {
        version++;
        changedCondition.signalAll();
    }

    VuRuntime vu() {
        return vu;
    }

    LiveViewOptions.Settings settings() {
        return settings;
    }

    FrameObserver observer() {
        return settings.observer() == null ? NO_OBSERVER : settings.observer();
    }

    /** Returns the LiveView this tab belongs to, for observers. */
    LiveView view() {
        return view;
    }

    /** Runs jsoup work off the calling thread; see {@link ParseThread}. */
    <T> T parsing(Supplier<T> work) {
        return ParseThread.call(vu.run().executor(), work);
    }

    /** Returns the series of a page at {@code url}, tagged with the VU's tags when it opened the page. */
    ViewMetrics metricsFor(String url) {
        String viewTag = settings.name();
        if (viewTag == null) {
            HttpUrl parsed = HttpUrl.parse(url);
            viewTag = parsed == null ? url : parsed.encodedPath();
        }
        return new ViewMetrics(vu.run().metrics(), openTags, viewTag);
    }

    // ---- state, with the lock held ----

    /** Returns the page shown, or null before the first load. */
    Page page() {
        return page;
    }

    String joinError() {
        return joinError;
    }

    /** Returns the join error with its detail, e.g. {@code page_load_failed: connection refused}, or null. */
    String joinErrorWithDetail() {
        if (joinError == null) {
            return null;
        }
        return joinErrorDetail == null ? joinError : joinError + ": " + joinErrorDetail;
    }

    boolean isClosed() {
        return closed;
    }

    /** Returns the URL shown: the page's, or the one requested before any page loaded. */
    String url() {
        return page == null ? requestedUrl : page.url;
    }

    Page requirePage() {
        if (closed) {
            throw new IllegalStateException("The LiveView of " + url() + " is closed");
        }
        if (page == null) {
            throw new IllegalStateException("The LiveView page " + requestedUrl + " was not loaded");
        }
        return page;
    }

    /**
     * Returns a view that can take messages.
     *
     * @throws IllegalStateException naming the view and why it is not joined
     */
    PageView requireView(String viewId, String message) {
        Page current = requirePage();
        PageView target = current.views.get(viewId);
        if (target == null || target.finished || target.channel == null) {
            String reason = joinError != null ? " (" + joinError + ")"
                    : target != null && target.finished ? " (closed)" : "";
            throw new IllegalStateException("Cannot send " + message + ": view " + viewId + " on " + current.url
                    + " is not joined" + reason);
        }
        return target;
    }

    // ---- page life, called by Page and PageView with the lock held ----

    /** Asks the VU thread for a full page load and leaves the current page at once. */
    void requestLoad(String url, String flash, String reloadToken, String reason) {
        if (closed) {
            return;
        }
        pendingLoad = new PendingLoad(url, flash, reloadToken, reason);
        if (page != null) {
            page.unload();
        }
        changed();
    }

    /**
     * Reloads the page after a {@code stale}, {@code unauthorized} or {@code reload} join error, as the
     * official client does, unless it did so already since the main view last joined.
     *
     * @return whether a reload was requested; false means the error is to be reported
     */
    boolean reloadAfterJoinError(String url, String reloadToken, String reason) {
        if (reloadedAfterJoinError) {
            return false;
        }
        reloadedAfterJoinError = true;
        requestLoad(url, null, reloadToken, "join error " + reason);
        return true;
    }

    /** Clears the join error and the reload guard, and keeps the message formats the server's version uses. */
    void mainJoined() {
        joinError = null;
        joinErrorDetail = null;
        reloadedAfterJoinError = false;
        if (page != null) {
            dialect = page.dialect;
        }
    }

    /** Reports a join that failed for good: the reason, its {@code lv_joins_failed} sample, one error log entry. */
    void reportJoinFailure(ViewMetrics metrics, String reason) {
        joinError = reason;
        joinErrorDetail = null;
        metrics.joinFailed(reason);
        recordError("join_failed", "a LiveView join failed with reason \"" + reason + "\"");
        changed();
    }

    /**
     * Reports a page GET that brought no page as a failed join: {@code page_load_failed} when no response came
     * (the HTTP error is in {@code joinErrorDetail}), {@code http_<status>} for a status outside 2xx.
     */
    private void pageLoadFailed(ViewMetrics metrics, HttpResponse response) {
        if (response.status() == 0) {
            reportJoinFailure(metrics, "page_load_failed");
            joinErrorDetail = response.errorMessage();
        } else {
            reportJoinFailure(metrics, "http_" + response.status());
            joinErrorDetail = "the page GET returned status " + response.status();
        }
    }

    void socketLost(WsClose close) {
        joinError = "socket_closed";
        joinErrorDetail = null;
        recordError("socket_closed", "the LiveView socket closed for good with code " + close.code());
        changed();
    }

    /** Counts an error in the run's error log under {@code liveview}; keep ids out of the message. */
    void recordError(String code, String message) {
        vu.run().errors().record("liveview", code, message, null);
    }

    void queueEvent(ServerEvent event) {
        if (events == null) {
            events = new ArrayDeque<>(4);
        }
        if (events.size() >= settings.maxQueuedEvents()) {
            events.pollFirst();
            if (droppedEvents++ == 0) {
                recordError("event_queue_full", "pushed events were dropped because " + settings.maxQueuedEvents()
                        + " wait already: take them with awaitEvent or takeEvents, or raise maxQueuedEvents");
            }
        }
        events.addLast(event);
    }

    /** Takes queued events until one has the name; returns it, or null when none has. */
    ServerEvent takeEvent(String name) {
        while (events != null && !events.isEmpty()) {
            ServerEvent event = events.pollFirst();
            if (event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    List<ServerEvent> takeEvents() {
        if (events == null || events.isEmpty()) {
            return List.of();
        }
        List<ServerEvent> queued = new ArrayList<>(events);
        events.clear();
        return queued;
    }

    /**
     * Marks the tab closed and leaves the page: its views leave and its socket starts closing.
     *
     * @return the socket that is closing, or null
     */
    PhoenixSocket close() {
        if (closed) {
            return null;
        }
        closed = true;
        pendingLoad = null;
        PhoenixSocket socket = page == null ? null : page.socket;
        if (page != null) {
            page.unload();
        }
        changed();
        return socket;
    }

    // ---- VU thread: page loads and waits ----

    /** Records the first page to load; {@link #settle} loads it. */
    void open(String url) {
        lock();
        try {
            requestedUrl = url;
            pendingLoad = new PendingLoad(url, null, null, "open");
        } finally {
            unlock();
        }
    }

    /**
     * Does the page loads that replies and pushes requested and, when {@code waitForJoins} is set, waits until
     * the joins this client started have an outcome. Each wait lasts at most the join timeout without any
     * change, and every join completes by its own timeout, so this ends.
     *
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    void settle(boolean waitForJoins) {
        int loads = 0;
        while (true) {
            PendingLoad load;
            long seen;
            lock();
            try {
                load = pendingLoad;
                pendingLoad = null;
                seen = version;
                if (load == null && (!waitForJoins || closed || page == null || page.joinsInFlight <= 0)) {
                    return;
                }
            } finally {
                unlock();
            }
            if (load == null) {
                if (!awaitChangeSince(seen, settings.joinTimeoutNanos() + MARGIN_NANOS, "waiting for a join on "
                        + urlNow())) {
                    return;
                }
                continue;
            }
            if (++loads > MAX_PAGE_LOADS) {
                lock();
                try {
                    joinError = "too_many_page_loads";
                    joinErrorDetail = null;
                    recordError("too_many_page_loads", "a LiveView page was loaded " + MAX_PAGE_LOADS
                            + " times in a row (redirects or reloads), so the client stopped");
                    changed();
                } finally {
                    unlock();
                }
                return;
            }
            load(load);
        }
    }

    /** Fetches a page over HTTP, connects its socket and joins its views. */
    private void load(PendingLoad load) {
        if (load.flash() != null) {
            client.http().cookies().add(load.url(), "__phoenix_flash__", load.flash());
        }
        if (load.reloadToken() != null) {
            client.http().cookies().add(load.url(), "__phoenix_reload_status__", load.reloadToken());
        }

        HttpResponse response = client.http().get(load.url(), request -> {
            if (settings.name() != null) {
                request.name(settings.name());
            }
        });
        String finalUrl = response.url() == null || response.url().isEmpty() ? load.url() : response.url();
        String body = response.body();
        DeadRender dead = parsing(() -> DeadRender.parse(body, finalUrl));

        Page next;
        lock();
        try {
            if (closed) {
                return;
            }
            next = new Page(this, dead, dialect);
            page = next;
            changed();
            if (response.status() < 200 || response.status() >= 300) {
                pageLoadFailed(next.metrics, response);
                return;
            }
            if (!dead.hasLiveView()) {
                return;
            }
        } finally {
            unlock();
        }

        boolean open = next.connect(client.phoenix());
        lock();
        try {
            if (closed || page != next || next.unloading) {
                next.unload();
                return;
            }
            if (!open) {
                reportJoinFailure(next.metrics, "socket_failed");
                next.unload();
                return;
            }
            next.joinRoots();
        } finally {
            unlock();
        }
    }

    /** Returns the change counter, which {@link #changed()} increments. */
    long version() {
        lock();
        try {
            return version;
        } finally {
            unlock();
        }
    }

    private String urlNow() {
        lock();
        try {
            return url();
        } finally {
            unlock();
        }
    }

    /**
     * Waits until the page changed after {@code seen} or a page load is pending, at most {@code timeoutNanos}.
     *
     * @return whether something changed; false when the time ran out
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    boolean awaitChangeSince(long seen, long timeoutNanos, String action) {
        if (timeoutNanos <= 0) {
            return false;
        }
        vu.beginBlocking(this::wakeUp);
        lock();
        try {
            long remaining = timeoutNanos;
            while (version == seen && pendingLoad == null) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changedCondition.awaitNanos(remaining);
                if (vu.hardStopped()) {
                    throw VuWaits.stopped(vu, action);
                }
            }
            return true;
        } catch (InterruptedException e) {
            throw VuWaits.stopped(vu, action);
        } finally {
            unlock();
            vu.endBlocking();
        }
    }

    private void wakeUp() {
        lock();
        try {
            changedCondition.signalAll();
        } finally {
            unlock();
        }
    }
}
