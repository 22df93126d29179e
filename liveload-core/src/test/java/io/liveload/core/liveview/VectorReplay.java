package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the server's part of a recorded LiveView session. Each client frame is matched with the next recorded
 * outbound frame by event. Then the recorded inbound frames that follow it are sent, with their refs and join
 * refs changed to the client's. A hook event named {@code sync} outside the recording gets an empty ok reply,
 * so a test can wait until the client handled every frame before it.
 */
final class VectorReplay implements ScriptedLiveServer.Script {

    /** One recorded frame; {@code html} and {@code title} are what the browser showed after an inbound one. */
    record Step(int index, String dir, ArrayNode frame, String html, String title) {

        String event() {
            return frame.get(3).asText();
        }

        String topic() {
            return frame.get(2).asText();
        }
    }

    /** A recorded outbound frame and the frame the client sent in its place. */
    record Sent(Step recorded, ArrayNode actual) {
    }

    final String name;
    final JsonNode vector;
    final List<Step> steps = new ArrayList<>();
    private final Map<String, String> refs = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Step> delivered = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int next;

    private VectorReplay(String name, JsonNode vector) {
        this.name = name;
        this.vector = vector;
        int index = 0;
        for (JsonNode step : vector.get("steps")) {
            steps.add(new Step(index++, step.get("dir").asText(),
                    (ArrayNode) ScriptedLiveServer.parse(step.get("frame").asText()),
                    step.get("html").isNull() ? null : step.get("html").asText(),
                    step.get("title").isNull() ? null : step.get("title").asText()));
        }
    }

    static VectorReplay load(String name) {
        try (InputStream in = VectorReplay.class.getResourceAsStream("/liveview-vectors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test vector " + name);
            }
            return new VectorReplay(name, ScriptedLiveServer.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String initialUrl() {
        return vector.get("initial_http").get("url").asText();
    }

    String initialHtml() {
        return vector.get("initial_http").get("html").asText();
    }

    String version() {
        return vector.get("liveview_version").asText();
    }

    @Override
    public synchronized void onFrame(ArrayNode frame, ScriptedLiveServer.Connection connection) {
        String event = frame.get(3).asText();
        if (next >= steps.size() || !steps.get(next).dir().equals("out")) {
            if (event.equals("phx_leave") || event.equals("event") && "sync".equals(frame.get(4).path("event").asText())) {
                JsonNode ok = JsonNodeFactory.instance.objectNode().put("status", "ok").set("response",
                        JsonNodeFactory.instance.objectNode());
                connection.send(ScriptedLiveServer.frame(text(frame.get(0)), text(frame.get(1)), frame.get(2).asText(),
                        "phx_reply", ok));
            } else {
                problems.add("unexpected client frame " + frame);
            }
            return;
        }
        Step recorded = steps.get(next);
        if (!recorded.event().equals(event)) {
            problems.add("step " + recorded.index() + " expected " + recorded.event() + " but the client sent " + frame);
            return;
        }
        sent.add(new Sent(recorded, frame));
        mapRef(recorded.frame().get(0), frame.get(0));
        mapRef(recorded.frame().get(1), frame.get(1));
        next++;
        while (next < steps.size() && steps.get(next).dir().equals("in")) {
            Step inbound = steps.get(next++);
            ArrayNode rewritten = inbound.frame().deepCopy();
            rewritten.set(0, mapped(inbound.frame().get(0)));
            rewritten.set(1, mapped(inbound.frame().get(1)));
            delivered.add(inbound);
            connection.send(rewritten);
        }
    }

    private void mapRef(JsonNode recorded, JsonNode actual) {
        if (!recorded.isNull() && !actual.isNull()) {
            refs.put(recorded.asText(), actual.asText());
        }
    }

    private JsonNode mapped(JsonNode recorded) {
        if (recorded.isNull()) {
            return recorded;
        }
        String actual = refs.get(recorded.asText());
        return actual == null ? recorded : JsonNodeFactory.instance.textNode(actual);
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Returns the inbound steps sent to the client, in order. */
    synchronized List<Step> delivered() {
        return List.copyOf(delivered);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** Returns whether every recorded frame was played. */
    synchronized boolean finished() {
        return next == steps.size();
    }
}
