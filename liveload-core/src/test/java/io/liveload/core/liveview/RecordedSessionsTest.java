package io.liveload.core.liveview;

import static io.liveload.core.testing.ScriptRuns.options;
import static io.liveload.core.testing.ScriptRuns.runOnce;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.liveload.core.RunResult;
import io.liveload.core.liveview.VectorReplay.Sent;
import io.liveload.core.liveview.VectorReplay.Step;
import io.liveload.core.liveview.render.HtmlStructure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded sessions of real LiveView 0.20.17 and 1.2.10 servers through the real client: a
 * scripted server on 127.0.0.1 serves the recorded page and replies to the client's frames with the recorded
 * ones, while the test does the recorded user's actions. The HTML and title after every inbound frame must
 * match what the official browser client showed (compared structurally, as the renderer's vector tests do),
 * and every frame the client sent must have the recorded frame's event and payload shape.
 */
class RecordedSessionsTest {

    static final List<String> VECTORS = List.of(
            "lv0.20/s1_counter_clicks.json", "lv0.20/s2_live_component.json", "lv0.20/s3_live_patch.json",
            "lv0.20/s5_settings_form_and_navigate.json", "lv0.20/s6_profile_join.json",
            "lv0.20/s7_ticker_push_event.json", "lv0.20/s9_stream_limit.json",
            "lv1.2/s1_counter_clicks.json", "lv1.2/s2_live_component.json", "lv1.2/s3_live_patch.json",
            "lv1.2/s5_settings_form_and_navigate.json", "lv1.2/s6_profile_join.json",
            "lv1.2/s7_ticker_push_event.json", "lv1.2/s9_stream_limit.json");

    private static final Map<String, Replayed> RUNS = new ConcurrentHashMap<>();

    /** The page after one frame the client handled. */
    record Snapshot(String topic, String event, String html, String title) {
    }

    /** One replayed session: the server's record, the client's snapshots, and the page's state at the end. */
    record Replayed(VectorReplay replay, List<Snapshot> snapshots, boolean joinedAtEnd, RunResult result) {
    }

    static Stream<String> vectors() {
        return VECTORS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void htmlMatchesBrowserAfterEveryFrame(String vector) {
        Replayed replayed = replay(vector);

        for (Aligned frame : align(replayed)) {
            assertThat(HtmlStructure.ofRendered(frame.snapshot().html()))
                    .as("%s, step %d %s", vector, frame.step().index(), abbreviate(frame.step().frame()))
                    .isEqualTo(HtmlStructure.ofRecorded(frame.step().html()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void titleMatchesBrowserAfterEveryFrame(String vector) {
        Replayed replayed = replay(vector);

        for (Aligned frame : align(replayed)) {
            assertThat(frame.snapshot().title())
                    .as("%s, step %d %s", vector, frame.step().index(), abbreviate(frame.step().frame()))
                    .isEqualTo(frame.step().title());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyRecordedFramePlayed(String vector) {
        Replayed replayed = replay(vector);

        assertThat(replayed.replay().problems()).as(vector).isEmpty();
        assertThat(replayed.replay().finished()).as(vector).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void viewStaysJoined(String vector) {
        Replayed replayed = replay(vector);

        assertThat(replayed.joinedAtEnd()).as(vector).isTrue();
        assertThat(replayed.result().errors()).as(vector).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sentFramesHaveRecordedShape(String vector) {
        for (Sent sent : replay(vector).replay().sent()) {
            ArrayNode recorded = sent.recorded().frame();
            ArrayNode actual = sent.actual();
            String context = vector + ", step " + sent.recorded().index() + " " + abbreviate(recorded);
            JsonNode expectedPayload = recorded.get(4);
            JsonNode actualPayload = actual.get(4);

            assertThat(actual.get(2).asText()).as(context).isEqualTo(recorded.get(2).asText());
            assertThat(actual.get(3).asText()).as(context).isEqualTo(recorded.get(3).asText());
            assertThat(fieldNames(actualPayload)).as(context).isEqualTo(fieldNames(expectedPayload));
            switch (recorded.get(3).asText()) {
                case "phx_join" -> assertJoinShape(context, expectedPayload, actualPayload);
                case "live_patch" -> assertThat(pathAndQuery(actualPayload.get("url").asText())).as(context)
                        .isEqualTo(pathAndQuery(expectedPayload.get("url").asText()));
                default -> assertThat(actualPayload).as(context).isEqualTo(expectedPayload);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void joinRefsMatchRecordedOnes(String vector) {
        for (Sent sent : replay(vector).replay().sent()) {
            ArrayNode recorded = sent.recorded().frame();
            boolean recordedJoinRefIsRef = recorded.get(0).asText().equals(recorded.get(1).asText());

            assertThat(sent.actual().get(0).asText().equals(sent.actual().get(1).asText()))
                    .as("%s, step %d: a join's join_ref is its ref, later frames carry the join's", vector,
                            sent.recorded().index())
                    .isEqualTo(recordedJoinRefIsRef);
        }
    }

    private static void assertJoinShape(String context, JsonNode expected, JsonNode actual) {
        for (String field : List.of("url", "redirect")) {
            if (expected.has(field)) {
                assertThat(pathAndQuery(actual.get(field).asText())).as(context + " " + field)
                        .isEqualTo(pathAndQuery(expected.get(field).asText()));
            }
        }
        assertThat(fieldNames(actual.get("params"))).as(context + " params").isEqualTo(fieldNames(expected.get("params")));
        assertThat(actual.get("params").get("_mounts")).as(context + " _mounts").isEqualTo(expected.get("params").get("_mounts"));
        assertThat(actual.get("session")).as(context + " session").isEqualTo(expected.get("session"));
        assertThat(actual.get("static")).as(context + " static").isEqualTo(expected.get("static"));
        if (expected.has("sticky")) {
            assertThat(actual.get("sticky")).as(context + " sticky").isEqualTo(expected.get("sticky"));
        }
        if (expected.get("params").has("_live_referer")) {
            assertThat(pathAndQuery(actual.get("params").get("_live_referer").asText())).as(context + " _live_referer")
                    .isEqualTo(pathAndQuery(expected.get("params").get("_live_referer").asText()));
        }
        List<String> expectedAssets = new ArrayList<>();
        expected.get("params").path("_track_static").forEach(url -> expectedAssets.add(pathAndQuery(url.asText())));
        List<String> actualAssets = new ArrayList<>();
        actual.get("params").path("_track_static").forEach(url -> actualAssets.add(pathAndQuery(url.asText())));
        assertThat(actualAssets).as(context + " _track_static").isEqualTo(expectedAssets);
    }

    /** An inbound frame the client handled, with the snapshot taken right after it. */
    record Aligned(Step step, Snapshot snapshot) {
    }

    /**
     * Pairs each delivered inbound frame with the snapshot the client took after handling it. A frame the
     * channel layer dropped (a message for an earlier join of the topic) has no snapshot of its own. It pairs
     * with the latest one, because such a frame must not change the page.
     */
    private static List<Aligned> align(Replayed replayed) {
        List<Aligned> aligned = new ArrayList<>();
        List<Snapshot> snapshots = replayed.snapshots();
        int next = 0;
        Snapshot latest = null;
        for (Step step : replayed.replay().delivered()) {
            if (next < snapshots.size() && snapshots.get(next).event().equals(step.event())
                    && snapshots.get(next).topic().equals(step.topic())) {
                latest = snapshots.get(next++);
            }
            assertThat(latest).as("%s: no snapshot for step %d", replayed.replay().name, step.index()).isNotNull();
            aligned.add(new Aligned(step, latest));
        }
        assertThat(snapshots.size() - next).as("%s: snapshots left after the recorded frames (the sync reply)",
                replayed.replay().name).isEqualTo(1);
        return aligned;
    }

    private static Replayed replay(String vector) {
        return RUNS.computeIfAbsent(vector, RecordedSessionsTest::run);
    }

    private static Replayed run(String vector) {
        VectorReplay replay = VectorReplay.load(vector);
        URI initial = URI.create(replay.initialUrl());
        String path = initial.getRawPath() + (initial.getRawQuery() == null ? "" : "?" + initial.getRawQuery());
        List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
        FrameObserver observer = new FrameObserver() {
            @Override
            public void frameHandled(LiveView view, String topic, String event) {
                snapshots.add(new Snapshot(topic, event, view.outerHtmlNow(), view.title()));
            }
        };
        boolean[] joined = new boolean[1];

        try (ScriptedLiveServer server = new ScriptedLiveServer()) {
            server.page(initial.getRawPath(), replay.initialHtml()).script(replay);
            RunResult result = runOnce(options(server.baseUrl()), vu -> {
                LiveView page = vu.liveView().open(path, lv -> lv.observer(observer)
                        .liveViewVersion(replay.version()).eventTimeout(Duration.ofSeconds(5)));
                actions(vector).accept(page);
                page.pushEvent("sync", Map.of());
                joined[0] = page.isJoined();
            });
            return new Replayed(replay, List.copyOf(snapshots), joined[0], result);
        }
    }

    /** Returns what the recorded user did in a scenario. */
    private static Consumer<LiveView> actions(String vector) {
        String scenario = vector.substring(vector.indexOf('/') + 1, vector.indexOf('_'));
        return switch (scenario) {
            case "s1" -> page -> {
                page.click("#inc");
                page.click("#inc-by");
                page.click("#dec");
            };
            case "s2" -> page -> {
                page.click("#todo-1 button");
                page.submit("#todo-form", Map.of("text", "third"));
                page.click("#todo-3 button");
            };
            case "s3" -> page -> {
                page.click("#next-page");
                page.click("#patch-btn");
            };
            case "s5" -> page -> {
                page.change("#settings-form", Map.of("user[username]", "glenn r"));
                page.change("#settings-form", Map.of("user[username]", "glennr2"));
                page.submit("#settings-form", Map.of("user[username]", "g"));
                page.submit("#settings-form", Map.of("user[username]", "glennr"));
                page.click("#profile-link");
            };
            case "s6" -> page -> {
            };
            case "s7" -> page -> {
                page.click("#ticker");
                for (int tick = 1; tick <= 5; tick++) {
                    page.awaitEvent("tick", Duration.ofSeconds(5));
                }
            };
            case "s9" -> page -> {
                for (int i = 0; i < 7; i++) {
                    page.click("#inc");
                }
            };
            default -> throw new IllegalArgumentException("No actions for " + vector);
        };
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String abbreviate(JsonNode frame) {
        String text = frame.toString();
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
