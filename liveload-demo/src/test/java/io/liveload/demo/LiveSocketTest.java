package io.liveload.demo;

import static io.liveload.demo.LiveTestSocket.JSON;
import static io.liveload.demo.LiveTestSocket.WAIT;
import static io.liveload.demo.LiveTestSocket.click;
import static io.liveload.demo.LiveTestSocket.isEvent;
import static io.liveload.demo.LiveTestSocket.joinPayload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiveSocketTest {
    private static DemoApp app;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<OkHttpClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = DemoApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void closeSockets() throws Exception {
        for (AutoCloseable socket : opened) {
            socket.close();
        }
        clients.forEach(TestClients::shutdown);
    }

    @Test
    void counterJoinRendersCountZero() throws Exception {
        Joined counter = join("/counter", null);

        JsonNode response = counter.reply.get(4).get("response");
        Document html = Jsoup.parseBodyFragment(RenderedTree.of(response.get("rendered")).html());

        assertThat(counter.reply.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(html.selectFirst("#count").text()).isEqualTo("0");
        assertThat(html.selectFirst("#todo-1").className()).isEqualTo("open");
        assertThat(response.get("liveview_version").asText()).isEqualTo("1.2.10");
        assertThat(response.get("rendered").get("t").asText()).isEqualTo("Counter");
        assertThat(response.get("rendered").get("p").isObject()).isTrue();
    }

    @Test
    void incClickChangesCount() throws Exception {
        Joined counter = join("/counter", null);

        JsonNode reply = counter.event(click("inc", null));
        JsonNode diff = reply.get(4).get("response").get("diff");

        assertThat(reply.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(diff.get("2").get("0").asText()).isEqualTo("1");
        assertThat(diff.get("2").has("1")).as("unchanged ticks are left out").isFalse();
    }

    @Test
    void incByAddsValue() throws Exception {
        Joined counter = join("/counter", null);
        counter.event(click("inc", null));

        JsonNode reply = counter.event(click("inc", JSON.objectNode().put("by", "10").put("value", "")));

        assertThat(reply.get(4).get("response").get("diff").get("2").get("0").asText()).isEqualTo("11");
    }

    @Test
    void hookAndKeyEventsReachView() throws Exception {
        Joined counter = join("/counter", null);
        ObjectNode hook = JSON.objectNode().put("type", "hook").put("event", "inc");
        hook.set("value", JSON.objectNode().put("by", "5"));
        ObjectNode keyup = JSON.objectNode().put("type", "keyup").put("event", "dec");
        keyup.set("value", JSON.objectNode().put("key", "ArrowDown"));

        JsonNode afterHook = counter.event(hook).get(4).get("response").get("diff");
        JsonNode afterKey = counter.event(keyup).get(4).get("response").get("diff");

        assertThat(afterHook.get("2").get("0").asText()).isEqualTo("5");
        assertThat(afterKey.get("2").get("0").asText()).isEqualTo("4");
    }

    @Test
    void mergedDiffsRenderNewCount() throws Exception {
        Joined counter = join("/counter", null);
        RenderedTree tree = RenderedTree.of(counter.reply.get(4).get("response").get("rendered"));

        tree.merge(counter.event(click("dec", null)).get(4).get("response").get("diff"));

        assertThat(Jsoup.parseBodyFragment(tree.html()).selectFirst("#count").text()).isEqualTo("-1");
    }

    @Test
    void heartbeatGetsReply() throws Exception {
        Joined counter = join("/counter", null);

        String ref = counter.socket.push(null, "phoenix", "heartbeat", JSON.objectNode());
        JsonNode reply = counter.socket.replyTo(ref);

        assertThat(reply.get(0).isNull()).isTrue();
        assertThat(reply.get(2).asText()).isEqualTo("phoenix");
        assertThat(reply.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(reply.get(4).get("response").isEmpty()).isTrue();
    }

    @Test
    void heartbeatUnansweredWhenDisabled() throws Exception {
        try (DemoApp silent = DemoApp.start(DemoOptions.defaults().withHeartbeatReplies(false))) {
            OkHttpClient client = client();
            DeadPage page = DeadPage.fetch(client, silent.baseUrl().resolve("/counter"));
            LiveTestSocket socket = track(LiveTestSocket.open(client, silent.baseUrl(), page.csrfToken()));
            socket.join(page.topic(), joinPayload(page, 0));

            String heartbeat = socket.push(null, "phoenix", "heartbeat", JSON.objectNode());
            String event = socket.push(null, "phoenix", "heartbeat", JSON.objectNode());
            Thread.sleep(300);

            assertThat(socket.received()).noneMatch(frame -> heartbeat.equals(frame.get(1).asText(null)));
            assertThat(socket.received()).noneMatch(frame -> event.equals(frame.get(1).asText(null)));
        }
    }

    @Test
    void unsupportedVsnIsForbidden() throws Exception {
        DeadPage page = DeadPage.fetch(client(), app.baseUrl().resolve("/counter"));

        LiveTestSocket socket = track(LiveTestSocket.open(client(), app.baseUrl(),
                "_csrf_token=" + page.csrfToken() + "&vsn=1.0.0", app.baseUrl().toString()));

        assertThat(socket.handshakeStatus()).isEqualTo(403);
    }

    @Test
    void missingVsnIsForbidden() throws Exception {
        LiveTestSocket socket = track(LiveTestSocket.open(client(), app.baseUrl(), "_csrf_token=x", null));

        assertThat(socket.handshakeStatus()).isEqualTo(403);
    }

    @Test
    void foreignOriginIsForbidden() throws Exception {
        LiveTestSocket socket = track(LiveTestSocket.open(client(), app.baseUrl(), "vsn=2.0.0", "http://example.com"));

        assertThat(socket.handshakeStatus()).isEqualTo(403);
    }

    @Test
    void sameHostOriginIsAccepted() throws Exception {
        LiveTestSocket socket = track(LiveTestSocket.open(client(), app.baseUrl(), "vsn=2.0.0",
                "http://" + app.baseUrl().getHost() + ":1234"));

        assertThat(socket.handshakeStatus()).isEqualTo(101);
    }

    @Test
    void missingOriginIsAccepted() throws Exception {
        LiveTestSocket socket = track(LiveTestSocket.open(client(), app.baseUrl(), "vsn=2.0.0", null));

        assertThat(socket.handshakeStatus()).isEqualTo(101);
    }

    @Test
    void wrongCsrfTokenMakesJoinStale() throws Exception {
        OkHttpClient client = client();
        DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), "_csrf_token=forged&vsn=2.0.0",
                app.baseUrl().toString()));

        JsonNode reply = socket.join(page.topic(), joinPayload(page, 0));

        assertThat(socket.handshakeStatus()).isEqualTo(101);
        assertThat(reply.get(4).get("status").asText()).isEqualTo("error");
        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("stale");
    }

    @Test
    void csrfTokenOfOtherSessionMakesJoinStale() throws Exception {
        DeadPage foreign = DeadPage.fetch(client(), app.baseUrl().resolve("/counter"));
        OkHttpClient client = client();
        DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), foreign.csrfToken()));

        JsonNode reply = socket.join(page.topic(), joinPayload(page, 0));

        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("stale");
    }

    @Test
    void tamperedSessionTokenIsStale() throws Exception {
        OkHttpClient client = client();
        DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), page.csrfToken()));
        ObjectNode payload = joinPayload(page, 0);
        payload.put("session", page.sessionToken() + "x");

        JsonNode reply = socket.join(page.topic(), payload);

        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("stale");
    }

    @Test
    void tokenOfOtherTopicIsStale() throws Exception {
        OkHttpClient client = client();
        DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), page.csrfToken()));

        JsonNode reply = socket.join("lv:phx-other", joinPayload(page, 0));

        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("stale");
    }

    @Test
    void urlOfOtherViewIsUnauthorized() throws Exception {
        OkHttpClient client = client();
        DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), page.csrfToken()));
        ObjectNode payload = joinPayload(page, 0);
        payload.put("url", app.baseUrl().resolve("/other").toString());

        JsonNode reply = socket.join(page.topic(), payload);

        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("unauthorized");
    }

    @Test
    void patchButtonSendsLivePatchBeforeReply() throws Exception {
        Joined counter = join("/counter", null);

        String ref = counter.push("event", click("next_page", null));
        JsonNode reply = counter.socket.replyTo(ref);
        List<JsonNode> frames = counter.socket.received();
        int patchIndex = indexOf(frames, frame -> isEvent(frame, "live_patch"));
        int replyIndex = frames.indexOf(reply);

        assertThat(patchIndex).isGreaterThanOrEqualTo(0).isLessThan(replyIndex);
        assertThat(frames.get(patchIndex).get(1).isNull()).isTrue();
        assertThat(frames.get(patchIndex).get(4).get("kind").asText()).isEqualTo("push");
        assertThat(frames.get(patchIndex).get(4).get("to").asText()).isEqualTo("/counter?page=2");
        assertThat(reply.get(4).get("response").get("diff").get("2").get("2").asText()).isEqualTo("2");
        assertThat(reply.get(4).get("response").get("diff").get("2").get("3").get("0").asText())
                .isEqualTo(" href=\"/counter?page=3\"");
    }

    @Test
    void clientLivePatchRunsHandleParams() throws Exception {
        Joined counter = join("/counter", null);

        JsonNode reply = counter.request("live_patch",
                JSON.objectNode().put("url", app.baseUrl().resolve("/counter?page=2").toString()));
        JsonNode diff = reply.get(4).get("response").get("diff").get("2");

        assertThat(diff.get("2").asText()).isEqualTo("2");
        assertThat(diff.get("3").get("0").asText()).isEqualTo(" href=\"/counter?page=3\"");
        assertThat(diff.get("3").get("2").asText()).as("LiveView resends the link's id").isEqualTo(" id=\"next-page\"");
    }

    @Test
    void livePatchToOtherViewAsksForNavigation() throws Exception {
        Joined counter = join("/counter", null);

        JsonNode reply = counter.request("live_patch", JSON.objectNode().put("url", app.baseUrl().resolve("/other").toString()));

        assertThat(reply.get(4).get("response").get("link_redirect").asBoolean()).isTrue();
    }

    @Test
    void crashSendsPhxError() throws Exception {
        Joined counter = join("/counter", null);

        counter.push("event", click("crash", null));
        JsonNode error = counter.socket.await(frame -> isEvent(frame, "phx_error"), WAIT);

        assertThat(error.get(0).asText()).isEqualTo(counter.joinRef());
        assertThat(error.get(1).asText()).isEqualTo(counter.joinRef());
        assertThat(error.get(2).asText()).isEqualTo(counter.page.topic());
    }

    @Test
    void rejoinAfterCrashGetsFreshView() throws Exception {
        Joined counter = join("/counter", null);
        counter.event(click("inc", null));
        counter.push("event", click("crash", null));
        counter.socket.await(frame -> isEvent(frame, "phx_error"), WAIT);

        JsonNode rejoin = counter.socket.join(counter.page.topic(), joinPayload(counter.page, 1));
        Document html = Jsoup.parseBodyFragment(RenderedTree.of(rejoin.get(4).get("response").get("rendered")).html());

        assertThat(rejoin.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(html.selectFirst("#count").text()).isEqualTo("0");
    }

    @Test
    void eventAfterCrashHitsUnmatchedTopic() throws Exception {
        Joined counter = join("/counter", null);
        counter.push("event", click("crash", null));
        counter.socket.await(frame -> isEvent(frame, "phx_error"), WAIT);

        JsonNode reply = counter.event(click("inc", null));

        assertThat(reply.get(0).isNull()).isTrue();
        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("unmatched topic");
    }

    @Test
    void unknownEventCrashesView() throws Exception {
        Joined counter = join("/counter", null);

        counter.push("event", click("no_such_event", null));

        assertThat(counter.socket.await(frame -> isEvent(frame, "phx_error"), WAIT)).isNotNull();
    }

    @Test
    void settingsJoinWithoutUserRedirectsToLogin() throws Exception {
        OkHttpClient loggedIn = TestClients.withSession(app, "glennr");
        clients.add(loggedIn);
        DeadPage settings = DeadPage.fetch(loggedIn, app.baseUrl().resolve("/profile/settings"));
        OkHttpClient anonymous = client();
        DeadPage counter = DeadPage.fetch(anonymous, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(anonymous, app.baseUrl(), counter.csrfToken()));

        JsonNode reply = socket.join(settings.topic(), joinPayload(settings, 0));
        JsonNode response = reply.get(4).get("response");

        assertThat(reply.get(4).get("status").asText()).isEqualTo("error");
        assertThat(response.get("redirect").get("to").asText()).isEqualTo("/login");
        assertThat(response.get("redirect").get("status").asInt()).isEqualTo(302);
        assertThat(response.get("redirect").get("flash").asText()).isNotEmpty();
        assertThat(response.get("events").isArray()).isTrue();
    }

    @Test
    void tickerPushesFiveDiffsWithEvents() throws Exception {
        Joined counter = join("/counter", null);

        JsonNode reply = counter.event(click("start_ticker", null));
        List<JsonNode> pushes = counter.socket.awaitAll(frame -> isEvent(frame, "diff"), 5, Duration.ofSeconds(12));

        assertThat(reply.get(4).get("response").get("diff").get("r").get("started").asInt()).isEqualTo(5);
        assertThat(reply.get(4).get("response").get("diff").size()).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            JsonNode push = pushes.get(i);
            int n = i + 1;
            assertThat(push.get(1).isNull()).isTrue();
            assertThat(push.get(4).get("2").get("1").asText()).isEqualTo(Integer.toString(n));
            assertThat(push.get(4).get("e").get(0).get(0).asText()).isEqualTo("tick");
            assertThat(push.get(4).get("e").get(0).get(1).get("n").asInt()).isEqualTo(n);
            assertThat(push.get(4).get("e").get(0).get(1).get("left").asInt()).isEqualTo(5 - n);
        }
    }

    @Test
    void tickParamStartsPushesAfterMount() throws Exception {
        Joined counter = join("/counter?tick=2", null);

        List<JsonNode> pushes = counter.socket.awaitAll(frame -> isEvent(frame, "diff"), 2, Duration.ofSeconds(6));

        assertThat(pushes.get(1).get(4).get("e").get(0).get(1).get("left").asInt()).isEqualTo(0);
    }

    @Test
    void streamInsertsKeepLimitOfFive() throws Exception {
        Joined counter = join("/counter", null);
        JsonNode initialStream = counter.reply.get(4).get("response").get("rendered").get("2").get("5");
        List<String> list = new ArrayList<>();

        for (int i = 1; i <= 7; i++) {
            JsonNode events = counter.event(click("inc", null)).get(4).get("response").get("diff").get("2").get("5");
            JsonNode insert = events.get("stream").get(1).get(0);

            assertThat(events.get("stream").get(0).asText()).isEqualTo("0");
            assertThat(events.get("stream").get(2).isEmpty()).as("the server sends no deletes").isTrue();
            assertThat(insert.get(1).asInt()).as("at").isEqualTo(0);
            assertThat(insert.get(2).asInt()).as("limit").isEqualTo(5);
            assertThat(insert.get(3).asBoolean()).as("update_only").isFalse();
            assertThat(events.get("k").get("kc").asInt()).isEqualTo(1);
            assertThat(events.get("k").get("0").get("1").asText()).isEqualTo("inc -&gt; " + i);
            applyStreamInsert(list, insert.get(0).asText(), insert.get(1).asInt(), insert.get(2).asInt());
        }

        assertThat(initialStream.get("stream").toString()).isEqualTo("[\"0\",[],[]]");
        assertThat(list).hasSize(5);
    }

    @Test
    void componentEventChangesOnlyComponent() throws Exception {
        Joined counter = join("/counter", null);
        ObjectNode toggle = click("toggle", JSON.objectNode().put("id", "1").put("value", ""));
        toggle.put("cid", 1);

        JsonNode diff = counter.event(toggle).get(4).get("response").get("diff");

        assertThat(diff.fieldNames()).toIterable().containsExactly("c");
        assertThat(diff.get("c").get("1").get("1").get("k").get("0").toString()).isEqualTo("{\"1\":\"done\"}");
        assertThat(diff.get("c").get("1").get("1").get("k").get("kc").asInt()).isEqualTo(2);
    }

    @Test
    void componentFormAddsItem() throws Exception {
        Joined counter = join("/counter", null);
        ObjectNode add = JSON.objectNode().put("type", "form").put("event", "add").put("value", "text=third");
        add.set("meta", JSON.objectNode());
        add.put("cid", 1);

        JsonNode keyed = counter.event(add).get(4).get("response").get("diff").get("c").get("1").get("1").get("k");

        assertThat(keyed.get("kc").asInt()).isEqualTo(3);
        assertThat(keyed.get("2").get("2").asText()).isEqualTo("third");
        assertThat(keyed.get("2").get("1").asText()).isEqualTo("open");
    }

    @Test
    void eventForMissingComponentGetsEmptyReply() throws Exception {
        Joined counter = join("/counter", null);
        ObjectNode toggle = click("toggle", JSON.objectNode().put("id", "1"));
        toggle.put("cid", 9);

        JsonNode reply = counter.event(toggle);

        assertThat(reply.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(reply.get(4).get("response").isEmpty()).isTrue();
    }

    @Test
    void destroyedComponentIsDeletedOnceMarked() throws Exception {
        Joined counter = join("/counter", null);
        ObjectNode cids = JSON.objectNode();
        cids.putArray("cids").add(1);

        JsonNode unmarked = counter.request("cids_destroyed", cids);
        counter.request("cids_will_destroy", cids);
        JsonNode destroyed = counter.request("cids_destroyed", cids);

        assertThat(unmarked.get(4).get("response").get("cids").isEmpty()).isTrue();
        assertThat(destroyed.get(4).get("response").get("cids").toString()).isEqualTo("[1]");
    }

    @Test
    void navigateButtonRepliesLiveRedirectThenCloses() throws Exception {
        Joined counter = join("/counter", null);

        JsonNode reply = counter.event(click("go_other", null));
        JsonNode close = counter.socket.await(frame -> isEvent(frame, "phx_close"), WAIT);

        assertThat(reply.get(4).get("response").get("live_redirect").get("to").asText()).isEqualTo("/other");
        assertThat(reply.get(4).get("response").get("live_redirect").get("kind").asText()).isEqualTo("push");
        assertThat(close.get(0).asText()).isEqualTo(counter.joinRef());
    }

    @Test
    void navigationJoinRendersTargetWithContainer() throws Exception {
        Joined counter = join("/counter", null);
        counter.request("phx_leave", JSON.objectNode());
        ObjectNode payload = joinPayload(counter.page, 0);
        payload.remove("url");
        payload.put("redirect", app.baseUrl().resolve("/other").toString());

        JsonNode reply = counter.socket.join(counter.page.topic(), payload);
        JsonNode response = reply.get(4).get("response");

        assertThat(reply.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(response.get("container").toString()).isEqualTo("[\"div\",{}]");
        assertThat(response.get("rendered").get("t").asText()).isEqualTo("Other");
        assertThat(Jsoup.parseBodyFragment(RenderedTree.of(response.get("rendered")).html()).selectFirst("#user").text())
                .isEqualTo("anonymous");
    }

    @Test
    void navigationAcrossLiveSessionsIsUnauthorized() throws Exception {
        Joined counter = join("/counter", "glennr");
        ObjectNode payload = joinPayload(counter.page, 0);
        payload.remove("url");
        payload.put("redirect", app.baseUrl().resolve("/profile/settings").toString());

        JsonNode reply = counter.socket.join(counter.page.topic(), payload);

        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("unauthorized");
    }

    @Test
    void leaveRepliesAndCloses() throws Exception {
        Joined counter = join("/counter", null);

        JsonNode reply = counter.request("phx_leave", JSON.objectNode());
        JsonNode close = counter.socket.await(frame -> isEvent(frame, "phx_close"), WAIT);

        assertThat(reply.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(close.get(1).asText()).isEqualTo(counter.joinRef());
    }

    @Test
    void leaveOfUnjoinedTopicIsAnsweredOk() throws Exception {
        Joined counter = join("/counter", null);

        String ref = counter.socket.push("99", "lv:phx-nothing", "phx_leave", JSON.objectNode());

        assertThat(counter.socket.replyTo(ref).get(4).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void eventOnUnjoinedTopicIsUnmatched() throws Exception {
        Joined counter = join("/counter", null);

        String ref = counter.socket.push("99", "lv:phx-nothing", "event", click("inc", null));
        JsonNode reply = counter.socket.replyTo(ref);

        assertThat(reply.get(0).isNull()).isTrue();
        assertThat(reply.get(4).get("status").asText()).isEqualTo("error");
        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("unmatched topic");
    }

    @Test
    void secondJoinClosesFirstWithOldJoinRef() throws Exception {
        Joined counter = join("/counter", null);

        JsonNode second = counter.socket.join(counter.page.topic(), joinPayload(counter.page, 1));
        JsonNode close = counter.socket.await(frame -> isEvent(frame, "phx_close"), WAIT);

        assertThat(second.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(close.get(0).asText()).isEqualTo(counter.joinRef());
        assertThat(counter.socket.received().indexOf(close)).isGreaterThan(counter.socket.received().indexOf(second));
    }

    @Test
    void staleJoinRefGetsNoReply() throws Exception {
        Joined counter = join("/counter", null);

        String ref = counter.socket.push("old", counter.page.topic(), "event", click("inc", null));
        String heartbeat = counter.socket.push(null, "phoenix", "heartbeat", JSON.objectNode());
        counter.socket.replyTo(heartbeat);

        assertThat(counter.socket.received()).noneMatch(frame -> ref.equals(frame.get(1).asText(null)));
    }

    @Test
    void channelLimitRejectsExtraJoin() throws Exception {
        try (DemoApp small = DemoApp.start(DemoOptions.defaults().withMaxChannelsPerSocket(2))) {
            OkHttpClient client = client();
            List<DeadPage> pages = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pages.add(DeadPage.fetch(client, small.baseUrl().resolve("/counter")));
            }
            LiveTestSocket socket = track(LiveTestSocket.open(client, small.baseUrl(), pages.get(0).csrfToken()));

            socket.join(pages.get(0).topic(), joinPayload(pages.get(0), 0));
            socket.join(pages.get(1).topic(), joinPayload(pages.get(1), 0));
            JsonNode third = socket.join(pages.get(2).topic(), joinPayload(pages.get(2), 0));

            assertThat(third.get(4).get("status").asText()).isEqualTo("error");
            assertThat(third.get(4).get("response").get("reason").asText()).isEqualTo("too many channels joined");
        }
    }

    @Test
    void joinWithoutUrlMountsView() throws Exception {
        OkHttpClient client = client();
        DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), page.csrfToken()));
        ObjectNode payload = joinPayload(page, 0);
        payload.remove("url");

        assertThat(socket.join(page.topic(), payload).get(4).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void numericRefsAreEchoed() throws Exception {
        OkHttpClient client = client();
        DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), page.csrfToken()));
        ObjectNode payload = JSON.objectNode();
        payload.put("url", page.url());
        payload.set("params", JSON.objectNode().put("_csrf_token", page.csrfToken()).put("_mounts", 0));
        payload.put("session", page.sessionToken());
        payload.put("static", page.staticToken());

        socket.sendRaw(JSON.arrayNode().addNull().add(0).add(page.topic()).add("phx_join").add(payload).toString());
        JsonNode reply = socket.await(frame -> isEvent(frame, "phx_reply"), WAIT);

        assertThat(reply.get(0).isNull()).isTrue();
        assertThat(reply.get(1).isInt()).isTrue();
        assertThat(reply.get(4).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void malformedFramesLeaveSocketsWorking() throws Exception {
        Joined first = join("/counter", null);
        Joined second = join("/counter", null);

        first.socket.sendRaw("not json");
        first.socket.sendRaw("[1,2,3]");
        first.socket.sendRaw("[null,\"1\",7,\"event\",{}]");
        first.socket.sendRaw("{\"topic\":\"phoenix\"}");

        assertThat(first.event(click("inc", null)).get(4).get("status").asText()).isEqualTo("ok");
        assertThat(second.event(click("inc", null)).get(4).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void malformedEventPayloadCrashesOnlyThatView() throws Exception {
        Joined counter = join("/counter", null);

        counter.push("event", JSON.objectNode().put("event", "inc"));

        assertThat(counter.socket.await(frame -> isEvent(frame, "phx_error"), WAIT)).isNotNull();
        assertThat(counter.socket.isClosed()).isFalse();
    }

    @Test
    void idleSocketIsClosed() throws Exception {
        try (DemoApp quick = DemoApp.start(DemoOptions.defaults().withIdleTimeout(Duration.ofMillis(300)))) {
            OkHttpClient client = client();
            DeadPage page = DeadPage.fetch(client, quick.baseUrl().resolve("/counter"));
            LiveTestSocket socket = track(LiveTestSocket.open(client, quick.baseUrl(), page.csrfToken()));
            socket.join(page.topic(), joinPayload(page, 0));

            assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(1002);
        }
    }

    @Test
    void activeSocketOutlivesIdleTimeout() throws Exception {
        try (DemoApp quick = DemoApp.start(DemoOptions.defaults().withIdleTimeout(Duration.ofMillis(400)))) {
            OkHttpClient client = client();
            DeadPage page = DeadPage.fetch(client, quick.baseUrl().resolve("/counter"));
            LiveTestSocket socket = track(LiveTestSocket.open(client, quick.baseUrl(), page.csrfToken()));
            socket.join(page.topic(), joinPayload(page, 0));

            for (int i = 0; i < 6; i++) {
                Thread.sleep(150);
                socket.replyTo(socket.push(null, "phoenix", "heartbeat", JSON.objectNode()));
            }

            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void settingsValidateShowsError() throws Exception {
        Joined settings = join("/profile/settings", "glennr");

        JsonNode diff = settings.event(formEvent("validate", "user%5Busername%5D=glenn+r", "user[username]"))
                .get(4).get("response").get("diff");
        JsonNode fields = diff.get("2").get("1").get("3");

        assertThat(fields.get("1").asText()).isEqualTo(" value=\"glenn r\"");
        assertThat(fields.get("2").get("0").asText()).isEqualTo("must be 2-30 letters, digits or _");
        assertThat(diff.get("p").isObject()).isTrue();
    }

    @Test
    void settingsValidateHidesErrorOfUnusedField() throws Exception {
        Joined settings = join("/profile/settings", "glennr");

        JsonNode fields = settings.event(formEvent("validate", "user%5B_unused_username%5D=&user%5Busername%5D=g", "user[other]"))
                .get(4).get("response").get("diff").get("2").get("1").get("3");

        assertThat(fields.get("2").asText()).isEmpty();
    }

    @Test
    void settingsSaveShowsFlash() throws Exception {
        Joined settings = join("/profile/settings", "glennr");
        RenderedTree tree = RenderedTree.of(settings.reply.get(4).get("response").get("rendered"));

        ObjectNode save = formEvent("save", "user%5Busername%5D=glennr2", null);
        tree.merge(settings.event(save).get(4).get("response").get("diff"));
        Document html = Jsoup.parseBodyFragment(tree.html());

        assertThat(html.selectFirst("#flash-info").text()).isEqualTo("Settings saved");
        assertThat(html.selectFirst("#saved").text()).isEqualTo("Saved");
        assertThat(html.selectFirst("#profile-link").attr("href")).isEqualTo("/glennr2");
        assertThat(html.selectFirst("#current-user").text()).isEqualTo("glennr2");
    }

    @Test
    void clearFlashRemovesMessage() throws Exception {
        Joined settings = join("/profile/settings", "glennr");
        settings.event(formEvent("save", "user%5Busername%5D=glennr", null));

        JsonNode diff = settings.event(click("lv:clear-flash", JSON.objectNode().put("key", "info")))
                .get(4).get("response").get("diff");

        assertThat(diff.get("0").asText()).isEmpty();
    }

    @Test
    void profileJoinRendersConnectedRows() throws Exception {
        Joined profile = join("/glennr", "glennr");

        JsonNode rendered = profile.reply.get(4).get("response").get("rendered");
        Document html = Jsoup.parseBodyFragment(RenderedTree.of(rendered).html());

        assertThat(html.selectFirst("#render-mode").text()).isEqualTo("connected");
        assertThat(html.select("#songs tbody tr")).hasSize(150);
        assertThat(rendered.get("t").asText()).isEqualTo("glennr's songs");
        assertThat(html.selectFirst("#now-playing").attr("data-phx-parent-id")).isEqualTo(profile.page.viewId());
        assertThat(html.selectFirst("#now-playing").attr("data-phx-session")).isNotEmpty();
        assertThat(html.selectFirst("#now-playing").children()).isEmpty();
    }

    @Test
    void nestedViewJoinsAfterParent() throws Exception {
        Joined profile = join("/glennr", "glennr");
        ObjectNode payload = childJoinPayload(profile);

        JsonNode reply = profile.socket.join("lv:now-playing", payload);
        Document html = Jsoup.parseBodyFragment(RenderedTree.of(reply.get(4).get("response").get("rendered")).html());
        JsonNode next = eventOn(profile.socket, "lv:now-playing", reply.get(0).asText(), click("next_track", null));

        assertThat(reply.get(4).get("status").asText()).isEqualTo("ok");
        assertThat(html.selectFirst("#now-playing-title").text()).isEqualTo("glennr track 1");
        assertThat(next.get(4).get("response").get("diff").get("0").asText()).isEqualTo("glennr track 2");
    }

    @Test
    void nestedViewOfGoneParentIsStale() throws Exception {
        Joined profile = join("/glennr", "glennr");
        ObjectNode payload = childJoinPayload(profile);
        profile.request("phx_leave", JSON.objectNode());

        JsonNode reply = profile.socket.join("lv:now-playing", payload);

        assertThat(reply.get(4).get("response").get("reason").asText()).isEqualTo("stale");
    }

    @Test
    void parentLeaveClosesNestedView() throws Exception {
        Joined profile = join("/glennr", "glennr");
        JsonNode child = profile.socket.join("lv:now-playing", childJoinPayload(profile));

        profile.request("phx_leave", JSON.objectNode());
        JsonNode close = profile.socket.await(frame -> isEvent(frame, "phx_close") && frame.get(2).asText().equals("lv:now-playing"), WAIT);

        assertThat(close.get(0).asText()).isEqualTo(child.get(0).asText());
    }

    @Test
    void deadRenderFlashOnlyOnFirstMount() throws Exception {
        String flashToken = redirectFlashToken();
        TestClients.Jar jar = new TestClients.Jar();
        OkHttpClient withFlash = TestClients.browser(jar);
        clients.add(withFlash);
        jar.put(HttpUrl.get(app.baseUrl().toString()), "__phoenix_flash__", flashToken);
        DeadPage page = DeadPage.fetch(withFlash, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(withFlash, app.baseUrl(), page.csrfToken()));

        JsonNode first = socket.join(page.topic(), joinPayload(page, 0)).get(4).get("response").get("rendered");
        JsonNode second = socket.join(page.topic(), joinPayload(page, 1)).get(4).get("response").get("rendered");

        assertThat(page.document().selectFirst("#flash-error").text()).isEqualTo("You must log in to access this page.");
        assertThat(first.get("1").get("0").asText()).isEqualTo("You must log in to access this page.");
        assertThat(second.get("1").asText()).isEmpty();
    }

    @Test
    void twoThousandViewsStayJoined() throws Exception {
        OkHttpClient client = client();
        List<LiveTestSocket> sockets = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            List<DeadPage> pages = new ArrayList<>();
            for (int v = 0; v < 100; v++) {
                pages.add(DeadPage.fetch(client, app.baseUrl().resolve("/counter")));
            }
            LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), pages.get(0).csrfToken()));
            sockets.add(socket);
            for (DeadPage page : pages) {
                socket.push(null, page.topic(), "phx_join", joinPayload(page, 0));
            }
        }
        int joined = 0;
        for (LiveTestSocket socket : sockets) {
            joined += socket.awaitAll(frame -> isEvent(frame, "phx_reply")
                    && "ok".equals(frame.get(4).get("status").asText()), 100, Duration.ofSeconds(30)).size();
        }

        assertThat(joined).isEqualTo(2000);
        assertThat(app.openSockets()).isGreaterThanOrEqualTo(20);
    }

    private record Joined(DeadPage page, LiveTestSocket socket, JsonNode reply) {
        String joinRef() {
            return reply.get(0).asText();
        }

        String push(String event, JsonNode payload) {
            return socket.push(joinRef(), page.topic(), event, payload);
        }

        JsonNode request(String event, JsonNode payload) throws InterruptedException {
            return socket.replyTo(push(event, payload));
        }

        JsonNode event(JsonNode payload) throws InterruptedException {
            return request("event", payload);
        }
    }

    private Joined join(String path, String user) throws Exception {
        OkHttpClient client = user == null ? client() : TestClients.withSession(app, user);
        if (user != null) {
            clients.add(client);
        }
        DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve(path));
        LiveTestSocket socket = track(LiveTestSocket.open(client, app.baseUrl(), page.csrfToken()));
        JsonNode reply = socket.join(page.topic(), joinPayload(page, 0));
        assertThat(reply.get(4).get("status").asText()).as("join of %s", path).isEqualTo("ok");
        return new Joined(page, socket, reply);
    }

    private static ObjectNode childJoinPayload(Joined parent) {
        JsonNode rendered = parent.reply.get(4).get("response").get("rendered");
        Document html = Jsoup.parseBodyFragment(RenderedTree.of(rendered).html());
        ObjectNode payload = JSON.objectNode();
        payload.set("params", JSON.objectNode().put("_csrf_token", parent.page.csrfToken()).put("_mounts", 0));
        payload.put("session", html.selectFirst("#now-playing").attr("data-phx-session"));
        payload.put("static", parent.page.document().selectFirst("#now-playing").attr("data-phx-static"));
        payload.put("sticky", false);
        return payload;
    }

    private static JsonNode eventOn(LiveTestSocket socket, String topic, String joinRef, JsonNode payload)
            throws InterruptedException {
        return socket.replyTo(socket.push(joinRef, topic, "event", payload));
    }

    private String redirectFlashToken() throws Exception {
        OkHttpClient loggedIn = TestClients.withSession(app, "glennr");
        clients.add(loggedIn);
        DeadPage settings = DeadPage.fetch(loggedIn, app.baseUrl().resolve("/profile/settings"));
        OkHttpClient anonymous = client();
        DeadPage counter = DeadPage.fetch(anonymous, app.baseUrl().resolve("/counter"));
        LiveTestSocket socket = track(LiveTestSocket.open(anonymous, app.baseUrl(), counter.csrfToken()));
        return socket.join(settings.topic(), joinPayload(settings, 0)).get(4).get("response").get("redirect").get("flash").asText();
    }

    private static ObjectNode formEvent(String event, String value, String target) {
        ObjectNode payload = JSON.objectNode().put("type", "form").put("event", event).put("value", value);
        ObjectNode meta = payload.putObject("meta");
        if (target != null) {
            meta.put("_target", target);
            payload.set("uploads", JSON.objectNode());
        }
        return payload;
    }

    /** Applies one stream insert to a list of DOM ids the way the client does: insert at the position, then keep the limit. */
    private static void applyStreamInsert(List<String> list, String id, int at, int limit) {
        list.remove(id);
        if (at == -1) {
            list.add(id);
        } else {
            list.add(Math.min(at, list.size()), id);
        }
        if (limit > 0) {
            while (list.size() > limit) {
                list.remove(list.size() - 1);
            }
        } else if (limit < 0) {
            while (list.size() > -limit) {
                list.remove(0);
            }
        }
    }

    private static int indexOf(List<JsonNode> frames, java.util.function.Predicate<JsonNode> matcher) {
        for (int i = 0; i < frames.size(); i++) {
            if (matcher.test(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private OkHttpClient client() {
        OkHttpClient client = TestClients.browser();
        clients.add(client);
        return client;
    }

    private LiveTestSocket track(LiveTestSocket socket) {
        opened.add(socket);
        return socket;
    }
}
