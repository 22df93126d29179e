package io.liveload.core.liveview;

import io.liveload.core.ConfigurationException;
import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.VuRuntime;
import io.liveload.core.http.Http;
import io.liveload.core.phoenix.PhoenixClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A VU's Phoenix LiveView client, reached with {@code vu.liveView()}. Pages go through the VU's HTTP client
 * (its cookie jar and the allowed hosts) and its Phoenix client, so the websocket carries the session cookie of
 * the page fetch.
 * <pre>{@code
 * LiveView settings = vu.liveView().open("/profile/settings");
 * settings.change("#settings-form", Map.of("user[username]", "glenn_r"));
 * }</pre>
 * A page opened in an iteration is closed when the iteration ends, unless the script keeps it across
 * iterations with {@code vu.getOrCreate(key, () -> vu.liveView().open(url))}; every page still open when the
 * VU ends is closed then. Methods belong to the VU thread.
 */
public final class LiveViewClient implements AutoCloseable {

    private final VuRuntime vu;
    private final Http http;
    private final PhoenixClient phoenix;
    private final Set<LiveView> open = new LinkedHashSet<>();

    /** Creates the LiveView client of a VU; the engine does this, scripts use {@code vu.liveView()}. */
    public LiveViewClient(VuRuntime vu, Http http, PhoenixClient phoenix) {
        this.vu = vu;
        this.http = http;
        this.phoenix = phoenix;
    }

    /** Opens a page with the default options; see {@link #open(String, Consumer)}. */
    public LiveView open(String url) {
        return open(url, null);
    }

    /**
     * Opens a page as a browser does: fetches it over HTTP (following redirects, with the VU's cookies), opens
     * its LiveView socket ({@code <socket path>/websocket?_csrf_token=...&vsn=2.0.0} with the page's
     * {@code Origin}), joins its views and waits until the joins, and the redirects or reloads they lead to,
     * are done, each join for at most the join timeout. Failures are not thrown: the page comes back not
     * joined, with {@link LiveView#joinError()} saying why.
     *
     * @param url       the page's URL, relative to the base URL or absolute
     * @param configure sets the view name, timeouts, heartbeat interval, origin and connect params; may be null
     * @throws ConfigurationException        when the URL cannot be resolved or its host is not allowed
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public LiveView open(String url, Consumer<LiveViewOptions> configure) {
        Objects.requireNonNull(url, "url");
        vu.checkNotHardStopped();
        LiveViewOptions options = new LiveViewOptions();
        if (configure != null) {
            configure.accept(options);
        }
        http.checkAllowed(http.resolve(url));
        LiveView view = new LiveView(this, options.settings());
        open.add(view);
        vu.closeAtIterationEnd(view);
        view.start(http.resolve(url).toString());
        return view;
    }

    /** Returns how many of this VU's pages are open. */
    public int openPages() {
        return open.size();
    }

    VuRuntime runtime() {
        return vu;
    }

    Http http() {
        return http;
    }

    PhoenixClient phoenix() {
        return phoenix;
    }

    void forget(LiveView view) {
        open.remove(view);
    }

    /**
     * Leaves every open page's views and starts closing its socket without waiting. The engine calls this when
     * the VU ends, before the Phoenix and websocket clients close.
     */
    @Override
    public void close() {
        List<LiveView> pages = new ArrayList<>(open);
        open.clear();
        for (LiveView page : pages) {
            page.closeAsync();
        }
    }
}
