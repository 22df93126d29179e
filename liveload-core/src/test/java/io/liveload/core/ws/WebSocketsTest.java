package io.liveload.core.ws;

import static io.liveload.core.testing.ScriptRuns.counter;
import static io.liveload.core.testing.ScriptRuns.errorCount;
import static io.liveload.core.testing.ScriptRuns.options;
import static io.liveload.core.testing.ScriptRuns.runOnce;
import static io.liveload.core.testing.ScriptRuns.trendCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.liveload.core.ConfigurationException;
import io.liveload.core.RunResult;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.testing.LocalWebSocketServer;
import io.liveload.core.testing.LocalWebSocketServer.Close;
import io.liveload.core.testing.LocalWebSocketServer.Upgrade;
import io.liveload.core.testing.ScriptRuns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSocketsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private LocalWebSocketServer server;

    @BeforeEach
    void startServer() {
        server = new LocalWebSocketServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void echoRoundTrip() {
        AtomicReference<String> text = new AtomicReference<>();
        AtomicReference<byte[]> bytes = new AtomicReference<>();
        AtomicReference<WsClose> close = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect(server.wsUrl("/echo"));
            session.send("hello");
            text.set(session.receive(WAIT).orElseThrow().text());
            session.sendBinary(new byte[] {7, 8, 9});
            bytes.set(session.receive(WAIT).orElseThrow().bytes());
            close.set(session.close(1000, "done").orElseThrow());
        });

        assertThat(text.get()).isEqualTo("hello");
        assertThat(bytes.get()).containsExactly(7, 8, 9);
        assertThat(close.get()).isEqualTo(new WsClose(1000, "done", true, null, null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.closes()).containsExactly(new Close(1000, "done")));
        assertThat(counter(result, "ws_sessions")).isEqualTo(1);
        assertThat(counter(result, "ws_msgs_sent")).isEqualTo(2);
        assertThat(counter(result, "ws_msgs_received")).isEqualTo(2);
        assertThat(trendCount(result, "ws_connecting")).isEqualTo(1);
        assertThat(trendCount(result, "ws_session_duration")).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void samplesCarryTags() {
        String url = server.wsUrl("/echo");

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            vu.ws().connect(url + "?token=secret", ws -> ws.tag("kind", "chat")).close();
            vu.ws().connect(url, ws -> ws.name("named")).close();
        });

        TagSet unnamed = TagSet.of("url", url, "name", url, "status", "101", "scenario", "default", "kind", "chat");
        TagSet named = TagSet.of("name", "named", "status", "101");
        assertThat(counter(result, "ws_sessions", unnamed)).isEqualTo(1);
        assertThat(counter(result, "ws_sessions", named)).isEqualTo(1);
        assertThat(result.metrics().series("ws_sessions"))
                .allSatisfy(series -> assertThat(series.tags().asMap().values()).noneMatch(v -> v.contains("secret")));
    }

    @Test
    void dataCountsBytes() {
        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect(server.wsUrl("/echo"));
            session.send("x".repeat(1000));
            session.receive(WAIT).orElseThrow();
            session.close();
        });

        assertThat(counter(result, "data_sent")).isGreaterThan(1000 + 4 + 4);
        assertThat(counter(result, "data_received")).isGreaterThan(1000 + 4);
    }

    @Test
    void rejectedUpgradeKeepsStatus() {
        AtomicReference<WsSession> rejected = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> rejected.set(vu.ws().connect("/reject")));

        WsSession session = rejected.get();
        assertThat(session.status()).isEqualTo(403);
        assertThat(session.state()).isEqualTo(WsSession.State.CLOSED);
        assertThat(session.closeInfo().orElseThrow().error()).isEqualTo(WsErrorCode.HANDSHAKE_REJECTED);
        assertThat(session.send("lost")).isFalse();
        TagSet rejectedTags = TagSet.of("status", "403", "error_code", "handshake_rejected");
        assertThat(counter(result, "ws_sessions", rejectedTags)).isEqualTo(1);
        assertThat(ScriptRuns.rate(result, "ws_session_failed", rejectedTags.with("close_code", "1006")))
                .isEqualTo(new RateValue(1, 0));
        assertThat(trendCount(result, "ws_session_duration")).isZero();
        assertThat(ScriptRuns.errors(result, "ws", "handshake_rejected")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("HTTP 403"));
    }

    @Test
    void refusedConnectFails() {
        int closedPort = server.port();
        server.close();
        AtomicReference<WsSession> failed = new AtomicReference<>();

        RunResult result = runOnce(options("http://127.0.0.1:" + closedPort), vu -> failed.set(vu.ws().connect("/echo")));

        assertThat(failed.get().status()).isZero();
        assertThat(failed.get().closeInfo().orElseThrow().error()).isEqualTo(WsErrorCode.CONNECT_FAILED);
        assertThat(errorCount(result, "ws", "connect_failed")).isEqualTo(1);
        assertThat(counter(result, "ws_sessions", TagSet.of("status", "0"))).isEqualTo(1);
    }

    @Test
    void upgradeSendsHeadersAndCookies() {
        AtomicReference<String> subprotocol = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            vu.http().cookies().add("session", "abc");
            WsSession session = vu.ws().connect("/echo", ws -> ws
                    .origin("http://127.0.0.1:4000")
                    .header("Cookie", "extra=1")
                    .subprotocols("chat.v2", "chat.v1"));
            subprotocol.set(session.subprotocol());
            session.close();
        });

        Upgrade upgrade = server.upgrades().get(0);
        assertThat(upgrade.origin()).isEqualTo("http://127.0.0.1:4000");
        assertThat(upgrade.cookie()).contains("session=abc");
        assertThat(upgrade.cookie()).contains("extra=1");
        assertThat(upgrade.subprotocols()).containsExactly("chat.v2", "chat.v1");
        assertThat(upgrade.userAgent()).startsWith("liveload/");
        assertThat(subprotocol.get()).isEqualTo("chat.v2");
    }

    @Test
    void hostOutsideAllowedHostsRejected() {
        var options = options(server.baseUrl()).withAllowedHosts(Set.of("localhost"));

        assertThatThrownBy(() -> runOnce(options, vu -> vu.ws().connect("/echo")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(server.upgrades()).isEmpty();
    }

    @Test
    void sessionKeptAcrossIterations() {
        List<String> echoes = new CopyOnWriteArrayList<>();

        RunResult result = ScriptRuns.run(options(server.baseUrl()), new PerVuIterations(1, 2), vu -> {
            WsSession session = vu.getOrCreate("echo", () -> vu.ws().connect("/echo"));
            session.send("iteration " + vu.iteration());
            echoes.add(session.receive(WAIT).orElseThrow().text());
        });

        assertThat(echoes).containsExactly("iteration 0", "iteration 1");
        assertThat(server.acceptedConnections()).isEqualTo(1);
        assertThat(counter(result, "ws_sessions")).isEqualTo(1);
    }

    @Test
    void iterationEndClosesSessions() {
        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            vu.ws().connect("/echo");
            vu.ws().connect("/echo");
        });

        await().atMost(WAIT).until(() -> server.openConnections() == 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.closes())
                .containsExactly(new Close(1001, "session no longer used"), new Close(1001, "session no longer used")));
        assertThat(trendCount(result, "ws_session_duration")).isEqualTo(2);
    }

    @Test
    void vuEndClosesKeptSessions() {
        runOnce(options(server.baseUrl()), vu -> vu.getOrCreate("kept", () -> vu.ws().connect("/echo")));

        await().atMost(WAIT).until(() -> server.openConnections() == 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.closes()).hasSize(1));
        assertThat(server.closes().get(0).code()).isEqualTo(1001);
    }

    @Test
    void serverCloseReported() {
        AtomicReference<WsClose> close = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo");
            session.send("close:4000");
            close.set(session.awaitClose(WAIT).orElseThrow());
        });

        String detail = "the server closed the session with unexpected close code 4000, reason \"bye\"";
        assertThat(close.get()).isEqualTo(new WsClose(4000, "bye", false, WsErrorCode.UNEXPECTED_CLOSE, detail));
        TagSet failed = TagSet.of("close_code", "4000", "error_code", "unexpected_close", "status", "101");
        assertThat(ScriptRuns.rate(result, "ws_session_failed", failed)).isEqualTo(new RateValue(1, 0));
        assertThat(ScriptRuns.errors(result, "ws", "unexpected_close")).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("the server closed the session with"
                        + " unexpected close code 4000 (" + server.wsUrl("/echo") + ")"));
    }

    @Test
    void expectedCloseCodeNotFailed() {
        AtomicReference<WsClose> close = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo", ws -> ws.expectCloseCodes(1000, 4000));
            session.send("close:4000");
            close.set(session.awaitClose(WAIT).orElseThrow());
        });

        assertThat(close.get()).isEqualTo(new WsClose(4000, "bye", false, null, null));
        assertThat(ScriptRuns.rate(result, "ws_session_failed", TagSet.of("close_code", "4000")))
                .isEqualTo(new RateValue(0, 1));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void normalCloseNotFailed() {
        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            vu.ws().connect("/echo").close();
            vu.ws().connect("/echo").send("close:1001");
            vu.ws().connect("/echo");
        });

        assertThat(ScriptRuns.rate(result, "ws_session_failed", TagSet.of("close_code", "1000")))
                .isEqualTo(new RateValue(0, 1));
        assertThat(ScriptRuns.rate(result, "ws_session_failed", TagSet.of("close_code", "1001")))
                .isEqualTo(new RateValue(0, 2));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void invalidExpectedCloseCodeRejected() {
        runOnce(options(server.baseUrl()), vu -> assertThatThrownBy(() -> vu.ws().connect("/echo",
                ws -> ws.expectCloseCodes(1000, 999))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999"));
    }

    @Test
    void inboxDropsOldestWhenFull() {
        AtomicReference<List<String>> remaining = new AtomicReference<>();
        AtomicReference<Long> dropped = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo", ws -> ws.inboxCapacity(3));
            session.send("burst:5");
            vu.sleep(Duration.ofMillis(300));
            remaining.set(List.of(session.receive(WAIT).orElseThrow().text(), session.receive(WAIT).orElseThrow().text(),
                    session.receive(WAIT).orElseThrow().text()));
            dropped.set(session.droppedMessages());
            session.close();
        });

        assertThat(remaining.get()).containsExactly("m3", "m4", "m5");
        assertThat(dropped.get()).isEqualTo(2);
        assertThat(errorCount(result, "ws", "inbox_overflow")).isEqualTo(2);
    }

    @Test
    void awaitSkipsToMatch() {
        AtomicReference<Optional<WsMessage>> match = new AtomicReference<>();
        AtomicReference<Optional<WsMessage>> next = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo");
            session.send("burst:5");
            match.set(session.await(message -> message.text().equals("m4"), WAIT));
            next.set(session.receive(WAIT));
            session.close();
        });

        assertThat(match.get().orElseThrow().text()).isEqualTo("m4");
        assertThat(next.get().orElseThrow().text()).isEqualTo("m5");
    }

    @Test
    void receiveTimesOutEmpty() {
        AtomicReference<Optional<WsMessage>> nothing = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo");
            nothing.set(session.receive(Duration.ofMillis(100)));
            session.close();
        });

        assertThat(nothing.get()).isEmpty();
    }

    @Test
    void listenerSeesLifecycle() {
        List<String> events = new CopyOnWriteArrayList<>();
        WsListener listener = new WsListener() {
            @Override
            public void onOpen(WsSession session) {
                events.add("open");
            }

            @Override
            public void onMessage(WsSession session, WsMessage message) {
                events.add("message " + message.text());
            }

            @Override
            public void onClose(WsSession session, WsClose close) {
                events.add("close " + close.code());
            }
        };

        runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo", ws -> ws.listener(listener));
            session.send("one");
            vu.sleep(Duration.ofMillis(200));
            session.close();
        });

        assertThat(events).containsExactly("open", "message one", "close 1000");
    }

    @Test
    void listenerSessionKeepsNoInbox() {
        runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo", ws -> ws.listener(new WsListener() { }));
            assertThatThrownBy(() -> session.receive(WAIT)).isInstanceOf(IllegalStateException.class);
            session.close();
        });
    }

    @Test
    void pingMeasuresRoundTrip() {
        AtomicReference<Optional<Duration>> roundTrip = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo");
            roundTrip.set(session.ping(WAIT));
            session.send("after ping");
            session.receive(WAIT).orElseThrow();
            session.close();
        });

        assertThat(roundTrip.get()).isPresent();
        assertThat(trendCount(result, "ws_ping")).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void idleSessionOutlivesHttpTimeout() {
        AtomicReference<String> echo = new AtomicReference<>();

        runOnce(options(server.baseUrl()).withHttpTimeout(Duration.ofMillis(300)), vu -> {
            WsSession session = vu.ws().connect("/echo");
            vu.sleep(Duration.ofMillis(800));
            session.send("still here");
            echo.set(session.receive(WAIT).map(WsMessage::text).orElse("nothing"));
            session.close();
        });

        assertThat(echo.get()).isEqualTo("still here");
    }

    @Test
    void invalidCloseCodeRejected() {
        runOnce(options(server.baseUrl()), vu -> {
            WsSession session = vu.ws().connect("/echo");
            assertThatThrownBy(() -> session.close(1005, "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1005");
            assertThat(session.isOpen()).isTrue();
            session.close();
        });
    }
}
