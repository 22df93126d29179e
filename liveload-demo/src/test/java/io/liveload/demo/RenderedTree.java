package io.liveload.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A test-side LiveView 1.1+ tree: merges a join's {@code rendered} and later diffs following the
 * client rules (shared {@code "p"} statics, keyed lists, components under {@code "c"}) and
 * renders the view's inner HTML. Stream items are rendered only from the latest message, since
 * the real client keeps them in the DOM; moved list entries are not supported.
 */
final class RenderedTree {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ObjectNode tree = JSON.objectNode();
    private final Map<String, ObjectNode> components = new HashMap<>();

    static RenderedTree of(JsonNode rendered) {
        RenderedTree result = new RenderedTree();
        result.merge(rendered);
        return result;
    }

    void merge(JsonNode message) {
        ObjectNode diff = message.deepCopy();
        JsonNode shared = diff.remove("p");
        diff.remove("t");
        diff.remove("e");
        if (diff.path("r").isObject()) {
            diff.remove("r");
        }
        JsonNode newComponents = diff.remove("c");
        tree = (ObjectNode) mergeNode(tree, resolve(diff, shared));
        if (newComponents != null) {
            for (Map.Entry<String, JsonNode> entry : newComponents.properties()) {
                ObjectNode old = components.get(entry.getKey());
                JsonNode update = entry.getValue();
                components.put(entry.getKey(), old == null || update.has("s")
                        ? (ObjectNode) update.deepCopy()
                        : (ObjectNode) mergeNode(old.deepCopy(), update));
            }
        }
    }

    String html() {
        StringBuilder out = new StringBuilder();
        render(tree, out);
        return out.toString();
    }

    private static JsonNode resolve(JsonNode node, JsonNode shared) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = (ObjectNode) node;
        for (Map.Entry<String, JsonNode> field : copy.properties()) {
            if (field.getKey().equals("s") && field.getValue().isInt() && shared != null) {
                field.setValue(shared.get(field.getValue().asText()));
            } else if (field.getValue().isObject()) {
                field.setValue(resolve(field.getValue(), shared));
            }
        }
        return copy;
    }

    private static JsonNode mergeNode(JsonNode target, JsonNode source) {
        if (!source.isObject() || !target.isObject() || source.has("s")) {
            return source;
        }
        if (source.has("k")) {
            return mergeKeyed((ObjectNode) target, (ObjectNode) source);
        }
        ObjectNode result = (ObjectNode) target;
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode old = result.get(field.getKey());
            result.set(field.getKey(), old != null && old.isObject() && field.getValue().isObject()
                    ? mergeNode(old, field.getValue())
                    : field.getValue());
        }
        return result;
    }

    private static JsonNode mergeKeyed(ObjectNode target, ObjectNode source) {
        JsonNode oldEntries = target.path("k");
        JsonNode newEntries = source.get("k");
        int count = newEntries.get("kc").asInt();
        ObjectNode merged = JSON.objectNode();
        for (int i = 0; i < count; i++) {
            String key = Integer.toString(i);
            JsonNode entry = newEntries.get(key);
            JsonNode old = oldEntries.get(key);
            if (entry == null) {
                merged.set(key, old);
            } else {
                merged.set(key, mergeNode(old == null ? JSON.objectNode() : old.deepCopy(), entry));
            }
        }
        merged.put("kc", count);
        target.set("k", merged);
        if (source.has("stream")) {
            target.set("stream", source.get("stream"));
        }
        return target;
    }

    private void render(JsonNode node, StringBuilder out) {
        ArrayNode statics = (ArrayNode) node.get("s");
        if (node.has("k")) {
            JsonNode entries = node.get("k");
            for (int i = 0; i < entries.get("kc").asInt(); i++) {
                renderSlots(statics, entries.get(Integer.toString(i)), out);
            }
            return;
        }
        renderSlots(statics, node, out);
    }

    private void renderSlots(ArrayNode statics, JsonNode dynamics, StringBuilder out) {
        out.append(statics.get(0).asText());
        for (int i = 1; i < statics.size(); i++) {
            JsonNode value = dynamics.get(Integer.toString(i - 1));
            if (value.isTextual()) {
                out.append(value.asText());
            } else if (value.isInt()) {
                render(components.get(value.asText()), out);
            } else {
                render(value, out);
            }
            out.append(statics.get(i).asText());
        }
    }
}
