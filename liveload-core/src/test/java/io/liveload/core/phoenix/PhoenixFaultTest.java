package io.liveload.core.phoenix;

import static io.liveload.core.testing.ScriptRuns.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.liveload.core.RunResult;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.dsl.PlanBuilder;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.report.SummaryText;
import io.liveload.core.testing.LogCapture;
import io.liveload.core.testing.PhoenixFaultEndpoint.Join;
import io.liveload.core.testing.WebSocketFaultServer;
import io.liveload.core.testing.WebSocketFaultServer.Close;
import io.liveload.core.testing.WebSocketFaultServer.Upgrade;
import io.liveload.core.threshold.ThresholdResult;
import io.liveload.core.ws.WsClose;
import io.liveload.core.ws.WsErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Phoenix endpoints of {@link WebSocketFaultServer} that send invalid JSON or never reply to heartbeats, in real
 * runs of 2 VUs: the faults are counted and reported once with their count, the sockets close, reconnect and
 * rejoin as phoenix.js does, and the healthy sockets of the same run succeed.
 */
@Timeout(60)
class PhoenixFaultTest {

    private static final int VUS = 2;
    private static final int ITERATIONS_PER_VU = 2;
    private static final int FAULTS = VUS * ITERATIONS_PER_VU;
    private static final Duration HEARTBEAT = Duration.ofMillis(150);
    private static final Duration BACKOFF = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String SOCKET_PATH = "/phoenix/websocket";

    private WebSocketFaultServer server;

    @BeforeEach
    void startServer() {
        server = new WebSocketFaultServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private PlanBuilder plan(String testName) {
        return Liveload.plan(testName).baseUrl(server.baseUrl()).progress(RunOptions.Progress.OFF);
    }

    private String socketUrl() {
        return server.wsUrl(SOCKET_PATH);
    }

    @Test
    void invalidJsonDroppedAndCounted() {
        String message = "malformed frame dropped: text frame is not valid JSON (" + socketUrl() + ")";
        RunResult result;
        List<String> firstLogLines;
        List<String> countLogLines;
        try (LogCapture log = LogCapture.start()) {
            result = plan("phx-invalid-json")
                    .scenario("rooms", s -> s.perVuIterations(ITERATIONS_PER_VU).vus(VUS).exec(vu -> {
                        PhoenixSocket socket = vu.phoenix().connect("/phoenix",
                                phx -> phx.param("fault", "invalid-json"));
                        Channel room = socket.channel("room:" + vu.id());
                        vu.check(room.join(Map.of()).await(), "joined", Reply::isOk);
                        vu.check(room.push("echo", Map.of("n", 1)).await(), "echoed", Reply::isOk);
                        socket.close();
                    }))
                    .threshold("checks", "rate == 1")
                    .run();
            firstLogLines = log.linesContaining("[phx-invalid-json]", message, "logged once");
            countLogLines = log.linesContaining("[phx-invalid-json]", message, "happened " + FAULTS + " times");
        }

        assertThat(result.passed()).isTrue();
        assertThat(rate(result, "checks", TagSet.EMPTY)).isEqualTo(new RateValue(2 * FAULTS, 0));
        assertThat(rate(result, "ws_session_failed", TagSet.EMPTY)).isEqualTo(new RateValue(0, FAULTS));
        assertThat(server.phoenix().joins()).hasSize(FAULTS);
        assertThat(result.errors()).containsExactly(new ErrorCount("phoenix", "malformed_frame", message, FAULTS));
        assertThat(SummaryText.render(result, SummaryText.Marks.ASCII).lines().map(String::trim))
                .contains(FAULTS + "  phoenix malformed_frame: " + message);
        assertThat(firstLogLines).hasSize(1);
        assertThat(countLogLines).hasSize(1);
    }

    @Test
    void heartbeatTimeoutReportedWithoutReconnect() {
        String detail = "no heartbeat reply within 150ms, so the socket was closed";
        Queue<WsClose> closes = new ConcurrentLinkedQueue<>();
        Queue<PhoenixSocket.State> states = new ConcurrentLinkedQueue<>();
        Queue<Duration> openTimes = new ConcurrentLinkedQueue<>();
        Queue<Reply> healthyReplies = new ConcurrentLinkedQueue<>();
        RunResult result;
        List<String> logLines;
        try (LogCapture log = LogCapture.start()) {
            result = plan("phx-heartbeat-off")
                    .scenario("dead", s -> s.perVuIterations(ITERATIONS_PER_VU).vus(VUS).exec(vu -> {
                        long connectNanos = System.nanoTime();
                        PhoenixSocket dead = vu.phoenix().connect("/phoenix", phx -> phx
                                .param("fault", "no-heartbeat-reply")
                                .heartbeatInterval(HEARTBEAT)
                                .reconnect(false));
                        dead.channel("room:" + vu.id()).join(Map.of()).await();
                        closes.add(dead.closeFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                        openTimes.add(Duration.ofNanos(System.nanoTime() - connectNanos));
                        states.add(dead.state());

                        PhoenixSocket healthy = vu.phoenix().connect("/phoenix",
                                phx -> phx.heartbeatInterval(HEARTBEAT));
                        Channel room = healthy.channel("room:" + vu.id());
                        room.join(Map.of()).await();
                        healthyReplies.add(room.push("echo", Map.of()).await());
                        healthy.close();
                    }))
                    .threshold("ws_session_failed", "rate < 0.1")
                    .run();
            logLines = log.linesContaining("[phx-heartbeat-off]", detail);
        }

        String message = detail + " (" + socketUrl() + ")";
        WsClose expected = new WsClose(1000, "heartbeat timeout", true, WsErrorCode.HEARTBEAT_TIMEOUT, detail);
        assertThat(closes).containsOnly(expected).hasSize(FAULTS);
        assertThat(states).containsOnly(PhoenixSocket.State.CLOSED).hasSize(FAULTS);
        assertThat(openTimes).allSatisfy(open -> assertThat(open).isGreaterThanOrEqualTo(HEARTBEAT.multipliedBy(2)));
        assertThat(healthyReplies).extracting(Reply::status).containsOnly(Reply.OK).hasSize(FAULTS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.closes())
                .filteredOn(close -> close.reason().equals("heartbeat timeout"))
                .containsOnly(new Close(SOCKET_PATH, 1000, "heartbeat timeout")).hasSize(FAULTS));

        TagSet failedTags = TagSet.of("error_code", "heartbeat_timeout", "close_code", "1000");
        assertThat(rate(result, "ws_session_failed", failedTags)).isEqualTo(new RateValue(FAULTS, 0));
        assertThat(rate(result, "ws_session_failed", TagSet.EMPTY)).isEqualTo(new RateValue(FAULTS, FAULTS));
        assertThat(result.errors()).containsExactly(new ErrorCount("ws", "heartbeat_timeout", message, FAULTS));
        assertThat(SummaryText.render(result, SummaryText.Marks.ASCII).lines().map(String::trim))
                .contains(FAULTS + "  ws heartbeat_timeout: " + message);
        assertThat(result.failedThresholds()).extracting(ThresholdResult::describe)
                .containsExactly("ws_session_failed rate < 0.1: observed 0.5 (50.00%)");
        assertThat(logLines).hasSize(2);
    }

    @Test
    void abruptCloseReconnectsAndRejoins() {
        Queue<Integer> reconnects = new ConcurrentLinkedQueue<>();
        Queue<Reply> afterRejoin = new ConcurrentLinkedQueue<>();
        RunResult result = plan("phx-abrupt-reconnect")
                .scenario("revived", s -> s.perVuIterations(1).vus(VUS).exec(vu -> {
                    PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx
                            .param("fault", "abrupt-once")
                            .param("client", "vu-" + vu.id())
                            .reconnectBackoff(BACKOFF));
                    Channel room = socket.channel("room:" + vu.id());
                    room.join(Map.of()).await();
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while ((socket.reconnects() == 0 || room.state() != Channel.State.JOINED)
                            && System.nanoTime() < deadline) {
                        vu.sleep(Duration.ofMillis(20));
                    }
                    reconnects.add(socket.reconnects());
                    afterRejoin.add(room.push("echo", Map.of()).await());
                    socket.close();
                }))
                .run();

        assertThat(reconnects).containsOnly(1).hasSize(VUS);
        assertThat(afterRejoin).extracting(Reply::status).containsOnly(Reply.OK).hasSize(VUS);
        for (int vu = 1; vu <= VUS; vu++) {
            String client = "vu-" + vu;
            assertThat(server.phoenix().joins()).filteredOn(join -> join.client().equals(client))
                    .extracting(Join::connection).containsExactly(1, 2);
            List<Upgrade> upgrades = upgradesOf(client);
            assertThat(upgrades).hasSize(2);
            Duration pause = Duration.ofNanos(upgrades.get(1).atNanos() - upgrades.get(0).atNanos());
            assertThat(pause).isGreaterThanOrEqualTo(BACKOFF);
        }
        TagSet failedTags = TagSet.of("error_code", "connection_lost", "close_code", "1006");
        assertThat(rate(result, "ws_session_failed", failedTags)).isEqualTo(new RateValue(VUS, 0));
        assertThat(rate(result, "ws_session_failed", TagSet.EMPTY)).isEqualTo(new RateValue(VUS, VUS));
        assertThat(result.errors()).containsExactly(new ErrorCount("ws", "connection_lost",
                "connection lost without a close frame (" + socketUrl() + ")", VUS));
    }

    @Test
    void rejectedReconnectsEndSocket() {
        int attempts = 3;
        Queue<PhoenixSocket> sockets = new ConcurrentLinkedQueue<>();
        Queue<Channel.State> channelStates = new ConcurrentLinkedQueue<>();
        RunResult result = plan("phx-rejected-reconnect")
                .scenario("refused", s -> s.perVuIterations(1).vus(VUS).exec(vu -> {
                    PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx
                            .param("fault", "abrupt-then-reject")
                            .param("client", "vu-" + vu.id())
                            .reconnectBackoff(Duration.ofMillis(50))
                            .maxReconnectAttempts(attempts));
                    Channel room = socket.channel("room:" + vu.id());
                    room.join(Map.of()).await();
                    socket.closeFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    sockets.add(socket);
                    channelStates.add(room.state());
                }))
                .run();

        assertThat(sockets).hasSize(VUS).allSatisfy(socket -> {
            assertThat(socket.state()).isEqualTo(PhoenixSocket.State.CLOSED);
            assertThat(socket.status()).isEqualTo(403);
            assertThat(socket.reconnects()).isZero();
            assertThat(socket.lastClose().orElseThrow().error()).isEqualTo(WsErrorCode.HANDSHAKE_REJECTED);
        });
        assertThat(channelStates).containsOnly(Channel.State.CLOSED).hasSize(VUS);
        for (int vu = 1; vu <= VUS; vu++) {
            assertThat(upgradesOf("vu-" + vu)).hasSize(1 + attempts);
        }
        TagSet rejectedTags = TagSet.of("error_code", "handshake_rejected", "status", "403");
        assertThat(rate(result, "ws_session_failed", rejectedTags)).isEqualTo(new RateValue(VUS * attempts, 0));
        assertThat(result.errors()).extracting(ErrorCount::code, ErrorCount::count).containsExactly(
                tuple("handshake_rejected", (long) VUS * attempts), tuple("connection_lost", (long) VUS));
    }

    private List<Upgrade> upgradesOf(String client) {
        return server.upgrades().stream().filter(upgrade -> upgrade.query().contains("client=" + client)).toList();
    }

    @Test
    void heartbeatTimeoutReconnectsAndRejoins() {
        Queue<Integer> reconnects = new ConcurrentLinkedQueue<>();
        Queue<Reply> afterRejoin = new ConcurrentLinkedQueue<>();
        RunResult result = plan("phx-heartbeat-reconnect")
                .scenario("revived", s -> s.perVuIterations(1).vus(VUS).exec(vu -> {
                    PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx
                            .param("fault", "no-heartbeat-reply-once")
                            .param("client", "vu-" + vu.id())
                            .heartbeatInterval(HEARTBEAT)
                            .reconnectBackoff(BACKOFF));
                    Channel room = socket.channel("room:" + vu.id());
                    room.join(Map.of()).await();
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while ((socket.reconnects() == 0 || room.state() != Channel.State.JOINED)
                            && System.nanoTime() < deadline) {
                        vu.sleep(Duration.ofMillis(20));
                    }
                    reconnects.add(socket.reconnects());
                    afterRejoin.add(room.push("echo", Map.of()).await());
                    socket.close();
                }))
                .run();

        assertThat(reconnects).containsOnly(1).hasSize(VUS);
        assertThat(afterRejoin).extracting(Reply::status).containsOnly(Reply.OK).hasSize(VUS);
        for (int vu = 1; vu <= VUS; vu++) {
            String client = "vu-" + vu;
            assertThat(server.phoenix().joins()).filteredOn(join -> join.client().equals(client))
                    .extracting(Join::connection).containsExactly(1, 2);
            List<Upgrade> upgrades = upgradesOf(client);
            assertThat(upgrades).hasSize(2);
            Duration pause = Duration.ofNanos(upgrades.get(1).atNanos() - upgrades.get(0).atNanos());
            assertThat(pause).isGreaterThanOrEqualTo(HEARTBEAT.multipliedBy(2).plus(BACKOFF));
        }
        TagSet failedTags = TagSet.of("error_code", "heartbeat_timeout");
        assertThat(rate(result, "ws_session_failed", failedTags)).isEqualTo(new RateValue(VUS, 0));
        assertThat(rate(result, "ws_session_failed", TagSet.EMPTY)).isEqualTo(new RateValue(VUS, VUS));
        assertThat(result.errors()).extracting(ErrorCount::category, ErrorCount::code, ErrorCount::count)
                .containsExactly(tuple("ws", "heartbeat_timeout", (long) VUS));
    }
}
