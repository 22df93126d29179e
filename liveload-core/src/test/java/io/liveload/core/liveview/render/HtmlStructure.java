package io.liveload.core.liveview.render;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The structural form in which rendered HTML is compared with the browser's recorded HTML.
 *
 * <p>Both sides are parsed with jsoup and reduced to the {@code [data-phx-main]} element, written as
 * one line per node: an element as its tag name with its attributes sorted by name (a bare attribute
 * is {@code name=""}), a text node as its text with whitespace runs collapsed to one space and
 * trimmed (whitespace-only text nodes are dropped), a comment or script/style data as its content.
 * Children are indented under their parent in document order. Equal forms mean equal tag names,
 * equal attribute maps and equal child lists.
 *
 * <p>{@link #ofRendered} also drops the bookkeeping attributes that the browser client adds to its
 * DOM and that the recorded HTML had removed (for example {@code data-phx-component}); the recorded
 * side ({@link #ofRecorded}) is taken as is. Nothing else is normalized.
 */
public final class HtmlStructure {

    /** The attributes the recordings removed from the browser DOM before serializing it. */
    public static final Set<String> BOOKKEEPING_ATTRIBUTES = Set.of(
            "data-phx-ref", "data-phx-ref-src", "data-phx-ref-loading", "data-phx-ref-lock",
            "data-phx-root-id", "data-phx-pid", "data-phx-stream", "data-phx-component", "data-phx-view",
            "data-phx-id", "data-phx-skip", "data-phx-prune", "data-phx-disable-with-restore",
            "data-phx-readonly", "data-phx-disabled");

    private HtmlStructure() {
    }

    public static String ofRendered(String html) {
        return describe(html, true);
    }

    public static String ofRecorded(String html) {
        return describe(html, false);
    }

    private static String describe(String html, boolean dropBookkeeping) {
        Element main = Jsoup.parseBodyFragment(html).selectFirst("[data-phx-main]");
        if (main == null) {
            throw new AssertionError("No [data-phx-main] element in: " + html);
        }
        StringBuilder out = new StringBuilder();
        describe(main, 0, dropBookkeeping, out);
        return out.toString();
    }

    private static void describe(Node node, int depth, boolean dropBookkeeping, StringBuilder out) {
        String indent = "  ".repeat(depth);
        if (node instanceof Element element) {
            out.append(indent).append('<').append(element.tagName());
            Map<String, String> attributes = new TreeMap<>();
            for (Attribute attribute : element.attributes()) {
                if (!dropBookkeeping || !BOOKKEEPING_ATTRIBUTES.contains(attribute.getKey())) {
                    attributes.put(attribute.getKey(), attribute.getValue());
                }
            }
            attributes.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(value).append('"'));
            out.append(">\n");
            for (Node child : element.childNodes()) {
                describe(child, depth + 1, dropBookkeeping, out);
            }
        } else if (node instanceof TextNode text) {
            String collapsed = collapse(text.getWholeText());
            if (!collapsed.isEmpty()) {
                out.append(indent).append('"').append(collapsed).append("\"\n");
            }
        } else if (node instanceof Comment comment) {
            out.append(indent).append("<!--").append(comment.getData()).append("-->\n");
        } else if (node instanceof DataNode data) {
            out.append(indent).append("data: ").append(collapse(data.getWholeData())).append('\n');
        }
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
