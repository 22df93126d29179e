package io.liveload.demo.internal.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a rendered tree as a LiveView 1.1+ diff against the client's copy.
 *
 * <p>A node whose template the client lacks is sent whole, with its statics under {@code "s"}.
 * In a view's tree the statics go into one shared {@code "p"} table at the root and {@code "s"} is
 * the table index. Inside a component {@code "s"} is the statics array, as LiveView 1.2 does. A
 * node the client already has is sent as its changed slots only, and left out when none changed.
 * Lists are keyed by position ({@code "k"}, {@code "kc"}). An entry is sent only when it is new or
 * one of its texts differs. Entries never move, so {@code "km"} is never sent.
 *
 * <p>An encoder instance serves one message and is not thread-safe.
 */
public final class DiffEncoder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] SMALL_KEYS = new String[256];

    static {
        for (int i = 0; i < SMALL_KEYS.length; i++) {
            SMALL_KEYS[i] = Integer.toString(i);
        }
    }

    private final Map<Template, Integer> sharedIndexes;
    private final ObjectNode sharedTable;

    private DiffEncoder(boolean shareStatics) {
        this.sharedIndexes = shareStatics ? new IdentityHashMap<>() : null;
        this.sharedTable = shareStatics ? JSON.objectNode() : null;
    }

    /** The diff of one render and the prints that describe the client's copy afterwards. */
    public record Encoded(ObjectNode diff, Print print) {
        /** Returns whether the diff carries nothing. */
        public boolean isEmpty() {
            return diff.isEmpty();
        }
    }

    /**
     * Encodes a view's root node.
     *
     * @param previous the client's copy, or {@code null} for a join, which sends everything
     * @return the diff (an empty object when nothing changed) with the {@code "p"} table added
     */
    public static Encoded encodeView(Rendered root, Print previous) {
        DiffEncoder encoder = new DiffEncoder(true);
        Result result = encoder.encodeNode(root, previous);
        ObjectNode diff = result.json() == null ? JSON.objectNode() : (ObjectNode) result.json();
        if (!encoder.sharedTable.isEmpty()) {
            diff.set("p", encoder.sharedTable);
        }
        return new Encoded(diff, result.print());
    }

    /**
     * Encodes a component's root node, with statics arrays inline.
     *
     * @param previous the client's copy of this component, or {@code null} to send everything
     */
    public static Encoded encodeComponent(Rendered root, Print previous) {
        Result result = new DiffEncoder(false).encodeNode(root, previous);
        ObjectNode diff = result.json() == null ? JSON.objectNode() : (ObjectNode) result.json();
        return new Encoded(diff, result.print());
    }

    private record Result(JsonNode json, Print print) {
    }

    private Result encodeNode(Rendered node, Print previous) {
        Template template = node.template();
        boolean held = previous != null && previous.template() == template;
        ObjectNode out = JSON.objectNode();
        Print[] children = new Print[template.slotCount()];

        for (int slot = 0; slot < children.length; slot++) {
            Print previousChild = held ? previous.childAt(slot) : null;
            if (held && !node.changedAt(slot)) {
                children[slot] = previousChild;
                continue;
            }
            Result child = encodeValue(node.valueAt(slot), previousChild);
            children[slot] = child.print();
            if (child.json() != null) {
                out.set(key(slot), child.json());
            }
        }

        Print print = new Print(template, children, null);
        if (held) {
            return new Result(out.isEmpty() ? null : out, print);
        }
        if (template.singleElement()) {
            out.put("r", 1);
        }
        putStatics(out, template);
        return new Result(out, print);
    }

    private Result encodeValue(Object value, Print previous) {
        if (value instanceof String html) {
            return new Result(TextNode.valueOf(html), null);
        }
        if (value instanceof ComponentRef ref) {
            return new Result(IntNode.valueOf(ref.cid()), null);
        }
        if (value instanceof Rendered nested) {
            return encodeNode(nested, previous);
        }
        if (value instanceof Comprehension list) {
            return encodeList(list, previous);
        }
        throw new IllegalStateException("Unexpected slot value " + value);
    }

    private Result encodeList(Comprehension list, Print previous) {
        Template template = list.entryTemplate();
        StreamPatch stream = list.stream();
        List<String[]> entries = list.entries();
        boolean held = previous != null && previous.template() == template;

        // LiveView sends a list that the client never saw and that is still empty as "".
        if (!held && stream == null && entries.isEmpty()) {
            return new Result(TextNode.valueOf(""), null);
        }

        List<String[]> before = held && stream == null ? previous.entries() : List.of();
        ObjectNode keyed = JSON.objectNode();
        for (int index = 0; index < entries.size(); index++) {
            String[] entry = entries.get(index);
            String[] old = index < before.size() ? before.get(index) : null;
            ObjectNode changedSlots = JSON.objectNode();
            for (int slot = 0; slot < entry.length; slot++) {
                if (old == null || !old[slot].equals(entry[slot])) {
                    changedSlots.put(key(slot), entry[slot]);
                }
            }
            if (!changedSlots.isEmpty()) {
                keyed.set(key(index), changedSlots);
            }
        }

        Print print = new Print(template, null, stream == null ? entries : null);
        if (held && stream == null && keyed.isEmpty() && entries.size() == before.size()) {
            return new Result(null, print);
        }
        keyed.put("kc", entries.size());
        ObjectNode out = JSON.objectNode();
        out.set("k", keyed);
        if (!held) {
            putStatics(out, template);
        }
        if (stream != null) {
            out.set("stream", encodeStream(stream));
        }
        return new Result(out, print);
    }

    private static ArrayNode encodeStream(StreamPatch stream) {
        ArrayNode inserts = JSON.arrayNode();
        for (StreamInsert insert : stream.inserts()) {
            ArrayNode item = inserts.addArray();
            item.add(insert.domId());
            item.add(insert.at());
            if (insert.limit() == null) {
                item.addNull();
            } else {
                item.add(insert.limit());
            }
            item.add(insert.updateOnly());
        }
        ArrayNode deletes = JSON.arrayNode();
        stream.deletedIds().forEach(deletes::add);

        ArrayNode out = JSON.arrayNode();
        out.add(stream.ref());
        out.add(inserts);
        out.add(deletes);
        if (stream.reset()) {
            out.add(true);
        }
        return out;
    }

    private void putStatics(ObjectNode out, Template template) {
        if (sharedIndexes == null) {
            out.set("s", staticsArray(template));
            return;
        }
        Integer index = sharedIndexes.get(template);
        if (index == null) {
            index = sharedIndexes.size();
            sharedIndexes.put(template, index);
            sharedTable.set(key(index), staticsArray(template));
        }
        out.put("s", index);
    }

    private static ArrayNode staticsArray(Template template) {
        ArrayNode statics = JSON.arrayNode(template.statics().size());
        template.statics().forEach(statics::add);
        return statics;
    }

    private static String key(int index) {
        return index < SMALL_KEYS.length ? SMALL_KEYS[index] : Integer.toString(index);
    }
}
