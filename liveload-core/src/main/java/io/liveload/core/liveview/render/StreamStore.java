package io.liveload.core.liveview.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stream items of one view by stream key. The browser client keeps stream items only in the
 * DOM. This store plays that part, so the rendered tree contains no stream entries.
 */
final class StreamStore {

    /** The insert used for an entry that its operation does not list: a plain append. */
    private static final StreamInsert UNLISTED = new StreamInsert("", -1, null, false);

    private final Map<String, StreamItems> byKey = new HashMap<>();

    List<StreamItem> items(String key) {
        StreamItems items = byKey.get(key);
        return items == null ? List.of() : items.inOrder();
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    void clear() {
        byKey.clear();
    }

    /**
     * Applies an operation in the browser's order: reset, then deletes, then the message's entries
     * in render order.
     */
    void apply(StreamOperation operation, List<StreamItem> entries) {
        StreamItems items = byKey.computeIfAbsent(operation.key(), key -> new StreamItems());
        if (operation.reset()) {
            items.clear();
        }
        for (String domId : operation.deletes()) {
            items.remove(domId);
        }
        for (StreamItem entry : entries) {
            items.put(entry, operation.inserts().getOrDefault(entry.domId(), UNLISTED));
        }
    }

    /**
     * Drops the streams whose comprehension the last render did not reach: their container left
     * the page, and the browser drops the items with it.
     */
    void retainOnly(Set<String> renderedKeys) {
        // NOTE: only a render notices a container that left. One that leaves and comes back between
        // two renders keeps its items here, while the browser would have dropped them.
        byKey.keySet().retainAll(renderedKeys);
    }
}
