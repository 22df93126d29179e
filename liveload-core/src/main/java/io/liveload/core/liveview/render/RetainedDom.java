package io.liveload.core.liveview.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The DOM state that the browser client keeps across patches for {@code phx-update} elements other
 * than streams, applied to each fresh render of a view:
 * <ul>
 *   <li>{@code phx-update="ignore"} (or {@code data-phx-update="ignore"}): after the element's first
 *       render its children and its attributes stay as they were, except {@code data-*} attributes,
 *       which follow each new render;
 *   <li>{@code phx-update="append"} and {@code "prepend"} (a feature from before streams, still
 *       honoured by LiveView 1.2): children with ids are kept in their order and replaced when
 *       rendered again; children not seen before are added at the end or, in render order, at the
 *       start.
 * </ul>
 * Elements are tracked by id, because the browser client requires an id on them. An element that a
 * render no longer contains is forgotten, so it starts afresh when it comes back.
 */
final class RetainedDom {

    private static final String ATTRIBUTE = "phx-update=";

    private final Map<String, Element> ignored = new HashMap<>();
    private final Map<String, List<Element>> appendedChildren = new HashMap<>();

    boolean isEmpty() {
        return ignored.isEmpty() && appendedChildren.isEmpty();
    }

    /** Returns whether an append or prepend container is tracked, whose children change with every message. */
    boolean tracksAppendedChildren() {
        return !appendedChildren.isEmpty();
    }

    void clear() {
        ignored.clear();
        appendedChildren.clear();
    }

    /**
     * Returns whether {@code html} may declare a {@code phx-update} element whose DOM is kept: the
     * value is {@code ignore}, {@code append} or {@code prepend}, or it is missing because a dynamic
     * supplies it (the attribute ends the static part).
     */
    static boolean mayDeclare(String html) {
        int at = html.indexOf(ATTRIBUTE);
        while (at >= 0) {
            int value = at + ATTRIBUTE.length();
            if (value < html.length() && (html.charAt(value) == '"' || html.charAt(value) == '\'')) {
                value++;
            }
            if (value >= html.length() || html.startsWith("ignore", value) || html.startsWith("append", value)
                    || html.startsWith("prepend", value)) {
                return true;
            }
            at = html.indexOf(ATTRIBUTE, value);
        }
        return false;
    }

    /** Applies the kept state to a fresh render of the view and records the state of this render. */
    String apply(String renderedHtml) {
        Element view = HtmlFragments.parse(renderedHtml);
        Set<String> seenIgnored = new HashSet<>();
        Set<String> seenAppended = new HashSet<>();
        for (Element element : view.select("[phx-update], [data-phx-update]")) {
            String id = element.id();
            if (id.isEmpty() || !isInside(element, view)) {
                continue;
            }
            String mode = element.hasAttr("phx-update") ? element.attr("phx-update") : element.attr("data-phx-update");
            if (mode.equals("ignore")) {
                keepIgnored(id, element);
                seenIgnored.add(id);
            } else if (element.attr("phx-update").equals("append") || element.attr("phx-update").equals("prepend")) {
                keepAppended(id, element, element.attr("phx-update").equals("prepend"));
                seenAppended.add(id);
            }
        }
        ignored.keySet().retainAll(seenIgnored);
        appendedChildren.keySet().retainAll(seenAppended);
        return view.html();
    }

    private void keepIgnored(String id, Element rendered) {
        Element kept = ignored.get(id);
        if (kept == null) {
            ignored.put(id, rendered.clone());
            return;
        }
        for (Attribute attribute : new ArrayList<>(kept.attributes().asList())) {
            if (attribute.getKey().startsWith("data-") && !rendered.hasAttr(attribute.getKey())) {
                kept.removeAttr(attribute.getKey());
            }
        }
        for (Attribute attribute : rendered.attributes()) {
            if (attribute.getKey().startsWith("data-")) {
                kept.attr(attribute.getKey(), attribute.getValue());
            }
        }
        rendered.replaceWith(kept.clone());
    }

    private void keepAppended(String id, Element rendered, boolean prepend) {
        Map<String, Element> renderedById = new LinkedHashMap<>();
        for (Element child : rendered.children()) {
            if (!child.id().isEmpty()) {
                renderedById.put(child.id(), child);
            }
        }
        List<Element> previous = appendedChildren.get(id);
        if (previous == null) {
            appendedChildren.put(id, clones(renderedById.values()));
            return;
        }

        List<Element> merged = new ArrayList<>(previous.size() + renderedById.size());
        Set<String> previousIds = new HashSet<>();
        for (Element child : previous) {
            previousIds.add(child.id());
            Element again = renderedById.get(child.id());
            merged.add(again != null ? again : child.clone());
        }
        List<Element> added = new ArrayList<>();
        for (Element child : renderedById.values()) {
            if (!previousIds.contains(child.id())) {
                added.add(child);
            }
        }
        if (prepend) {
            merged.addAll(0, added);
        } else {
            merged.addAll(added);
        }

        rendered.empty();
        for (Element child : merged) {
            rendered.appendChild(child);
        }
        appendedChildren.put(id, clones(merged));
    }

    private static List<Element> clones(Iterable<Element> elements) {
        List<Element> clones = new ArrayList<>();
        for (Element element : elements) {
            clones.add(element.clone());
        }
        return clones;
    }

    /** Returns whether {@code element} is still inside {@code view}, not in content an ignored element replaced. */
    private static boolean isInside(Element element, Element view) {
        for (Element ancestor = element.parent(); ancestor != null; ancestor = ancestor.parent()) {
            if (ancestor == view) {
                return true;
            }
        }
        return false;
    }
}
