package io.liveload.core.liveview;

import io.liveload.core.liveview.render.PageComposer;
import io.liveload.core.liveview.render.ViewContainer;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The facts the LiveView client takes from a page's HTTP response (the "dead render") before it connects: the CSRF
 * token for the socket, the tracked static assets, the title and the LiveView containers to join. The parsed
 * document is not kept. A page without LiveView keeps its body's HTML instead, so that a script can still look
 * at it (a login form, an error page).
 *
 * @param url         the page's URL after redirects
 * @param csrfToken   the {@code content} of {@code <meta name="csrf-token">}, or null when the page has none
 * @param trackStatic the absolute URLs of the {@code phx-track-static} elements in document order
 * @param title       the page's title
 * @param roots       the containers joined at page load ({@code [data-phx-session]:not([data-phx-parent-id])})
 *                    in document order
 * @param mainId      the id of the main view's container ({@code data-phx-main}, else the first root), or null
 *                    when the page has no LiveView
 * @param composer    nests child views into their parents; it keeps the dead render's static tokens
 * @param bodyHtml    the {@code <body>} of a page without LiveView, or null when the page has one
 */
record DeadRender(String url, String csrfToken, List<String> trackStatic, PageTitle title, List<ViewContainer> roots,
                  String mainId, PageComposer composer, String bodyHtml) {

    static final String SESSION = "data-phx-session";
    static final String PARENT_ID = "data-phx-parent-id";
    static final String MAIN = "data-phx-main";
    static final String STICKY = "data-phx-sticky";

    DeadRender {
        trackStatic = List.copyOf(trackStatic);
        roots = List.copyOf(roots);
    }

    /** Parses the HTML of a page fetched from {@code url}; run it through {@link ParseThread}. */
    static DeadRender parse(String html, String url) {
        Document document = Jsoup.parse(html, url);

        Element csrf = document.selectFirst("meta[name=csrf-token]");
        List<String> trackStatic = new ArrayList<>();
        for (Element asset : document.select("[phx-track-static]")) {
            String absolute = asset.hasAttr("src") ? asset.absUrl("src") : asset.absUrl("href");
            if (!absolute.isEmpty()) {
                trackStatic.add(absolute);
            }
        }

        List<ViewContainer> roots = new ArrayList<>();
        String mainId = null;
        // A structural selector such as :not() would keep the document in a thread-local memo of jsoup.
        for (Element container : document.getElementsByAttribute(SESSION)) {
            if (container.id().isEmpty() || container.hasAttr(PARENT_ID)) {
                continue;
            }
            roots.add(ViewContainer.of(container));
            if (mainId == null && container.hasAttr(MAIN)) {
                mainId = container.id();
            }
        }
        if (mainId == null && !roots.isEmpty()) {
            mainId = roots.get(0).id();
        }

        String bodyHtml = roots.isEmpty() ? document.body().outerHtml() : null;
        return new DeadRender(url, csrf == null ? null : csrf.attr("content"), trackStatic, PageTitle.of(document),
                roots, mainId, PageComposer.forDeadRender(document), bodyHtml);
    }

    /** Returns whether the page has a LiveView to join. */
    boolean hasLiveView() {
        return mainId != null;
    }
}
