package io.liveload.core.liveview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Serializes a rendered form as a browser's {@code FormData} and LiveView's {@code serializeForm} do, with
 * the values a script sets in place of the rendered ones.
 *
 * <p>Fields come in document order: the form's descendants and the elements elsewhere whose {@code form}
 * attribute names the form. Disabled fields (also inside a disabled {@code fieldset}), file inputs, buttons
 * and unchecked checkboxes and radios are left out. A {@code select} gives its selected options, or its first
 * enabled option when none is selected and it is not {@code multiple}. A submitter button with a name adds its
 * own pair at its position.
 *
 * <p>Values a script sets, by field name: a text-like field or textarea takes the value (the nth field of a
 * name takes the nth value); checkboxes and radios of the name are checked exactly when their value is one of
 * the values; a select selects the options with those values, or sends the values as they are when no option
 * matches. Names that no field of the form has are appended at the end.
 */
final class FormData {

    private static final Set<String> SKIPPED_INPUTS = Set.of("file", "submit", "image", "reset", "button");

    /**
     * How to serialize.
     *
     * @param submitter     the button that submits the form, or null
     * @param onlyName      the only field name to send (an input with its own {@code phx-change}), or null
     * @param unusedMarkers whether to add LiveView's {@code _unused_} pairs for fields the script has not used
     * @param usedNames     the names the script has set in this or an earlier change of the form
     * @param submitted     whether the form was submitted before, which counts every field as used
     */
    record Options(Element submitter, String onlyName, boolean unusedMarkers, Set<String> usedNames,
                   boolean submitted) {
    }

    private FormData() {
    }

    /** Returns the form's name-value pairs in order. */
    static List<Map.Entry<String, String>> pairs(Element form, Map<String, ?> values, Options options) {
        Map<String, List<String>> overrides = normalize(values);
        List<Element> fields = fields(form);
        Set<String> names = new HashSet<>();
        Set<String> checkableNames = new HashSet<>();
        for (Element field : fields) {
            names.add(field.attr("name"));
            if (isCheckable(field)) {
                checkableNames.add(field.attr("name"));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Map.Entry<String, String>> pairs = new ArrayList<>();

        for (Element field : fields) {
            String name = field.attr("name");
            if (name.isEmpty() || isDisabled(field, form)) {
                continue;
            }
            if (field == options.submitter()) {
                pairs.add(Map.entry(name, field.attr("value")));
                continue;
            }
            List<String> override = overrides.get(name);
            for (String value : values(field, override, checkableNames.contains(name), seen)) {
                pairs.add(Map.entry(name, value));
            }
        }
        for (Map.Entry<String, List<String>> extra : overrides.entrySet()) {
            if (!names.contains(extra.getKey())) {
                extra.getValue().forEach(value -> pairs.add(Map.entry(extra.getKey(), value)));
            }
        }
        return withMarkers(form, fields, pairs, options);
    }

    /** Returns the pairs URL-encoded as {@code application/x-www-form-urlencoded}, as {@code URLSearchParams} writes them. */
    static String encode(List<Map.Entry<String, String>> pairs) {
        StringBuilder encoded = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (encoded.length() > 0) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    /** Returns the form's fields in document order. */
    static List<Element> fields(Element form) {
        List<Element> fields = new ArrayList<>();
        String formId = form.id();
        for (Element candidate : form.root().select("input, select, textarea, button")) {
            String owner = candidate.attr("form");
            boolean associated = owner.isEmpty() ? candidate.closest("form") == form
                    : !formId.isEmpty() && owner.equals(formId);
            if (associated) {
                fields.add(candidate);
            }
        }
        return fields;
    }

    /**
     * Returns LiveView's {@code _unused_} name for a field: the prefix goes before the last name segment, so
     * {@code user[email]} becomes {@code user[_unused_email]} and {@code tags[]} becomes {@code _unused_tags[]}.
     */
    static String unusedName(String name) {
        boolean list = name.endsWith("[]");
        String base = list ? name.substring(0, name.length() - 2) : name;
        int open = base.lastIndexOf('[');
        String marked;
        if (base.endsWith("]") && open >= 0) {
            marked = base.substring(0, open + 1) + "_unused_" + base.substring(open + 1);
        } else {
            marked = "_unused_" + base;
        }
        return list ? marked + "[]" : marked;
    }

    private static List<Map.Entry<String, String>> withMarkers(Element form, List<Element> fields,
                                                               List<Map.Entry<String, String>> pairs,
                                                               Options options) {
        boolean markers = options.unusedMarkers() && !options.submitted() && !form.hasAttr("phx-no-unused-field");
        Map<String, Boolean> unused = new HashMap<>();
        Map<String, Boolean> onlyHidden = new HashMap<>();
        for (Element field : fields) {
            String name = field.attr("name");
            if (name.isEmpty()) {
                continue;
            }
            boolean used = options.usedNames().contains(name) || field.hasAttr("phx-no-unused-field");
            unused.merge(name, !used, Boolean::logicalAnd);
            onlyHidden.merge(name, "hidden".equals(type(field)), Boolean::logicalAnd);
        }

        String submitterName = options.submitter() == null ? null : options.submitter().attr("name");
        List<Map.Entry<String, String>> result = new ArrayList<>(pairs.size());
        for (Map.Entry<String, String> pair : pairs) {
            String name = pair.getKey();
            if (options.onlyName() != null && !options.onlyName().equals(name)) {
                continue;
            }
            boolean mark = markers && unused.getOrDefault(name, false) && !onlyHidden.getOrDefault(name, false)
                    && !name.equals(submitterName);
            if (mark) {
                result.add(Map.entry(unusedName(name), ""));
            }
            result.add(pair);
        }
        return result;
    }

    private static List<String> values(Element field, List<String> override, boolean nameHasCheckable,
                                       Map<String, Integer> seen) {
        String tag = field.normalName();
        if (tag.equals("button")) {
            return List.of();
        }
        if (tag.equals("select")) {
            return selectValues(field, override);
        }
        if (tag.equals("textarea")) {
            return List.of(override(field, override, textareaValue(field), seen));
        }
        String type = type(field);
        if (isCheckable(field)) {
            String value = field.hasAttr("value") ? field.attr("value") : "on";
            boolean checked = override != null ? override.contains(value) : field.hasAttr("checked");
            return checked ? List.of(value) : List.of();
        }
        if (SKIPPED_INPUTS.contains(type)) {
            return List.of();
        }
        if (nameHasCheckable) {
            return List.of(field.attr("value"));
        }
        return List.of(override(field, override, field.attr("value"), seen));
    }

    /** Returns the nth set value for the nth text-like field of a name, or the rendered value. */
    private static String override(Element field, List<String> override, String rendered, Map<String, Integer> seen) {
        if (override == null) {
            return rendered;
        }
        int index = seen.merge(field.attr("name"), 1, Integer::sum) - 1;
        return index < override.size() ? override.get(index) : rendered;
    }

    private static List<String> selectValues(Element select, List<String> override) {
        List<Element> options = select.select("option");
        List<String> selected = new ArrayList<>();
        if (override != null) {
            for (Element option : options) {
                if (override.contains(optionValue(option))) {
                    selected.add(optionValue(option));
                }
            }
            return selected.isEmpty() ? override : selected;
        }
        if (select.hasAttr("multiple")) {
            for (Element option : options) {
                if (option.hasAttr("selected")) {
                    selected.add(optionValue(option));
                }
            }
            return selected;
        }
        Element chosen = null;
        for (Element option : options) {
            if (option.hasAttr("selected")) {
                chosen = option;
            }
        }
        if (chosen == null) {
            for (Element option : options) {
                if (!option.hasAttr("disabled") && (option.parent() == null || !option.parent().normalName().equals("optgroup")
                        || !option.parent().hasAttr("disabled"))) {
                    chosen = option;
                    break;
                }
            }
        }
        return chosen == null ? List.of() : List.of(optionValue(chosen));
    }

    /** Returns an option's value: its {@code value} attribute, else its text with whitespace collapsed. */
    static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.text();
    }

    private static String textareaValue(Element textarea) {
        String text = textarea.wholeText();
        return text.startsWith("\n") ? text.substring(1) : text;
    }

    static String type(Element field) {
        return field.attr("type").toLowerCase(Locale.ROOT);
    }

    /**
     * Returns whether the field is disabled: by its own attribute, or by a disabled {@code fieldset} around it
     * unless it sits in that fieldset's first {@code legend}.
     */
    private static boolean isDisabled(Element field, Element form) {
        if (field.hasAttr("disabled")) {
            return true;
        }
        Element child = field;
        for (Element ancestor = field.parent(); ancestor != null && ancestor != form; ancestor = ancestor.parent()) {
            if (ancestor.normalName().equals("fieldset") && ancestor.hasAttr("disabled")
                    && child != firstLegend(ancestor)) {
                return true;
            }
            child = ancestor;
        }
        return false;
    }

    private static Element firstLegend(Element fieldset) {
        for (Element child : fieldset.children()) {
            if (child.normalName().equals("legend")) {
                return child;
            }
        }
        return null;
    }

    private static boolean isCheckable(Element field) {
        String type = type(field);
        return field.normalName().equals("input") && (type.equals("checkbox") || type.equals("radio"));
    }

    /** Turns each set value into a list: a string is one value, a collection several. */
    private static Map<String, List<String>> normalize(Map<String, ?> values) {
        Map<String, List<String>> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            Object value = entry.getValue();
            List<String> list = new ArrayList<>();
            if (value instanceof Collection<?> collection) {
                collection.forEach(item -> list.add(String.valueOf(item)));
            } else {
                list.add(String.valueOf(value));
            }
            normalized.put(entry.getKey(), list);
        }
        return normalized;
    }
}
