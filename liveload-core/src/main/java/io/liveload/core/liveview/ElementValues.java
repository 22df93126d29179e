package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The values the official client reads from an element: the {@code value} of a click, key or hook event
 * ({@code phx-value-*} attributes, the element's {@code value} property, a JS command's {@code value}), and
 * the component an event targets ({@code phx-target}).
 */
final class ElementValues {

    private static final String VALUE_PREFIX = "phx-value-";
    private static final Pattern CID = Pattern.compile("0|[1-9][0-9]*");

    private ElementValues() {
    }

    /**
     * Returns an event's value as the client's {@code extractMeta} builds it: every {@code phx-value-*}
     * attribute of the element (name without the prefix), then {@code "value"}: the element's DOM
     * {@code value} property when it has one (none for an unchecked checkbox or radio, a number for
     * {@code <li>}, {@code <meter>} and {@code <progress>}), then the fields of the command's {@code value}.
     */
    static ObjectNode eventValue(Element element, JsonNode commandValue) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        for (Attribute attribute : element.attributes()) {
            if (attribute.getKey().startsWith(VALUE_PREFIX)) {
                value.put(attribute.getKey().substring(VALUE_PREFIX.length()), attribute.getValue());
            }
        }
        putValueProperty(element, value);
        if (commandValue != null && commandValue.isObject()) {
            for (Map.Entry<String, JsonNode> field : commandValue.properties()) {
                value.set(field.getKey(), field.getValue());
            }
        }
        return value;
    }

    /** Returns the {@code phx-value-*} attributes of a form, which form events carry in {@code meta}. */
    static ObjectNode formMeta(Element form, JsonNode commandValue) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        for (Attribute attribute : form.attributes()) {
            if (attribute.getKey().startsWith(VALUE_PREFIX)) {
                meta.put(attribute.getKey().substring(VALUE_PREFIX.length()), attribute.getValue());
            }
        }
        if (commandValue != null && commandValue.isObject()) {
            commandValue.properties().forEach(field -> meta.set(field.getKey(), field.getValue()));
        }
        return meta;
    }

    private static void putValueProperty(Element element, ObjectNode value) {
        switch (element.normalName()) {
            case "input" -> {
                String type = FormData.type(element);
                boolean checkable = type.equals("checkbox") || type.equals("radio");
                if (checkable && !element.hasAttr("checked")) {
                    return;
                }
                value.put("value", checkable && !element.hasAttr("value") ? "on" : element.attr("value"));
            }
            case "button", "data", "param" -> value.put("value", element.attr("value"));
            case "option" -> value.put("value", FormData.optionValue(element));
            case "textarea" -> value.put("value", element.wholeText());
            case "select" -> {
                Element selected = element.selectFirst("option[selected]");
                if (selected == null) {
                    selected = element.selectFirst("option");
                }
                value.put("value", selected == null ? "" : FormData.optionValue(selected));
            }
            case "li" -> value.put("value", parseInt(element.attr("value")));
            case "meter", "progress" -> value.put("value", parseDouble(element.attr("value")));
            default -> {
                // Other elements have no value property.
            }
        }
    }

    /**
     * Returns the cid named by a {@code phx-target} value that is a number, as the client's {@code isCid}
     * accepts it ({@code "0"} or digits without a leading zero), or empty for a CSS selector.
     */
    static OptionalInt cidOf(String target) {
        if (target != null && CID.matcher(target).matches() && target.length() < 10) {
            return OptionalInt.of(Integer.parseInt(target));
        }
        return OptionalInt.empty();
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
