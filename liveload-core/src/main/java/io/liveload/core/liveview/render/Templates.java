package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shared statics table ({@code "p"}) of one message. A node whose {@code "s"} is an integer
 * takes its statics from the table in effect, which is resolved into a {@code String[]} once per
 * index and shared by every node that refers to it. A table never outlives its message: indexes
 * restart in every message, so the merger resolves them all while merging.
 */
final class Templates {

    private final JsonNode table;
    private final String[][] resolved;

    private Templates(JsonNode table) {
        this.table = table;
        this.resolved = new String[table.size()][];
    }

    /** Returns the table of {@code p}, or null when {@code p} is absent. */
    static Templates of(JsonNode p, PathStack path) {
        if (p == null) {
            return null;
        }
        if (!p.isObject()) {
            path.push("p");
            throw path.error("Invalid template table: expected an object but found " + p.getNodeType());
        }
        return new Templates(p);
    }

    /** Returns the table in effect for a node: the enclosing one wins over the node's own. */
    static Templates inEffect(Templates enclosing, JsonNode ownTable, PathStack path) {
        return enclosing != null ? enclosing : of(ownTable, path);
    }

    String[] statics(int index, StaticsReader reader, PathStack path) {
        if (index >= 0 && index < resolved.length && resolved[index] != null) {
            return resolved[index];
        }
        JsonNode statics = table.get(Integer.toString(index));
        if (statics == null) {
            throw path.error("Template " + index + " is missing from the template table \"p\" of this message");
        }
        String[] result = reader.read(statics, path);
        if (index >= 0 && index < resolved.length) {
            resolved[index] = result;
        }
        return result;
    }

    /** Converts a JSON statics array into strings, validating each element. */
    @FunctionalInterface
    interface StaticsReader {
        String[] read(JsonNode statics, PathStack path);
    }
}
