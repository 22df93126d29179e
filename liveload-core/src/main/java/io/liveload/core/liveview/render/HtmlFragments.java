package io.liveload.core.liveview.render;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Parses view HTML with jsoup the way a browser parses a container's inner HTML. */
final class HtmlFragments {

    private HtmlFragments() {
    }

    /**
     * Returns a {@code <div>} whose children are {@code html} parsed as the content of a
     * {@code <div>} container. The element belongs to a shell document that serializes without
     * pretty-printing, so {@link Element#html()} writes the content back unchanged in structure.
     */
    static Element parse(String html) {
        Document shell = Document.createShell("");
        shell.outputSettings().prettyPrint(false);
        Element container = shell.body().appendElement("div");
        container.html(html);
        return container;
    }
}
