package io.liveload.core.liveview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One command of a binding attribute such as {@code phx-click}. The attribute contains either a plain event
 * name, which means one {@code push} of that event, or a command list encoded by {@code Phoenix.LiveView.JS}:
 * {@code [["push",{"event":"inc","value":{"id":"7"}}],["hide",{"to":"#menu"}]]}. The client acts on
 * {@code push}, {@code navigate}, {@code patch} and {@code exec}; the other kinds change only the browser's
 * DOM and are skipped.
 *
 * @param kind the command, e.g. {@code push}
 * @param args the command's arguments; never null
 */
record JsCommand(String kind, ObjectNode args) {

    static final String PUSH = "push";
    static final String NAVIGATE = "navigate";
    static final String PATCH = "patch";
    static final String EXEC = "exec";

    /**
     * Parses a binding attribute.
     *
     * @throws IllegalArgumentException when the attribute starts with {@code [} but is not a command list
     */
    static List<JsCommand> parse(String attribute) {
        String trimmed = attribute.trim();
        if (!trimmed.startsWith("[")) {
            ObjectNode args = JsonNodeFactory.instance.objectNode().put("event", attribute);
            return List.of(new JsCommand(PUSH, args));
        }
        JsonNode list;
        try {
            list = Json.MAPPER.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JS command list " + abbreviate(trimmed)
                    + ": it is not JSON (" + e.getOriginalMessage() + ")", e);
        }
        List<JsCommand> commands = new ArrayList<>(list.size());
        for (JsonNode command : list) {
            if (!command.isArray() || command.size() < 1 || !command.get(0).isTextual()) {
                throw new IllegalArgumentException("Invalid JS command list " + abbreviate(trimmed)
                        + ": expected [kind, {args}] entries");
            }
            JsonNode args = command.get(1);
            commands.add(new JsCommand(command.get(0).textValue(),
                    args instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode()));
        }
        return commands;
    }

    /** Returns the text argument, or null. */
    String text(String name) {
        return Json.text(args, name);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
