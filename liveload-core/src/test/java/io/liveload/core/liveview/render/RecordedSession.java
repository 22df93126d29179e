package io.liveload.core.liveview.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A recorded vector and its replay through {@link ViewState}s, with the minimal channel bookkeeping
 * a client does: outbound frames register which request each reply belongs to, a join reply starts a
 * fresh view (live navigation joins the same topic again and the new view replaces the old one in
 * the same container when its reply arrives), event and live_patch replies and {@code "diff"}
 * pushes merge their diff, and frames whose join ref is not the topic's current one are ignored.
 */
final class RecordedSession {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The vector files, as paths relative to the test resources. */
    static final List<String> VECTORS = List.of(
            "lv0.20/s1_counter_clicks.json", "lv0.20/s2_live_component.json", "lv0.20/s3_live_patch.json",
            "lv0.20/s5_settings_form_and_navigate.json", "lv0.20/s6_profile_join.json",
            "lv0.20/s7_ticker_push_event.json", "lv0.20/s9_stream_limit.json",
            "lv1.2/s1_counter_clicks.json", "lv1.2/s2_live_component.json", "lv1.2/s3_live_patch.json",
            "lv1.2/s5_settings_form_and_navigate.json", "lv1.2/s6_profile_join.json",
            "lv1.2/s7_ticker_push_event.json", "lv1.2/s9_stream_limit.json");

    /** One recorded frame. {@code html} and {@code title} are the recorded results of an inbound frame. */
    record Step(int index, String dir, JsonNode frame, String html, String title) {

        String joinRef() {
            return frame.get(0).isNull() ? null : frame.get(0).asText();
        }

        String ref() {
            return frame.get(1).isNull() ? null : frame.get(1).asText();
        }

        String topic() {
            return frame.get(2).asText();
        }

        String event() {
            return frame.get(3).asText();
        }

        JsonNode payload() {
            return frame.get(4);
        }
    }

    /**
     * The state after replaying one inbound frame.
     *
     * @param html the composed outer HTML of the main container
     * @param title the page title: the dead render's {@code <title>} until a message sets one
     * @param result what the merged message carried, or null when the frame merged nothing
     * @param view the main view's state after the frame
     * @param renderCount how many full renders the main view had done once this HTML was composed
     */
    record Replayed(Step step, String html, String title, MergeResult result, ViewState view, int renderCount) {

        /** Describes the frame for assertion messages, abbreviated to keep reports readable. */
        String context() {
            String frame = step.frame().toString();
            return "step " + step.index() + " " + (frame.length() > 160 ? frame.substring(0, 160) + "..." : frame);
        }
    }

    private record Request(String joinRef, String topic, String event) {
    }

    final String name;
    final JsonNode vector;
    final List<Step> steps = new ArrayList<>();
    final Document deadRender;

    private RecordedSession(String name, JsonNode vector) {
        this.name = name;
        this.vector = vector;
        this.deadRender = Jsoup.parse(vector.get("initial_http").get("html").asText());
        int index = 0;
        for (JsonNode step : vector.get("steps")) {
            steps.add(new Step(index++, step.get("dir").asText(), parse(step.get("frame").asText()),
                    step.get("html").isNull() ? null : step.get("html").asText(),
                    step.get("title").isNull() ? null : step.get("title").asText()));
        }
    }

    static RecordedSession load(String name) {
        try (InputStream in = RecordedSession.class.getResourceAsStream("/liveview-vectors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test vector " + name);
            }
            return new RecordedSession(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replays every frame and returns the state after each inbound one, in order. */
    List<Replayed> replay() {
        ViewContainer container = ViewContainer.of(deadRender.selectFirst("[data-phx-main]"));
        PageComposer composer = PageComposer.forDeadRender(deadRender);
        Map<String, ViewState> views = new LinkedHashMap<>();
        Map<String, String> currentJoinRefs = new HashMap<>();
        Map<String, Request> requests = new HashMap<>();
        String title = deadRender.title();
        List<Replayed> replayed = new ArrayList<>();

        for (Step step : steps) {
            if (step.dir().equals("out")) {
                requests.put(step.ref(), new Request(step.joinRef(), step.topic(), step.event()));
                if (step.event().equals("phx_join")) {
                    currentJoinRefs.put(step.topic(), step.joinRef());
                }
                continue;
            }

            MergeResult result = null;
            String viewId = step.topic().substring("lv:".length());
            boolean current = step.joinRef() == null || step.joinRef().equals(currentJoinRefs.get(step.topic()));
            if (current && step.event().equals("phx_reply")) {
                Request request = requests.remove(step.ref());
                JsonNode response = step.payload().get("response");
                boolean ok = step.payload().get("status").asText().equals("ok");
                if (request != null && ok && request.event().equals("phx_join")) {
                    ViewState view = new ViewState(viewId);
                    result = view.join((ObjectNode) response.get("rendered"));
                    views.put(viewId, view);
                    if (response.has("container")) {
                        container = container.replacedBy(response.get("container"));
                    }
                } else if (request != null && ok && response.has("diff")) {
                    result = views.get(viewId).merge((ObjectNode) response.get("diff"));
                }
            } else if (current && step.event().equals("diff")) {
                result = views.get(viewId).merge((ObjectNode) step.payload());
            }

            if (result != null && result.title() != null) {
                title = result.title();
            }
            String html = composer.outerHtml(container, views);
            ViewState main = views.get(container.id());
            replayed.add(new Replayed(step, html, title, result, main, main.renderCount()));
        }
        return replayed;
    }

    @Override
    public String toString() {
        return name;
    }
}
