package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveload.core.liveview.render.RecordedSession.Replayed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded sessions of real LiveView 0.20.17 and 1.2.10 servers and checks the
 * rendering against what the official browser client showed after every inbound frame.
 *
 * <p>HTML is compared structurally, as {@link HtmlStructure} describes: both sides parsed with jsoup,
 * reduced to the {@code [data-phx-main]} element, compared by tag names, attribute maps and child
 * lists with whitespace-only text dropped and whitespace runs collapsed; only the bookkeeping
 * attributes the browser client adds (and the recordings removed) are dropped from the rendered
 * side. The replay bookkeeping is in {@link RecordedSession}.
 */
class RecordedVectorsTest {

    static Stream<String> vectors() {
        return RecordedSession.VECTORS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void htmlMatchesBrowserAfterEveryFrame(String vector) {
        for (Replayed replayed : RecordedSession.load(vector).replay()) {
            assertThat(HtmlStructure.ofRendered(replayed.html()))
                    .as("%s, %s", vector, replayed.context())
                    .isEqualTo(HtmlStructure.ofRecorded(replayed.step().html()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void titleMatchesBrowserAfterEveryFrame(String vector) {
        for (Replayed replayed : RecordedSession.load(vector).replay()) {
            assertThat(replayed.title())
                    .as("%s, %s", vector, replayed.context())
                    .isEqualTo(replayed.step().title());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void framesWithoutRenderingChangeKeepHtml(String vector) {
        List<Replayed> replayed = RecordedSession.load(vector).replay();
        for (int i = 1; i < replayed.size(); i++) {
            Replayed before = replayed.get(i - 1);
            Replayed after = replayed.get(i);
            if (!changesNothing(after.step()) || after.view() != before.view()) {
                continue;
            }
            String context = vector + ", " + after.context();
            assertThat(after.html()).as(context).isEqualTo(before.html());
            assertThat(after.step().html()).as("recorded " + context).isEqualTo(before.step().html());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void framesWithoutRenderingChangeDoNotRender(String vector) {
        List<Replayed> replayed = RecordedSession.load(vector).replay();
        for (int i = 1; i < replayed.size(); i++) {
            Replayed before = replayed.get(i - 1);
            Replayed after = replayed.get(i);
            if (changesNothing(after.step()) && after.view() == before.view()) {
                assertThat(after.renderCount()).as(vector + ", " + after.context()).isEqualTo(before.renderCount());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void framesWithRenderingChangeRenderOnce(String vector) {
        List<Replayed> replayed = RecordedSession.load(vector).replay();
        for (int i = 1; i < replayed.size(); i++) {
            Replayed before = replayed.get(i - 1);
            Replayed after = replayed.get(i);
            if (!changesNothing(after.step()) && after.view() == before.view()) {
                assertThat(after.renderCount()).as(vector + ", " + after.context()).isEqualTo(before.renderCount() + 1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorHasDocumentedShape(String vector) {
        RecordedSession session = RecordedSession.load(vector);

        assertThat(fieldNames(session.vector))
                .containsExactlyInAnyOrder("variant", "liveview_version", "scenario", "description", "steps", "initial_http");
        for (JsonNode step : session.vector.get("steps")) {
            assertThat(fieldNames(step)).as(vector).containsExactlyInAnyOrder("dir", "frame", "html", "title");
        }
        for (RecordedSession.Step step : session.steps) {
            String context = vector + ", step " + step.index();
            assertThat(step.frame().size()).as(context).isEqualTo(5);
            assertThat(step.payload().isObject()).as(context).isTrue();
            assertThat(step.html() == null).as(context).isEqualTo(step.dir().equals("out"));
            assertThat(step.title() == null).as(context).isEqualTo(step.dir().equals("out"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void firstStepJoinsDeadRenderView(String vector) {
        RecordedSession session = RecordedSession.load(vector);
        RecordedSession.Step join = session.steps.get(0);
        Element main = session.deadRender.selectFirst("[data-phx-main]");

        assertThat(join.event()).isEqualTo("phx_join");
        assertThat(join.topic()).isEqualTo("lv:" + main.id());
        assertThat(join.payload().get("url").asText()).isEqualTo(session.vector.get("initial_http").get("url").asText());
        assertThat(join.payload().get("session").asText()).isEqualTo(main.attr("data-phx-session"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void joinReplyNamesRecordedVersion(String vector) {
        RecordedSession session = RecordedSession.load(vector);
        RecordedSession.Step reply = session.steps.get(1);

        assertThat(reply.payload().get("response").get("liveview_version").asText())
                .isEqualTo(session.vector.get("liveview_version").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void recordedHtmlHasNoBookkeeping(String vector) {
        for (RecordedSession.Step step : RecordedSession.load(vector).steps) {
            if (step.html() == null) {
                continue;
            }
            Document recorded = Jsoup.parseBodyFragment(step.html());
            String context = vector + ", step " + step.index();
            assertThat(recorded.select("[data-phx-main]")).as(context).hasSize(1);
            for (Element element : recorded.getAllElements()) {
                assertThat(element.attributes().asList()).as(context)
                        .noneMatch(attribute -> HtmlStructure.BOOKKEEPING_ATTRIBUTES.contains(attribute.getKey()));
                assertThat(element.classNames()).as(context).doesNotContain("phx-connected", "phx-click-loading");
            }
        }
    }

    @Test
    void counterShowsCountsAndStreamItems() {
        for (String variant : List.of("lv0.20", "lv1.2")) {
            List<Replayed> replayed = inbound(variant + "/s1_counter_clicks.json");

            assertThat(texts(replayed, "#count")).as(variant).containsExactly("0", "1", "11", "10");
            assertThat(listTexts(last(replayed), "#events li"))
                    .as(variant).containsExactly("dec -> 10", "inc -> 11", "inc -> 1");
        }
    }

    @Test
    void componentEventsToggleTodos() {
        for (String variant : List.of("lv0.20", "lv1.2")) {
            RecordedSession session = RecordedSession.load(variant + "/s2_live_component.json");
            List<Replayed> replayed = session.replay();

            assertThat(attributes(replayed, "#todo-1", "class")).as(variant).containsExactly("open", "done", "done", "done");
            assertThat(attributes(replayed, "#todo-3", "class")).as(variant).containsExactly("", "", "open", "done");
            assertThat(session.steps.stream()
                    .filter(step -> step.dir().equals("out") && step.event().equals("event"))
                    .map(step -> step.payload().get("cid").asInt()))
                    .as(variant).containsOnly(1);
            assertThat(page(last(replayed)).selectFirst("#todo-component").attr("data-phx-component"))
                    .as(variant).isEqualTo("1");
        }
    }

    @Test
    void livePatchShowsNextPages() {
        for (String variant : List.of("lv0.20", "lv1.2")) {
            RecordedSession session = RecordedSession.load(variant + "/s3_live_patch.json");
            List<Replayed> replayed = session.replay();

            assertThat(texts(replayed, "#page")).as(variant).containsExactly("1", "2", "2", "3");
            assertThat(session.steps.stream().filter(step -> step.dir().equals("in")).map(RecordedSession.Step::event))
                    .as(variant).containsExactly("phx_reply", "phx_reply", "live_patch", "phx_reply");
        }
    }

    @Test
    void settingsFormThenNavigationToProfile() {
        for (String variant : List.of("lv0.20", "lv1.2")) {
            List<Replayed> replayed = inbound(variant + "/s5_settings_form_and_navigate.json");

            assertThat(replayed.stream().map(step -> page(step).selectFirst("#username-error") != null))
                    .as(variant).containsExactly(false, true, false, true, false, false, false);
            assertThat(texts(replayed.subList(0, 5), "#flash-info"))
                    .as(variant).containsExactly("", "", "", "", "Settings saved");
            assertThat(page(replayed.get(5)).select("#songs tbody tr")).as(variant).hasSize(12);
            assertThat(replayed.stream().map(Replayed::title))
                    .as(variant).containsExactly("LV test", "LV test", "LV test", "LV test", "LV test",
                            "glennr's songs", "glennr's songs");
        }
    }

    @Test
    void liveNavigationKeepsTheContainer() {
        for (String variant : List.of("lv0.20", "lv1.2")) {
            RecordedSession session = RecordedSession.load(variant + "/s5_settings_form_and_navigate.json");
            Element deadRenderMain = session.deadRender.selectFirst("[data-phx-main]");
            Element navigated = page(last(session.replay()));

            assertThat(navigated.id()).as(variant).isEqualTo(deadRenderMain.id());
            assertThat(navigated.attr("data-phx-session")).as(variant).isEqualTo(deadRenderMain.attr("data-phx-session"));
            assertThat(navigated.attr("data-phx-static")).as(variant).isEqualTo(deadRenderMain.attr("data-phx-static"));
        }
    }

    @Test
    void profileJoinReplacesStaticRows() {
        for (String variant : List.of("lv0.20", "lv1.2")) {
            RecordedSession session = RecordedSession.load(variant + "/s6_profile_join.json");
            Element joined = page(last(session.replay()));

            assertThat(session.deadRender.select("#songs tbody tr")).as(variant + " dead render").hasSize(3);
            assertThat(joined.select("#songs tbody tr")).as(variant).hasSize(12);
            assertThat(joined.selectFirst("#render-mode").text()).as(variant).isEqualTo("connected");
        }
    }

    @Test
    void tickerRepliesAndPushesEventsInOrder() {
        for (String variant : List.of("lv0.20", "lv1.2")) {
            List<Replayed> replayed = inbound(variant + "/s7_ticker_push_event.json");
            List<PushEvent> events = new ArrayList<>();
            List<JsonNode> replies = new ArrayList<>();
            for (Replayed step : replayed) {
                if (step.result() != null) {
                    events.addAll(step.result().events());
                    if (step.result().hookReply() != null) {
                        replies.add(step.result().hookReply());
                    }
                }
            }

            assertThat(replies).as(variant).hasSize(1);
            assertThat(replies.get(0).get("started").asInt()).as(variant).isEqualTo(5);
            assertThat(events).as(variant).extracting(PushEvent::name).containsExactly("tick", "tick", "tick", "tick", "tick");
            assertThat(events).as(variant).extracting(event -> event.payload().get("n").asInt()).containsExactly(1, 2, 3, 4, 5);
            assertThat(events).as(variant).extracting(event -> event.payload().get("left").asInt()).containsExactly(4, 3, 2, 1, 0);
            assertThat(events).as(variant).extracting(PushEvent::dispatchBeforePatch).containsOnly(false);
            assertThat(texts(replayed, "#ticks")).as(variant).containsExactly("0", "0", "1", "2", "3", "4", "5");
        }
    }

    @Test
    void streamLimitKeepsNewestFive() {
        for (String variant : List.of("lv0.20", "lv1.2")) {
            List<Replayed> replayed = inbound(variant + "/s9_stream_limit.json");

            for (int inserted = 1; inserted <= 7; inserted++) {
                List<String> expected = new ArrayList<>();
                for (int n = inserted; n > Math.max(0, inserted - 5); n--) {
                    expected.add("inc -> " + n);
                }
                assertThat(listTexts(replayed.get(inserted), "#events li"))
                        .as("%s after insert %d", variant, inserted)
                        .isEqualTo(expected);
            }
            assertThat(replayed).as(variant).allSatisfy(step -> assertThat(page(step).select("#events li")).hasSizeLessThanOrEqualTo(5));
        }
    }

    /** Returns whether a frame carries no rendering change, judged from the frame alone. */
    private static boolean changesNothing(RecordedSession.Step step) {
        JsonNode payload = step.payload();
        switch (step.event()) {
            case "phx_close", "live_patch":
                return true;
            case "phx_reply":
                JsonNode response = payload.get("response");
                return !response.has("rendered") && (!response.has("diff") || onlyExtras(response.get("diff")));
            case "diff":
                return onlyExtras(payload);
            default:
                return false;
        }
    }

    private static boolean onlyExtras(JsonNode diff) {
        return Set.of("e", "r", "t").containsAll(fieldNames(diff));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Replayed> inbound(String vector) {
        return RecordedSession.load(vector).replay();
    }

    private static Replayed last(List<Replayed> replayed) {
        return replayed.get(replayed.size() - 1);
    }

    private static Element page(Replayed replayed) {
        return Jsoup.parseBodyFragment(replayed.html()).selectFirst("[data-phx-main]");
    }

    private static List<String> texts(List<Replayed> replayed, String selector) {
        return replayed.stream().map(step -> {
            Element element = page(step).selectFirst(selector);
            return element == null ? "" : element.text();
        }).toList();
    }

    private static List<String> attributes(List<Replayed> replayed, String selector, String attribute) {
        return replayed.stream().map(step -> {
            Element element = page(step).selectFirst(selector);
            return element == null ? "" : element.attr(attribute);
        }).toList();
    }

    private static List<String> listTexts(Replayed replayed, String selector) {
        return page(replayed).select(selector).stream().map(Element::text).toList();
    }
}
