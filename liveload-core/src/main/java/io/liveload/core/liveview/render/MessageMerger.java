package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.liveview.render.MergedMessage.StreamUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges one join reply's {@code rendered} or one diff against a view's state, without changing
 * that state: the result is applied only once the whole message merged, so a malformed message
 * leaves the view as it was.
 */
final class MessageMerger {

    private final PathStack path = new PathStack();
    private final TreeMerger trees;
    private final Map<Integer, TreeNode> oldComponents;
    private final StreamStore streams;

    private MessageMerger(JsonNode componentDiffs, Map<Integer, TreeNode> oldComponents, StreamStore streams) {
        this.oldComponents = oldComponents;
        this.streams = streams;
        this.trees = new TreeMerger(path, cid -> oldComponents.containsKey(cid)
                || (componentDiffs != null && componentDiffs.has(Integer.toString(cid))));
    }

    /**
     * Merges {@code message} against the given state.
     *
     * @param oldRoot the current root tree, or null for a join (the message must then carry statics)
     * @param oldComponents the current components (empty for a join); read, never written
     * @param streams the current stream items, read to render stream entries that nest streams
     * @throws RenderException when the message is malformed
     */
    static MergedMessage merge(ObjectNode message, TreeNode oldRoot, Map<Integer, TreeNode> oldComponents,
            StreamStore streams) {
        return new MessageMerger(message.get("c"), oldComponents, streams).merge(message, oldRoot);
    }

    private MergedMessage merge(ObjectNode message, TreeNode oldRoot) {
        MergeResult result = extras(message);
        TreeNode root = mergeRoot(message, oldRoot);

        JsonNode componentDiffs = message.get("c");
        Map<Integer, TreeNode> components = componentDiffs == null ? Map.of() : mergeComponents(componentDiffs);

        List<StreamUpdate> streamUpdates = renderStreamUpdates(components);
        return new MergedMessage(root, components, streamUpdates, trees.declaresRetainedDom(), result);
    }

    private TreeNode mergeRoot(ObjectNode message, TreeNode oldRoot) {
        if (oldRoot == null && !message.has("s")) {
            throw path.error("Invalid rendered tree: a join reply must carry the root statics \"s\"");
        }
        if (oldRoot == null || message.has("s")) {
            return trees.freshTree(message, null);
        }
        return trees.mergeTree(oldRoot, message, null);
    }

    /**
     * Renders the entries of this message's stream operations, with the components as they are after
     * this message.
     *
     * <p>Stream items exist only in the browser's DOM: each message carries just the items it inserts
     * or updates. Here each stream keeps an ordered list of items (DOM id and HTML) in the view's
     * {@link StreamStore}, and rendering the view splices each list in where its comprehension sits.
     * An item is identified by the id of its element, so its entry is rendered now. Only this
     * message's entries are rendered, and each item keeps its HTML for later renders to reuse.
     */
    private List<StreamUpdate> renderStreamUpdates(Map<Integer, TreeNode> components) {
        if (trees.pendingStreams().isEmpty()) {
            return List.of();
        }
        TreeRenderer renderer = new TreeRenderer(cid -> {
            TreeNode changed = components.get(cid);
            return changed != null ? changed : oldComponents.get(cid);
        }, streams);

        List<StreamUpdate> updates = new ArrayList<>(trees.pendingStreams().size());
        for (TreeMerger.PendingStream pending : trees.pendingStreams()) {
            List<StreamItem> items = new ArrayList<>(pending.entries().length);
            for (TreeNode entry : pending.entries()) {
                StringBuilder html = new StringBuilder();
                boolean changing = renderer.renderEntry(entry, html);
                String domId = StartTags.firstElementId(html);
                if (domId != null) {
                    items.add(new StreamItem(domId, html.toString(), changing ? entry : null));
                }
            }
            updates.add(new StreamUpdate(pending.operation(), items, pending.entries().length - items.size()));
        }
        return updates;
    }

    /**
     * Resolves every component of {@code "c"} before any is stored, so references see the old map.
     * A component whose {@code "s"} is a positive cid starts from that component as resolved in
     * this message, a negative cid from that component's previous state; either way it keeps those
     * statics and merges its own diff on top.
     */
    private Map<Integer, TreeNode> mergeComponents(JsonNode componentDiffs) {
        path.push("c");
        if (!componentDiffs.isObject()) {
            throw path.error("Invalid components: expected an object of component diffs by cid but found "
                    + componentDiffs.getNodeType());
        }
        Map<Integer, TreeNode> resolved = new HashMap<>();
        Set<Integer> inProgress = new HashSet<>();
        for (Map.Entry<String, JsonNode> component : componentDiffs.properties()) {
            int cid = TreeMerger.dynamicIndex(component.getKey());
            if (cid <= 0) {
                path.push(component.getKey());
                throw path.error("Invalid component id: expected a positive integer key");
            }
            resolveComponent(cid, componentDiffs, resolved, inProgress);
        }
        path.pop();
        return resolved;
    }

    private TreeNode resolveComponent(int cid, JsonNode componentDiffs, Map<Integer, TreeNode> resolved,
            Set<Integer> inProgress) {
        TreeNode done = resolved.get(cid);
        if (done != null) {
            return done;
        }
        String key = Integer.toString(cid);
        JsonNode diff = componentDiffs.get(key);
        path.push(key);
        if (!diff.isObject()) {
            throw path.error("Invalid component: expected an object but found " + diff.getNodeType());
        }
        if (!inProgress.add(cid)) {
            throw path.error("Invalid component: component " + cid + " takes its statics from itself through \"s\"");
        }

        JsonNode statics = diff.get("s");
        TreeNode component;
        if (statics != null && statics.isIntegralNumber()) {
            component = trees.mergeTree(sharedComponent(cid, statics, componentDiffs, resolved, inProgress), diff, null);
        } else if (statics != null) {
            component = trees.freshTree(diff, null);
        } else if (oldComponents.containsKey(cid)) {
            component = trees.mergeTree(oldComponents.get(cid), diff, null);
        } else {
            throw path.error("Invalid component: component " + cid + " is new, so its diff must carry statics \"s\"");
        }

        inProgress.remove(cid);
        resolved.put(cid, component);
        path.pop();
        return component;
    }

    /** Returns the component whose statics {@code cid} borrows through an integer {@code "s"}. */
    private TreeNode sharedComponent(int cid, JsonNode reference, JsonNode componentDiffs,
            Map<Integer, TreeNode> resolved, Set<Integer> inProgress) {
        int source = reference.canConvertToInt() ? reference.intValue() : 0;
        if (source > 0) {
            if (!componentDiffs.has(Integer.toString(source))) {
                path.push("s");
                throw path.error("Invalid component: component " + cid + " takes its statics from component "
                        + source + ", which is not in this message");
            }
            path.pop();
            TreeNode shared = resolveComponent(source, componentDiffs, resolved, inProgress);
            path.push(Integer.toString(cid));
            return shared;
        }
        if (source < 0 && oldComponents.containsKey(-source)) {
            return oldComponents.get(-source);
        }
        path.push("s");
        throw path.error("Invalid component: component " + cid + " takes its statics from previous component "
                + -source + ", which does not exist");
    }

    private MergeResult extras(ObjectNode message) {
        JsonNode titleNode = message.get("t");
        if (titleNode != null && !titleNode.isTextual()) {
            path.push("t");
            throw path.error("Invalid title: expected a string but found " + titleNode.getNodeType());
        }
        JsonNode eventsNode = message.get("e");
        List<PushEvent> events = eventsNode == null ? List.of() : events(eventsNode);
        JsonNode replyNode = message.get("r");
        ObjectNode reply = replyNode != null && replyNode.isObject() ? (ObjectNode) replyNode : null;
        String title = titleNode == null ? null : titleNode.textValue();
        if (events.isEmpty() && reply == null && title == null) {
            return MergeResult.NOTHING;
        }
        return new MergeResult(events, reply, title);
    }

    private List<PushEvent> events(JsonNode eventsNode) {
        path.push("e");
        if (!eventsNode.isArray()) {
            throw path.error("Invalid events: expected an array of [name, payload] but found " + eventsNode.getNodeType());
        }
        List<PushEvent> events = new ArrayList<>(eventsNode.size());
        for (int i = 0; i < eventsNode.size(); i++) {
            JsonNode event = eventsNode.get(i);
            path.push(i);
            if (!event.isArray() || event.size() < 2 || event.size() > 3 || !event.get(0).isTextual()
                    || (event.size() == 3 && !event.get(2).isBoolean() && !event.get(2).isNull())) {
                throw path.error("Invalid event: expected [name, payload] or [name, payload, true] but found " + event);
            }
            boolean beforePatch = event.size() == 3 && event.get(2).booleanValue();
            events.add(new PushEvent(event.get(0).textValue(), event.get(1), beforePatch));
            path.pop();
        }
        path.pop();
        return events;
    }
}
