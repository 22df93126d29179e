package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Converts and merges the rendered nodes of one message into immutable {@link TreeNode}s.
 *
 * <p>The engine keeps its own nodes instead of the Jackson tree for three reasons. Dynamics sit in
 * arrays indexed by position, so rendering does no key parsing or hashing. Integer statics are
 * resolved against the message's template table here, so a table never outlives its message. And
 * nodes are immutable, so a merge builds new nodes only along the changed paths and shares the
 * rest: the old tree stays intact until the whole message has merged, and a component borrows
 * another component's subtrees without deep copies.
 *
 * <p>The merger also checks that every component id the message uses exists, and it collects what
 * the message needs after the tree is built: the stream operations with their entries, and whether
 * new statics may declare {@code phx-update} elements whose DOM the browser keeps.
 */
final class TreeMerger {

    private final PathStack path;
    private final IntPredicate knownComponent;
    private final List<PendingStream> pendingStreams = new ArrayList<>(0);
    private boolean declaresRetainedDom;

    /**
     * @param knownComponent tests whether a cid names a component of the previous state or of this
     *     message's {@code "c"}
     */
    TreeMerger(PathStack path, IntPredicate knownComponent) {
        this.path = path;
        this.knownComponent = knownComponent;
    }

    /** A stream operation together with the entries its comprehension carried in this message. */
    record PendingStream(StreamOperation operation, TreeNode[] entries) {
    }

    List<PendingStream> pendingStreams() {
        return pendingStreams;
    }

    boolean declaresRetainedDom() {
        return declaresRetainedDom;
    }

    /** Builds a node from JSON that carries statics {@code "s"}. */
    TreeNode freshTree(JsonNode json, Templates enclosing) {
        Templates templates = Templates.inEffect(enclosing, json.get("p"), path);
        String[] statics = statics(json.get("s"), templates);
        if (statics.length == 0) {
            path.push("s");
            throw path.error("Invalid statics: a rendered node needs at least one static string");
        }
        return new TreeNode(statics, freshDynamics(json, statics, templates));
    }

    /** Merges a diff without statics into {@code old}, returning {@code old} itself when nothing changed. */
    TreeNode mergeTree(TreeNode old, JsonNode json, Templates enclosing) {
        if (json.has("k") || json.has("d")) {
            throw path.error("Invalid diff: comprehension entries for a node that is not a comprehension");
        }
        Templates templates = Templates.inEffect(enclosing, json.get("p"), path);

        Object[] dynamics = null;
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            int index = dynamicIndex(field.getKey());
            if (index < 0) {
                continue;
            }
            path.push(field.getKey());
            if (index >= old.dynamics.length) {
                throw path.error("Invalid diff: dynamic " + index + " does not exist, the node has "
                        + old.dynamics.length + " dynamics");
            }
            Object before = old.dynamics[index];
            Object after = merge(before, field.getValue(), templates);
            if (after != before) {
                if (dynamics == null) {
                    dynamics = old.dynamics.clone();
                }
                dynamics[index] = after;
            }
            path.pop();
        }
        return dynamics == null ? old : new TreeNode(old.statics, dynamics);
    }

    /**
     * Merges one dynamic value into its previous value ({@code null} when there is none). Strings
     * and component ids replace the previous value. An object with statics is a new node, and an
     * object without statics changes the previous node.
     */
    private Object merge(Object old, JsonNode value, Templates templates) {
        if (value.isTextual()) {
            String text = value.textValue();
            return text.equals(old) ? old : text;
        }
        if (value.isIntegralNumber()) {
            return componentReference(old, value);
        }
        if (!value.isObject()) {
            throw path.error("Invalid dynamic: expected a string, a component id or an object but found "
                    + value.getNodeType());
        }
        if (value.has("s")) {
            return value.has("k") || value.has("d") ? freshComprehension(value, templates) : freshTree(value, templates);
        }
        if (old instanceof TreeNode node) {
            return mergeTree(node, value, templates);
        }
        if (old instanceof Comprehension comprehension) {
            return mergeComprehension(comprehension, value, templates);
        }
        throw path.error("Invalid diff: an object without statics \"s\" can only change a rendered node, but "
                + (old == null ? "there is no previous value" : "the previous value is " + describe(old)));
    }

    private Object componentReference(Object old, JsonNode value) {
        if (!value.canConvertToInt() || value.intValue() <= 0) {
            throw path.error("Invalid component id: expected a positive integer but found " + value);
        }
        Integer cid = value.intValue();
        if (!knownComponent.test(cid)) {
            throw path.error("Component " + cid + " is used but is neither in this message nor known from earlier ones");
        }
        return cid.equals(old) ? old : cid;
    }

    private Object[] freshDynamics(JsonNode json, String[] statics, Templates templates) {
        int count = statics.length - 1;
        if (count == 0) {
            return TreeNode.NO_DYNAMICS;
        }

        Object[] dynamics = new Object[count];
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            int index = dynamicIndex(field.getKey());
            if (index < 0) {
                continue;
            }
            path.push(field.getKey());
            if (index >= count) {
                throw path.error("Invalid node: dynamic " + index + " does not fit statics of " + statics.length + " parts");
            }
            dynamics[index] = merge(null, field.getValue(), templates);
            path.pop();
        }

        for (int i = 0; i < count; i++) {
            if (dynamics[i] == null) {
                throw path.error("Invalid node: dynamic " + i + " is missing, but new statics of "
                        + statics.length + " parts need all " + count + " dynamics");
            }
        }
        return dynamics;
    }

    /**
     * Builds a comprehension from JSON with statics. Its own integer statics refer to the enclosing
     * template table only. Its entries use the enclosing table, or the comprehension's own table
     * when there is none.
     */
    private Comprehension freshComprehension(JsonNode json, Templates enclosing) {
        String[] statics = statics(json.get("s"), enclosing);
        Templates entryTemplates = Templates.inEffect(enclosing, json.get("p"), path);
        TreeNode[] entries = json.has("d")
                ? listedEntries(json.get("d"), statics, entryTemplates)
                : keyedEntries(Comprehension.NO_ENTRIES, json.get("k"), statics, entryTemplates);
        return withStream(json, statics, entries, null);
    }

    private Comprehension mergeComprehension(Comprehension old, JsonNode json, Templates enclosing) {
        Templates entryTemplates = Templates.inEffect(enclosing, json.get("p"), path);
        TreeNode[] entries = old.entries;
        if (json.has("d")) {
            entries = listedEntries(json.get("d"), old.statics, entryTemplates);
        } else if (json.has("k")) {
            entries = keyedEntries(old.entries, json.get("k"), old.statics, entryTemplates);
        }
        return withStream(json, old.statics, entries, old);
    }

    /**
     * Moves a stream comprehension's entries into a pending stream operation and keeps none in the
     * tree, because the browser client empties the entries after rendering them. Later diffs
     * therefore start from an empty comprehension.
     */
    private Comprehension withStream(JsonNode json, String[] statics, TreeNode[] entries, Comprehension old) {
        JsonNode stream = json.get("stream");
        if (stream != null) {
            String comprehensionPath = path.toString();
            StreamOperation operation = StreamOperation.parse(stream, path, () -> "path:" + comprehensionPath);
            pendingStreams.add(new PendingStream(operation, entries));
            return new Comprehension(statics, Comprehension.NO_ENTRIES, operation.key());
        }
        String streamKey = old == null ? null : old.streamKey;
        if (streamKey != null && entries.length > 0) {
            throw path.error("Invalid diff: entries for stream " + streamKey + " without a \"stream\" operation");
        }
        if (old != null && entries == old.entries) {
            return old;
        }
        return new Comprehension(statics, entries, streamKey);
    }

    /** Converts the entry list {@code "d"} of LiveView 1.0 and earlier, which replaces all entries. */
    private TreeNode[] listedEntries(JsonNode list, String[] statics, Templates templates) {
        path.push("d");
        if (!list.isArray()) {
            throw path.error("Invalid comprehension: \"d\" must be an array of entries but found " + list.getNodeType());
        }
        if (list.isEmpty()) {
            path.pop();
            return Comprehension.NO_ENTRIES;
        }
        requireEntryStatics(statics);

        int count = statics.length - 1;
        TreeNode[] entries = new TreeNode[list.size()];
        for (int i = 0; i < entries.length; i++) {
            path.push(i);
            JsonNode entry = list.get(i);
            if (!entry.isArray() || entry.size() != count) {
                throw path.error("Invalid comprehension entry: expected an array of " + count + " dynamics but found " + entry);
            }
            Object[] dynamics = count == 0 ? TreeNode.NO_DYNAMICS : new Object[count];
            for (int j = 0; j < count; j++) {
                path.push(j);
                dynamics[j] = merge(null, entry.get(j), templates);
                path.pop();
            }
            entries[i] = new TreeNode(statics, dynamics);
            path.pop();
        }
        path.pop();
        return entries;
    }

    /**
     * Merges the keyed entries {@code "k"} of LiveView 1.1 and later. Each new position takes an
     * absent entry from the same old position, an integer {@code j} from old position {@code j},
     * {@code [j, diff]} from old position {@code j} changed by {@code diff}, and an object as a change
     * to the same old position (or as a new entry). Moves read the old array, which this merge
     * never writes, so no entry is copied up front.
     */
    private TreeNode[] keyedEntries(TreeNode[] old, JsonNode keyed, String[] statics, Templates templates) {
        path.push("k");
        int count = entryCount(keyed);
        if (count > 0) {
            requireEntryStatics(statics);
        }

        TreeNode[] entries = count == 0 ? Comprehension.NO_ENTRIES : new TreeNode[count];
        for (Map.Entry<String, JsonNode> field : keyed.properties()) {
            int index = dynamicIndex(field.getKey());
            if (index < 0) {
                continue;
            }
            path.push(field.getKey());
            if (index >= count) {
                throw path.error("Invalid keyed comprehension: entry " + index + " is outside the entry count " + count);
            }
            entries[index] = keyedEntry(old, index, field.getValue(), statics, templates);
            path.pop();
        }

        boolean unchanged = count == old.length;
        for (int i = 0; i < count; i++) {
            if (entries[i] == null) {
                if (i >= old.length) {
                    throw path.error("Invalid keyed comprehension: entry " + i
                            + " is neither in this diff nor in the previous comprehension of " + old.length + " entries");
                }
                entries[i] = old[i];
            }
            unchanged = unchanged && entries[i] == old[i];
        }
        path.pop();
        return unchanged ? old : entries;
    }

    private int entryCount(JsonNode keyed) {
        if (keyed == null || !keyed.isObject()) {
            throw path.error("Invalid comprehension: expected \"k\" as an object of entries");
        }
        JsonNode count = keyed.get("kc");
        if (count == null || !count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
            throw path.error("Invalid keyed comprehension: \"kc\" must be the entry count but found " + count);
        }
        return count.intValue();
    }

    private TreeNode keyedEntry(TreeNode[] old, int index, JsonNode value, String[] statics, Templates templates) {
        if (value.isIntegralNumber()) {
            return movedEntry(old, value);
        }
        if (value.isArray()) {
            if (value.size() != 2 || !value.get(0).isIntegralNumber() || !value.get(1).isObject()) {
                throw path.error("Invalid moved entry: expected [old index, diff] but found " + value);
            }
            TreeNode moved = movedEntry(old, value.get(0));
            path.push(1);
            TreeNode merged = mergeTree(moved, value.get(1), templates);
            path.pop();
            return merged;
        }
        if (!value.isObject()) {
            throw path.error("Invalid keyed entry: expected an object, an old index or [old index, diff] but found " + value);
        }
        if (index < old.length) {
            return mergeTree(old[index], value, templates);
        }
        return new TreeNode(statics, freshDynamics(value, statics, templates));
    }

    private TreeNode movedEntry(TreeNode[] old, JsonNode from) {
        if (!from.canConvertToInt() || from.intValue() < 0 || from.intValue() >= old.length) {
            throw path.error("Invalid moved entry: it moves from old index " + from
                    + ", but the previous comprehension has " + old.length + " entries");
        }
        return old[from.intValue()];
    }

    private void requireEntryStatics(String[] statics) {
        if (statics.length == 0) {
            throw path.error("Invalid comprehension: entries need statics, but the comprehension has none");
        }
    }

    private String[] statics(JsonNode statics, Templates templates) {
        path.push("s");
        String[] result;
        if (statics == null) {
            throw path.error("Invalid node: statics \"s\" are missing");
        } else if (statics.isArray()) {
            result = readStatics(statics, path);
        } else if (statics.isIntegralNumber() && statics.canConvertToInt()) {
            if (templates == null) {
                throw path.error("Invalid node: statics refer to template " + statics.intValue()
                        + ", but this message has no template table \"p\"");
            }
            result = templates.statics(statics.intValue(), this::readStatics, path);
        } else {
            throw path.error("Invalid statics: expected an array of strings or a template index but found " + statics);
        }
        path.pop();
        return result;
    }

    private String[] readStatics(JsonNode array, PathStack at) {
        if (!array.isArray()) {
            throw at.error("Invalid statics: expected an array of strings but found " + array.getNodeType());
        }
        String[] statics = new String[array.size()];
        for (int i = 0; i < statics.length; i++) {
            JsonNode part = array.get(i);
            if (!part.isTextual()) {
                at.push(i);
                throw at.error("Invalid statics: expected a string but found " + part.getNodeType());
            }
            statics[i] = part.textValue();
            declaresRetainedDom |= RetainedDom.mayDeclare(statics[i]);
        }
        return statics;
    }

    /** Returns the dynamic index a key names, or -1 for the other keys ({@code s}, {@code p}, {@code r}, ...). */
    static int dynamicIndex(String key) {
        int length = key.length();
        if (length == 0 || length > 9) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Integer cid) {
            return "component " + cid;
        }
        return "a node";
    }
}
