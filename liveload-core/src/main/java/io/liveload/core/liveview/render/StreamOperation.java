package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code "stream"} annotation of a comprehension in one message: which items to drop and how
 * to insert the entries the message carries.
 *
 * <p>Four wire formats exist, and {@link #parse} accepts each of them without knowing the
 * LiveView version in advance:
 * <ul>
 *   <li>0.18: {@code [{"<dom id>": at, ...}, [deleted ids]]}, without a ref;
 *   <li>0.19.0 to 0.20.3: {@code [ref, {"<dom id>": [at, limit], ...}, [deleted ids], reset?]};
 *   <li>0.20.4 to 1.0: {@code [ref, [[dom id, at, limit], ...], [deleted ids], reset?]};
 *   <li>1.1 and later: the same with a fourth insert element {@code update_only}.
 * </ul>
 *
 * @param key the stream ref, or a key derived from the comprehension's path for 0.18
 * @param inserts the insert instructions by DOM id; for an id listed twice the later one wins, as
 *     in the browser client
 */
record StreamOperation(String key, Map<String, StreamInsert> inserts, List<String> deletes, boolean reset) {

    static StreamOperation parse(JsonNode stream, PathStack path, Supplier<String> keyWithoutRef) {
        path.push("stream");
        if (!stream.isArray() || stream.size() < 2) {
            throw path.error("Invalid stream operation: expected an array of 2 to 4 elements but found " + stream);
        }
        StreamOperation operation = stream.get(0).isObject()
                ? parseWithoutRef(stream, path, keyWithoutRef.get())
                : parseWithRef(stream, path);
        path.pop();
        return operation;
    }

    private static StreamOperation parseWithoutRef(JsonNode stream, PathStack path, String key) {
        Map<String, StreamInsert> inserts = new HashMap<>();
        path.push(0);
        for (Map.Entry<String, JsonNode> insert : stream.get(0).properties()) {
            path.push(insert.getKey());
            inserts.put(insert.getKey(), new StreamInsert(insert.getKey(), position(insert.getValue(), path), null, false));
            path.pop();
        }
        path.pop();
        return new StreamOperation(key, inserts, deletes(stream.get(1), 1, path), false);
    }

    private static StreamOperation parseWithRef(JsonNode stream, PathStack path) {
        JsonNode ref = stream.get(0);
        if (!ref.isTextual() && !ref.isIntegralNumber()) {
            path.push(0);
            throw path.error("Invalid stream ref: expected a string but found " + ref);
        }
        Map<String, StreamInsert> inserts = new HashMap<>();
        JsonNode insertList = stream.get(1);
        path.push(1);
        if (insertList.isObject()) {
            readInsertMap(insertList, inserts, path);
        } else if (insertList.isArray()) {
            readInsertList(insertList, inserts, path);
        } else {
            throw path.error("Invalid stream inserts: expected an array or an object but found " + insertList);
        }
        path.pop();
        List<String> deletes = stream.size() > 2 ? deletes(stream.get(2), 2, path) : List.of();
        return new StreamOperation(ref.asText(), inserts, deletes, stream.size() > 3 && reset(stream.get(3), path));
    }

    private static void readInsertMap(JsonNode insertMap, Map<String, StreamInsert> inserts, PathStack path) {
        for (Map.Entry<String, JsonNode> insert : insertMap.properties()) {
            path.push(insert.getKey());
            JsonNode value = insert.getValue();
            if (value.isArray() && value.size() >= 1) {
                Integer limit = value.size() > 1 ? limit(value.get(1), path) : null;
                inserts.put(insert.getKey(), new StreamInsert(insert.getKey(), position(value.get(0), path), limit, false));
            } else {
                inserts.put(insert.getKey(), new StreamInsert(insert.getKey(), position(value, path), null, false));
            }
            path.pop();
        }
    }

    private static void readInsertList(JsonNode insertList, Map<String, StreamInsert> inserts, PathStack path) {
        for (int i = 0; i < insertList.size(); i++) {
            path.push(i);
            JsonNode insert = insertList.get(i);
            if (!insert.isArray() || insert.size() < 2 || !insert.get(0).isTextual()) {
                throw path.error("Invalid stream insert: expected [dom id, at, limit, update_only?] but found " + insert);
            }
            String domId = insert.get(0).textValue();
            Integer limit = insert.size() > 2 ? limit(insert.get(2), path) : null;
            boolean updateOnly = insert.size() > 3 && flag(insert.get(3), "update_only", path);
            inserts.put(domId, new StreamInsert(domId, position(insert.get(1), path), limit, updateOnly));
            path.pop();
        }
    }

    private static int position(JsonNode at, PathStack path) {
        if (!at.canConvertToInt() || !at.isIntegralNumber() || at.intValue() < -1) {
            throw path.error("Invalid stream insert position: expected -1, 0 or a positive index but found " + at);
        }
        return at.intValue();
    }

    private static Integer limit(JsonNode limit, PathStack path) {
        if (limit.isNull()) {
            return null;
        }
        if (!limit.isIntegralNumber() || !limit.canConvertToInt()) {
            throw path.error("Invalid stream limit: expected null or an integer but found " + limit);
        }
        return limit.intValue();
    }

    private static boolean flag(JsonNode flag, String name, PathStack path) {
        if (flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw path.error("Invalid stream " + name + " flag: expected true, false or null but found " + flag);
        }
        return flag.booleanValue();
    }

    private static boolean reset(JsonNode reset, PathStack path) {
        path.push(3);
        boolean result = flag(reset, "reset", path);
        path.pop();
        return result;
    }

    private static List<String> deletes(JsonNode deletes, int index, PathStack path) {
        path.push(index);
        if (!deletes.isArray()) {
            throw path.error("Invalid stream deletes: expected an array of DOM ids but found " + deletes);
        }
        List<String> ids = new ArrayList<>(deletes.size());
        for (JsonNode id : deletes) {
            if (!id.isTextual()) {
                throw path.error("Invalid stream delete: expected a DOM id string but found " + id);
            }
            ids.add(id.textValue());
        }
        path.pop();
        return ids;
    }
}
