package io.liveload.core.liveview;

import static io.liveload.core.testing.ScriptRuns.counter;
import static io.liveload.core.testing.ScriptRuns.errorCount;
import static io.liveload.core.testing.ScriptRuns.options;
import static io.liveload.core.testing.ScriptRuns.runOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.liveload.core.RunResult;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol cases the demo app cannot produce, against a scripted server on 127.0.0.1: component removal,
 * events without or with an error reply, server redirects by push, a normal socket close, a crashed join.
 */
class ScriptedServerTest {

    private static final String TOPIC = "lv:phx-main1";
    private static final String PAGE = """
            <!DOCTYPE html><html><head><meta name="csrf-token" content="token-1"><title>Scripted</title></head>
            <body><div id="phx-main1" data-phx-main data-phx-session="SESSION" data-phx-static="STATIC">
            <p>dead render</p></div></body></html>
            """;
    private static final String RENDERED = """
            {"s":["<main><button id=\\"drop\\" phx-click=\\"drop\\">drop</button>","</main>"],"0":1,
             "c":{"1":{"s":["<p id=\\"card\\">","</p>"],"0":"hello"}}}
            """;

    private ScriptedLiveServer server;

    @BeforeEach
    void startServer() {
        server = new ScriptedLiveServer().page("/page", PAGE).page("/elsewhere", PAGE.replace("phx-main1", "phx-main2"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static void reply(ScriptedLiveServer.Connection connection, ArrayNode frame, String status, String response) {
        JsonNode payload = ScriptedLiveServer.parse("{\"status\":\"" + status + "\",\"response\":" + response + "}");
        connection.send(ScriptedLiveServer.frame(frame.get(0).asText(), frame.get(1).asText(), frame.get(2).asText(),
                "phx_reply", payload));
    }

    private static void joined(ScriptedLiveServer.Connection connection, ArrayNode frame) {
        reply(connection, frame, "ok", "{\"liveview_version\":\"1.2.10\",\"rendered\":" + RENDERED + "}");
    }

    private static String event(ArrayNode frame) {
        return frame.get(3).asText();
    }

    private List<String> receivedEvents() {
        return server.received().stream().map(ScriptedServerTest::event).toList();
    }

    @Test
    void removedComponentIsDestroyed() {
        server.script((frame, connection) -> {
            switch (event(frame)) {
                case "phx_join" -> joined(connection, frame);
                case "event" -> reply(connection, frame, "ok", "{\"diff\":{\"0\":\"\"}}");
                case "cids_will_destroy" -> reply(connection, frame, "ok", "{}");
                case "cids_destroyed" -> reply(connection, frame, "ok", "{\"cids\":[1]}");
                default -> reply(connection, frame, "ok", "{}");
            }
        });
        AtomicReference<Set<Integer>> components = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/page");
            page.click("#drop");
            await().atMost(Duration.ofSeconds(5)).until(() -> receivedEvents().contains("cids_destroyed"));
            page.pushEvent("sync", Map.of());
            components.set(page.pageForTest().main.state.componentIds());
        });

        List<ArrayNode> received = server.received();
        assertThat(receivedEvents()).containsSubsequence("event", "cids_will_destroy", "cids_destroyed");
        assertThat(received.stream().filter(frame -> event(frame).startsWith("cids_"))
                .map(frame -> frame.get(4).get("cids").toString())).containsExactly("[1]", "[1]");
        assertThat(components.get()).isEmpty();
    }

    @Test
    void eventWithoutReplyTimesOut() {
        server.script((frame, connection) -> {
            if (event(frame).equals("phx_join")) {
                joined(connection, frame);
            }
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/page", lv -> lv.eventTimeout(Duration.ofMillis(300)));
            try {
                page.click("#drop");
            } catch (LiveViewException e) {
                failure.set(e);
            }
        });

        assertThat(failure.get()).hasMessageContaining("event \"drop\"").hasMessageContaining("no reply within");
    }

    @Test
    void errorReplyThrows() {
        server.script((frame, connection) -> {
            switch (event(frame)) {
                case "phx_join" -> joined(connection, frame);
                default -> reply(connection, frame, "error", "{\"reason\":\"unmatched topic\"}");
            }
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/page");
            try {
                page.click("#drop");
            } catch (LiveViewException e) {
                failure.set(e);
            }
        });

        assertThat(failure.get()).hasMessageContaining("event \"drop\"").hasMessageContaining("unmatched topic");
    }

    @Test
    void crashedJoinReportedWithoutRejoin() {
        server.script((frame, connection) -> {
            switch (event(frame)) {
                case "phx_join" -> reply(connection, frame, "error", "{\"reason\":\"join crashed\"}");
                default -> reply(connection, frame, "ok", "{}");
            }
        });
        AtomicReference<Optional<String>> joinError = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/page");
            joinError.set(page.joinError());
            vu.sleep(Duration.ofMillis(1500));
        });

        assertThat(joinError.get()).contains("join crashed");
        assertThat(receivedEvents()).containsExactly("phx_join", "phx_leave");
        assertThat(result.metrics().aggregate(BuiltinMetrics.LV_JOINS_FAILED.name(),
                TagSet.of("reason", "join crashed"))).contains(new RateValue(1, 0));
        assertThat(errorCount(result, "liveview", "join_failed")).isEqualTo(1);
    }

    @Test
    void serverPushesNavigateAndRedirect() {
        AtomicInteger joins = new AtomicInteger();
        server.script((frame, connection) -> {
            switch (event(frame)) {
                case "phx_join" -> {
                    joined(connection, frame);
                    if (joins.incrementAndGet() == 1) {
                        JsonNode to = ScriptedLiveServer.parse("{\"kind\":\"push\",\"to\":\"/page?next=1\",\"flash\":\"F1\"}");
                        connection.send(ScriptedLiveServer.frame(frame.get(0).asText(), null, TOPIC, "live_redirect", to));
                    } else if (joins.get() == 2) {
                        JsonNode to = ScriptedLiveServer.parse("{\"to\":\"/elsewhere\",\"status\":302}");
                        connection.send(ScriptedLiveServer.frame(frame.get(0).asText(), null, TOPIC, "redirect", to));
                    }
                }
                default -> reply(connection, frame, "ok", "{}");
            }
        });
        AtomicReference<String> url = new AtomicReference<>();
        AtomicReference<Boolean> joined = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/page");
            page.awaitHtml(html -> html.id().equals("phx-main2"), Duration.ofSeconds(5));
            joined.set(page.awaitJoined(Duration.ofSeconds(5)));
            url.set(page.url());
        });

        List<ArrayNode> received = server.received();
        assertThat(receivedEvents()).startsWith("phx_join", "phx_leave", "phx_join", "phx_leave", "phx_join");
        assertThat(received.get(2).get(4).get("redirect").asText()).isEqualTo(server.baseUrl() + "/page?next=1");
        assertThat(received.get(2).get(4).get("flash").asText()).isEqualTo("F1");
        assertThat(received.get(2).get(4).get("params").get("_live_referer").asText()).isEqualTo(server.baseUrl() + "/page");
        assertThat(received.get(4).get(2).asText()).isEqualTo("lv:phx-main2");
        assertThat(url.get()).isEqualTo(server.baseUrl() + "/elsewhere");
        assertThat(joined.get()).isTrue();
        assertThat(counter(result, BuiltinMetrics.LV_SERVER_PUSHES.name())).isEqualTo(2);
        assertThat(counter(result, BuiltinMetrics.HTTP_REQS.name())).isEqualTo(2);
    }

    @Test
    void normalServerCloseReloadsPage() {
        AtomicInteger joins = new AtomicInteger();
        server.script((frame, connection) -> {
            if (event(frame).equals("phx_join")) {
                joined(connection, frame);
                if (joins.incrementAndGet() == 1) {
                    connection.close(1000, "bye");
                }
            }
        });
        AtomicReference<Boolean> joined = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/page");
            vu.sleep(Duration.ofMillis(200));
            joined.set(page.awaitJoined(Duration.ofSeconds(5)));
        });

        assertThat(joined.get()).isTrue();
        assertThat(counter(result, BuiltinMetrics.HTTP_REQS.name())).isEqualTo(2);
        assertThat(counter(result, BuiltinMetrics.WS_SESSIONS.name())).isEqualTo(2);
    }

    @Test
    void joinLiveRedirectNavigates() {
        server.script((frame, connection) -> {
            switch (event(frame)) {
                case "phx_join" -> {
                    if (frame.get(4).has("url")) {
                        reply(connection, frame, "error", "{\"live_redirect\":{\"kind\":\"push\",\"to\":\"/page?moved=1\"}}");
                    } else {
                        joined(connection, frame);
                    }
                }
                default -> reply(connection, frame, "ok", "{}");
            }
        });
        AtomicReference<String> url = new AtomicReference<>();
        AtomicReference<Boolean> joined = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/page");
            url.set(page.url());
            joined.set(page.isJoined());
        });

        assertThat(receivedEvents()).startsWith("phx_join", "phx_leave", "phx_join");
        assertThat(server.received().get(2).get(4).get("redirect").asText()).isEqualTo(server.baseUrl() + "/page?moved=1");
        assertThat(url.get()).isEqualTo(server.baseUrl() + "/page?moved=1");
        assertThat(joined.get()).isTrue();
    }

    @Test
    void stickyViewStaysThroughNavigation() {
        server.page("/sticky", """
                <!DOCTYPE html><html><head><meta name="csrf-token" content="t"></head><body>
                <div id="phx-main1" data-phx-main data-phx-session="S1" data-phx-static="T1"></div>
                <div id="player" data-phx-sticky data-phx-session="S2" data-phx-static=""></div></body></html>
                """);
        server.script((frame, connection) -> {
            switch (event(frame)) {
                case "phx_join" -> joined(connection, frame);
                default -> reply(connection, frame, "ok", "{}");
            }
        });
        AtomicReference<Boolean> joined = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/sticky");
            page.navigate("/sticky?next=1");
            joined.set(page.isJoined());
        });

        List<ArrayNode> received = server.received();
        JsonNode stickyJoin = received.get(1).get(4);
        assertThat(received.get(1).get(2).asText()).isEqualTo("lv:player");
        assertThat(stickyJoin.has("url")).isFalse();
        assertThat(stickyJoin.get("sticky").asBoolean()).isTrue();
        assertThat(stickyJoin.get("static").isNull()).isTrue();
        assertThat(received.subList(2, 4)).extracting(frame -> event(frame) + " " + frame.get(2).asText())
                .containsExactly("phx_leave " + TOPIC, "phx_join " + TOPIC);
        assertThat(joined.get()).isTrue();
    }

    @Test
    void nestedViewLeftWhenParentDropsIt() {
        String child = "<div id=\\\"clock\\\" data-phx-session=\\\"C1\\\" data-phx-static=\\\"\\\""
                + " data-phx-parent-id=\\\"phx-main1\\\"></div>";
        server.script((frame, connection) -> {
            switch (event(frame)) {
                case "phx_join" -> {
                    if (frame.get(2).asText().equals(TOPIC)) {
                        reply(connection, frame, "ok", "{\"rendered\":{\"s\":[\"<main>\",\"</main>\"],\"0\":\""
                                + child + "\"}}");
                    } else {
                        reply(connection, frame, "ok", "{\"rendered\":{\"s\":[\"<b id=\\\"tick\\\">1</b>\"]}}");
                    }
                }
                case "event" -> reply(connection, frame, "ok", "{\"diff\":{\"0\":\"\"}}");
                default -> reply(connection, frame, "ok", "{}");
            }
        });
        AtomicReference<String> tick = new AtomicReference<>();
        AtomicReference<Boolean> childGone = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/page");
            tick.set(page.html().selectFirst("#clock #tick").text());
            page.pushEvent("drop_clock", Map.of());
            childGone.set(page.html().selectFirst("#clock") == null);
            page.pushEvent("sync", Map.of());
        });

        assertThat(tick.get()).isEqualTo("1");
        assertThat(childGone.get()).isTrue();
        assertThat(server.received()).extracting(frame -> event(frame) + " " + frame.get(2).asText())
                .containsSubsequence("phx_join " + TOPIC, "phx_join lv:clock", "event " + TOPIC, "phx_leave lv:clock");
        JsonNode childJoin = server.received().get(1).get(4);
        assertThat(childJoin.get("session").asText()).isEqualTo("C1");
        assertThat(childJoin.has("url")).isFalse();
    }

    @Test
    void failedPageFetchReported() {
        AtomicReference<Optional<String>> joinError = new AtomicReference<>();
        AtomicReference<Boolean> joined = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            LiveView page = vu.liveView().open("/missing");
            joinError.set(page.joinError());
            joined.set(page.isJoined());
        });

        assertThat(joinError.get()).contains("http_404");
        assertThat(joined.get()).isFalse();
        assertThat(counter(result, BuiltinMetrics.WS_SESSIONS.name())).isZero();
    }
}
