package io.liveload.core.liveview.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The items of one stream in DOM order. Lookups by id are linear, but the id set settles the common
 * case (a new item) in constant time. Streams that grow large usually carry a limit.
 */
final class StreamItems {

    private final List<StreamItem> items = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    List<StreamItem> inOrder() {
        return items;
    }

    void clear() {
        items.clear();
        ids.clear();
    }

    void remove(String domId) {
        if (ids.remove(domId)) {
            items.remove(indexOf(domId));
        }
    }

    /**
     * Applies one rendered entry. An item already present is replaced in place. Otherwise it is
     * inserted at the position {@code insert} gives, and then the limit is applied. The browser client positions and
     * limits only newly added items, so an update keeps its place and triggers no limit.
     */
    void put(StreamItem item, StreamInsert insert) {
        if (ids.contains(item.domId())) {
            items.set(indexOf(item.domId()), item);
            return;
        }
        if (insert.updateOnly()) {
            return;
        }
        // NOTE: the browser counts every element child of the container for a positive index and for
        // the limit, and it prepends before leading non-stream children. Here only the stream's own
        // items count. Both agree unless the container has other element children.
        int at = insert.at() < 0 ? items.size() : Math.min(insert.at(), items.size());
        items.add(at, item);
        ids.add(item.domId());
        if (insert.limit() != null) {
            applyLimit(insert.limit());
        }
    }

    private void applyLimit(int limit) {
        if (limit >= 0) {
            while (items.size() > limit) {
                ids.remove(items.remove(items.size() - 1).domId());
            }
        } else {
            while (items.size() > -limit) {
                ids.remove(items.remove(0).domId());
            }
        }
    }

    private int indexOf(String domId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).domId().equals(domId)) {
                return i;
            }
        }
        throw new IllegalStateException("Stream item " + domId + " is in the id set but not in the list");
    }
}
