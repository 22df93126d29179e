package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The container element of a LiveView: its tag and attributes, without content. The rendered tree
 * of a view is the container's inner HTML; the container itself comes from the dead render.
 *
 * @param tag the element name, {@code div} unless the view declares another container
 * @param attributes the attributes in document order; a bare attribute has the value ""
 */
public record ViewContainer(String tag, Map<String, String> attributes) {

    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    /**
     * Attributes a join reply's {@code container} does not replace; the browser client keeps them
     * because they identify the view.
     */
    private static final Set<String> RETAINED_ON_REPLACE =
            Set.of("id", "data-phx-session", "data-phx-static", "data-phx-main");

    public ViewContainer {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(attributes, "attributes");
        if (!TAG_NAME.matcher(tag).matches()) {
            throw new IllegalArgumentException("Invalid container tag \"" + tag + "\": expected an element name such as div");
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        String id = attributes.get("id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Invalid container: the id attribute is missing, but a LiveView container needs it: "
                    + attributes);
        }
    }

    /** Returns the container of {@code element}: its tag and attributes, not its children. */
    public static ViewContainer of(Element element) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Attribute attribute : element.attributes()) {
            attributes.put(attribute.getKey(), attribute.getValue());
        }
        return new ViewContainer(element.tagName(), attributes);
    }

    /** Returns the container's id, which is the view id. */
    public String id() {
        return attributes.get("id");
    }

    /**
     * Returns this container changed by the {@code container} field of a join reply,
     * {@code [tag, {attributes}]}, sent after live navigation to a view with another container:
     * tag and attributes are replaced, except {@code id}, {@code data-phx-session},
     * {@code data-phx-static} and {@code data-phx-main}, which keep their values and come first.
     *
     * @throws IllegalArgumentException when {@code container} is not {@code [tag, object]}
     */
    public ViewContainer replacedBy(JsonNode container) {
        if (container == null || !container.isArray() || container.size() != 2 || !container.get(0).isTextual()
                || !container.get(1).isObject()) {
            throw new IllegalArgumentException("Invalid join reply container: expected [tag, {attributes}] but found " + container);
        }
        Map<String, String> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (isRetained(attribute.getKey())) {
                replaced.put(attribute.getKey(), attribute.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> attribute : container.get(1).properties()) {
            if (!isRetained(attribute.getKey())) {
                replaced.put(attribute.getKey(), attribute.getValue().asText());
            }
        }
        return new ViewContainer(container.get(0).textValue(), replaced);
    }

    private static boolean isRetained(String attribute) {
        return RETAINED_ON_REPLACE.contains(attribute.toLowerCase(Locale.ROOT));
    }

    /** Returns the container element's HTML with {@code innerHtml} as its content. */
    public String outerHtml(String innerHtml) {
        StringBuilder html = new StringBuilder(innerHtml.length() + 256);
        html.append('<').append(tag);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            html.append(' ').append(attribute.getKey()).append("=\"")
                    .append(attribute.getValue().replace("&", "&amp;").replace("\"", "&quot;"))
                    .append('"');
        }
        return html.append('>').append(innerHtml).append("</").append(tag).append('>').toString();
    }
}
