package io.liveload.core.liveview;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's {@code <title>}: the text of the dead render, and the {@code data-prefix} and {@code data-suffix}
 * that LiveView's {@code live_title} component writes. A title a view sends ({@code "t"}) is shown between
 * them, as the browser client does.
 *
 * @param initial the title of the dead render, "" when the page has none
 * @param prefix  the text put before a title a view sends
 * @param suffix  the text put after a title a view sends
 */
record PageTitle(String initial, String prefix, String suffix) {

    static PageTitle of(Document document) {
        Element title = document.selectFirst("title");
        if (title == null) {
            return new PageTitle("", "", "");
        }
        return new PageTitle(title.text(), title.attr("data-prefix"), title.attr("data-suffix"));
    }

    /** Returns the title the page shows when a view sends {@code title}. */
    String show(String title) {
        return prefix + title + suffix;
    }
}
