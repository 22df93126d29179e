package io.liveload.core.liveview;

import io.liveload.core.liveview.render.ViewContainer;
import io.liveload.core.liveview.render.ViewState;
import io.liveload.core.phoenix.PhoenixClient;
import io.liveload.core.phoenix.PhoenixSocket;
import io.liveload.core.phoenix.PhoenixSocketListener;
import io.liveload.core.ws.WsClose;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * One loaded page: its dead render, its websocket and the LiveViews joined on it. A full page load (a server
 * redirect, a stale session) replaces the whole page. Live navigation replaces only the main view and keeps
 * the socket, as the browser does.
 *
 * <p>Threading: the fields are guarded by the owning {@link BrowserTab}'s lock. {@link #connect} runs on the VU
 * thread without the lock because it waits for the websocket upgrade; everything else runs with the lock held.
 */
final class Page implements PhoenixSocketListener {

    final BrowserTab owner;
    final DeadRender dead;
    /** The socket's params: {@code _csrf_token} and the options' connect params, copied into each join. */
    final Map<String, Object> appParams;
    final Map<String, PageView> views = new LinkedHashMap<>(4);
    PhoenixSocket socket;
    /** The URL the page shows: the loaded one, then the target of each live patch and navigation. */
    String url;
    String title;
    ClientDialect dialect;
    ViewMetrics metrics;
    PageView main;
    /** Joins this client started (page load, navigation, nested views) that have no outcome yet. */
    int joinsInFlight;
    /** Set when the page is left: its views left and its socket closed; later callbacks are ignored. */
    boolean unloading;

    Page(BrowserTab owner, DeadRender dead, ClientDialect dialect) {
        this.owner = owner;
        this.dead = dead;
        this.url = dead.url();
        this.title = dead.title().initial();
        this.dialect = dialect;
        this.appParams = new LinkedHashMap<>(2);
        if (dead.csrfToken() != null) {
            appParams.put("_csrf_token", dead.csrfToken());
        }
        appParams.putAll(owner.settings().connectParams());
        this.metrics = owner.metricsFor(url);
    }

    /**
     * Opens the page's websocket and waits for the upgrade, on the VU thread without the lock.
     *
     * @return whether the socket opened
     */
    boolean connect(PhoenixClient phoenix) {
        LiveViewOptions.Settings settings = owner.settings();
        HttpUrl page = HttpUrl.get(url);
        String endpoint = page.resolve(settings.socketPath()).toString();
        String origin = settings.origin() != null ? settings.origin() : origin(page);
        PhoenixSocket opened = phoenix.connect(endpoint, phx -> {
            appParams.forEach(phx::param);
            phx.heartbeatInterval(settings.heartbeatInterval())
                    .timeout(java.time.Duration.ofNanos(settings.joinTimeoutNanos()))
                    .listener(this)
                    .websocket(ws -> {
                        ws.origin(origin);
                        if (settings.websocket() != null) {
                            settings.websocket().accept(ws);
                        }
                    });
        });
        // The LiveView owns its socket and closes it, whether or not the script keeps the LiveView.
        owner.vu().keepOpen(opened);
        owner.lock();
        try {
            socket = opened;
            return opened.isOpen();
        } finally {
            owner.unlock();
        }
    }

    /** Joins the root views of the dead render, the main view first. */
    void joinRoots() {
        for (ViewContainer container : dead.roots()) {
            boolean isMain = container.id().equals(dead.mainId());
            PageView view = PageView.root(this, container);
            views.put(view.id, view);
            if (isMain) {
                main = view;
            }
        }
        for (PageView view : new ArrayList<>(views.values())) {
            view.join();
        }
    }

    /** Returns a browser's {@code Origin} for the page: scheme, host and the port unless it is the default one. */
    static String origin(HttpUrl page) {
        String host = page.host().contains(":") ? "[" + page.host() + "]" : page.host();
        boolean defaultPort = page.port() == HttpUrl.defaultPort(page.scheme());
        return page.scheme() + "://" + host + (defaultPort ? "" : ":" + page.port());
    }

    /** Resolves a URL from the server ({@code /other}) against the page's URL. */
    String absolute(String to) {
        HttpUrl resolved = HttpUrl.get(url).resolve(to);
        return resolved == null ? to : resolved.toString();
    }

    /**
     * Starts live navigation to {@code to}: leaves the main view and its nested views, and joins the same topic
     * again with {@code redirect}, as the official client's {@code replaceMain} does. Sticky views stay. A
     * target on another origin is a full page load.
     */
    void navigate(String to, String flash) {
        if (unloading || main == null) {
            return;
        }
        String target = absolute(to);
        HttpUrl targetUrl = HttpUrl.parse(target);
        HttpUrl current = HttpUrl.get(url);
        if (targetUrl == null || !targetUrl.scheme().equals(current.scheme()) || !targetUrl.host().equals(current.host())
                || targetUrl.port() != current.port()) {
            owner.requestLoad(target, flash, null, "live navigation to another origin");
            return;
        }
        PageView previous = main;
        previous.stop();
        views.remove(previous.id, previous);
        PageView next = PageView.navigated(this, previous, target, flash, url);
        main = next;
        metrics = owner.metricsFor(target);
        views.put(next.id, next);
        next.join();
        owner.changed();
    }

    /** Leaves every view and closes the socket, as a browser does when it loads another page. */
    void unload() {
        if (unloading) {
            return;
        }
        unloading = true;
        for (PageView view : views.values()) {
            view.finished = true;
            view.joined = false;
            if (view.channel != null) {
                view.channel.leave();
            }
        }
        joinsInFlight = 0;
        if (socket != null) {
            socket.closeAsync();
        }
    }

    /** Returns whether a view has joined or joining nested views. */
    boolean hasChildren(String parentId) {
        for (PageView view : views.values()) {
            if (parentId.equals(view.parentId)) {
                return true;
            }
        }
        return false;
    }

    /** Leaves and removes the nested views of a view, and theirs. */
    void removeChildrenOf(String parentId) {
        for (PageView view : new ArrayList<>(views.values())) {
            if (parentId.equals(view.parentId) && views.remove(view.id, view)) {
                view.stop();
            }
        }
    }

    /** Returns whether the main view and every other view of the page are joined. */
    boolean allJoined() {
        if (main == null || views.isEmpty()) {
            return false;
        }
        for (PageView view : views.values()) {
            if (!view.joined) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the outer HTML of the main container with every nested view's content inside. A view not joined
     * yet shows its last content, or an empty container. Releases the rendered HTML afterwards, so that an idle
     * page keeps only its trees.
     */
    String composeHtml() {
        if (main == null) {
            return dead.bodyHtml();
        }
        Map<String, ViewState> states = new HashMap<>();
        for (PageView view : views.values()) {
            if (view.state != null) {
                states.put(view.id, view.state);
            }
        }
        try {
            if (main.state == null) {
                return main.container.outerHtml("");
            }
            return owner.parsing(() -> dead.composer().outerHtml(main.container, states));
        } finally {
            for (ViewState state : states.values()) {
                state.releaseRendering();
            }
        }
    }

    // ---- socket callbacks ----

    @Override
    public void onOpen(PhoenixSocket opened, boolean reconnected) {
        owner.lock();
        try {
            owner.changed();
        } finally {
            owner.unlock();
        }
    }

    @Override
    public void onClose(PhoenixSocket closed, WsClose close, boolean willReconnect) {
        owner.lock();
        try {
            if (closed != socket || unloading || willReconnect) {
                return;
            }
            if (close.code() == WsClose.NORMAL && !close.byClient()) {
                // The official client reloads the page when the server closes the socket normally.
                // NOTE: it waits 5 to 10 s first ("reload with jitter"); this reloads on the VU's next call.
                owner.requestLoad(url, null, null, "the server closed the socket");
                return;
            }
            for (PageView view : views.values()) {
                view.finished = true;
                view.joined = false;
            }
            joinsInFlight = 0;
            owner.socketLost(close);
        } finally {
            owner.unlock();
        }
    }
}
