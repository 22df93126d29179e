package io.liveload.core.ws;

import static io.liveload.core.dsl.Liveload.abortOnFail;
import static io.liveload.core.testing.ScriptRuns.counter;
import static io.liveload.core.testing.ScriptRuns.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.liveload.core.RunResult;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.dsl.PlanBuilder;
import io.liveload.core.engine.Engine;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.report.SummaryText;
import io.liveload.core.testing.LogCapture;
import io.liveload.core.testing.WebSocketFaultServer;
import io.liveload.core.testing.WebSocketFaultServer.Close;
import io.liveload.core.threshold.ThresholdResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fault of {@link WebSocketFaultServer} in a real run: 2 VUs run 2 iterations each, and every iteration
 * connects to the fault and then to {@code /echo}. The faults are counted with their error code on the session,
 * in {@code ws_session_failed} and in the error list, the healthy sessions of the same run succeed, and the log
 * names each fault once with its count.
 */
@Timeout(60)
class WebSocketFaultTest {

    private static final int VUS = 2;
    private static final int ITERATIONS_PER_VU = 2;
    private static final int FAULTS = VUS * ITERATIONS_PER_VU;
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    private WebSocketFaultServer server;

    /**
     * One fault and what it must produce.
     *
     * @param name        names the case and the run
     * @param path        the route, with its query
     * @param clientClose whether the script closes the session, for a server that never returns a close frame
     * @param status      the upgrade's HTTP status the session reports
     * @param expected    the session's close, without its error message
     * @param message     the error list's message before the URL
     * @param messages    how many messages the server sends before the fault
     */
    record Fault(String name, String path, boolean clientClose, int status, WsClose expected, String message,
                 int messages) {

        @Override
        public String toString() {
            return name;
        }

        String route() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    private static WsClose expectedClose(int code, String reason, boolean byClient, WsErrorCode error) {
        return new WsClose(code, reason, byClient, error, "-");
    }

    static Stream<Fault> faults() {
        String lost = "connection lost without a close frame";
        String invalid = "invalid websocket frame or upgrade response";
        return Stream.of(
                new Fault("abrupt", "/abrupt", false, 101,
                        expectedClose(1006, "", false, WsErrorCode.CONNECTION_LOST), lost, 0),
                new Fault("abrupt-after-messages", "/abrupt?messages=3", false, 101,
                        expectedClose(1006, "", false, WsErrorCode.CONNECTION_LOST), lost, 3),
                new Fault("reset", "/abrupt?reset=true", false, 101,
                        expectedClose(1006, "", false, WsErrorCode.CONNECTION_LOST), lost, 0),
                serverClose(1002, "protocol error"),
                serverClose(1003, "unsupported data"),
                serverClose(1008, "policy violation"),
                serverClose(1009, "message too big"),
                serverClose(1011, "internal error"),
                serverClose(4000, "application error"),
                serverClose(4999, ""),
                rejected(403),
                rejected(500),
                rejected(200),
                new Fault("bad-accept", "/bad-accept", false, 101,
                        expectedClose(1006, "", false, WsErrorCode.PROTOCOL_ERROR), invalid, 0),
                new Fault("masked-frame", "/masked", false, 101,
                        expectedClose(1006, "", false, WsErrorCode.PROTOCOL_ERROR), invalid, 0),
                new Fault("reserved-close-code", "/close?code=1005", false, 101,
                        expectedClose(1006, "", false, WsErrorCode.PROTOCOL_ERROR), invalid, 0),
                interrupted("dropped-upgrade", "/drop-upgrade"),
                interrupted("reset-upgrade", "/drop-upgrade?reset=true"),
                interrupted("truncated-upgrade", "/truncated-upgrade"),
                new Fault("stalled-upgrade", "/stall-upgrade", false, 0,
                        expectedClose(1006, "", true, WsErrorCode.CONNECT_TIMEOUT), "connect or upgrade timed out", 0),
                new Fault("close-unanswered", "/silent", true, 101,
                        expectedClose(1006, "", true, WsErrorCode.CLOSE_TIMEOUT),
                        "the server did not answer the close frame in time, so the connection was cancelled", 0));
    }

    private static Fault serverClose(int code, String reason) {
        String query = "/close?code=" + code + (reason.isEmpty() ? "" : "&reason=" + reason.replace(' ', '+'));
        String message = "the server closed the session with unexpected close code " + code;
        return new Fault("close-" + code, query, false, 101,
                expectedClose(code, reason, false, WsErrorCode.UNEXPECTED_CLOSE), message, 0);
    }

    private static Fault interrupted(String name, String path) {
        return new Fault(name, path, false, 0, expectedClose(1006, "", false, WsErrorCode.UPGRADE_INTERRUPTED),
                "the connection ended before the upgrade response was complete", 0);
    }

    private static Fault rejected(int status) {
        return new Fault("upgrade-" + status, "/status?code=" + status, false, status,
                expectedClose(1006, "", false, WsErrorCode.HANDSHAKE_REJECTED),
                "the server rejected the websocket upgrade with HTTP " + status, 0);
    }

    @BeforeEach
    void startServer() {
        server = new WebSocketFaultServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private RunOptions options(String testName) {
        return RunOptions.defaults(testName).withBaseUrl(server.baseUrl()).withProgress(RunOptions.Progress.OFF);
    }

    private PlanBuilder plan(String testName) {
        return Liveload.plan(testName).baseUrl(server.baseUrl()).progress(RunOptions.Progress.OFF);
    }

    /** Returns the close without its error message, which contains OkHttp's exception texts. */
    private static WsClose withoutMessage(WsClose close) {
        return new WsClose(close.code(), close.reason(), close.byClient(), close.error(),
                close.error() == null ? null : "-");
    }

    private RunResult runFault(Fault fault, Queue<WsClose> closes, Queue<Integer> statuses, Queue<String> echoes) {
        LoadPlan plan = LoadPlan.of(new PerVuIterations(VUS, ITERATIONS_PER_VU), vu -> {
            WsSession faulty = vu.ws().connect(fault.path(), ws -> ws
                    .connectTimeout(SHORT_TIMEOUT)
                    .closeTimeout(SHORT_TIMEOUT));
            statuses.add(faulty.status());
            if (fault.clientClose()) {
                faulty.closeAsync(WsClose.NORMAL, "");
            }
            faulty.awaitClose(WAIT).map(WebSocketFaultTest::withoutMessage).ifPresent(closes::add);

            WsSession healthy = vu.ws().connect("/echo");
            healthy.send("still here");
            healthy.receive(WAIT).map(WsMessage::text).ifPresent(echoes::add);
            healthy.close();
        }, List.of(), options("ws-fault-" + fault.name()));
        return Engine.run(plan);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultCountedAndReported(Fault fault) {
        Queue<WsClose> closes = new ConcurrentLinkedQueue<>();
        Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
        Queue<String> echoes = new ConcurrentLinkedQueue<>();
        String run = "[ws-fault-" + fault.name() + "]";
        String message = fault.message() + " (" + server.wsUrl(fault.route()) + ")";
        RunResult result;
        List<String> firstLogLines;
        List<String> countLogLines;
        List<String> allLogLines;
        try (LogCapture log = LogCapture.start()) {
            result = runFault(fault, closes, statuses, echoes);
            firstLogLines = log.linesContaining(run, message, "logged once");
            countLogLines = log.linesContaining(run, message, "happened " + FAULTS + " times");
            allLogLines = log.linesContaining(run, fault.message());
        }

        String errorCode = fault.expected().error().code();
        TagSet faultTags = TagSet.of("name", server.wsUrl(fault.route()), "status", String.valueOf(fault.status()));
        TagSet failedTags = faultTags.with("error_code", errorCode)
                .with("close_code", String.valueOf(fault.expected().code()));
        assertThat(closes).containsOnly(fault.expected()).hasSize(FAULTS);
        assertThat(statuses).containsOnly(fault.status()).hasSize(FAULTS);
        assertThat(counter(result, "ws_sessions", faultTags)).isEqualTo(FAULTS);
        assertThat(rate(result, "ws_session_failed", failedTags)).isEqualTo(new RateValue(FAULTS, 0));
        assertThat(counter(result, "ws_msgs_received", faultTags)).isEqualTo(FAULTS * fault.messages());
        if (fault.status() != 101) {
            assertThat(counter(result, "ws_sessions", faultTags.with("error_code", errorCode))).isEqualTo(FAULTS);
        }

        TagSet healthyTags = TagSet.of("name", server.wsUrl("/echo"), "status", "101");
        assertThat(echoes).containsOnly("still here").hasSize(FAULTS);
        assertThat(counter(result, "ws_sessions", healthyTags)).isEqualTo(FAULTS);
        assertThat(rate(result, "ws_session_failed", healthyTags)).isEqualTo(new RateValue(0, FAULTS));
        assertThat(rate(result, "ws_session_failed", TagSet.EMPTY)).isEqualTo(new RateValue(FAULTS, FAULTS));
        assertThat(result.scenarios().get(0).completeIterations()).isEqualTo(FAULTS);
        assertThat(server.upgradeCount(fault.route())).isEqualTo(FAULTS);

        assertThat(result.errors()).containsExactly(new ErrorCount("ws", errorCode, message, FAULTS));
        assertThat(SummaryText.render(result, SummaryText.Marks.ASCII).lines().map(String::trim))
                .contains("ERRORS (1 kind, " + FAULTS + " in total)", FAULTS + "  ws " + errorCode + ": " + message);

        assertThat(firstLogLines).hasSize(1);
        assertThat(countLogLines).hasSize(1);
        assertThat(allLogLines).hasSize(2);
        await().atMost(WAIT).until(() -> server.openConnections() == 0);
    }

    /**
     * Server closes that are no failure, also from a server that ends the TCP connection right after its close
     * frame instead of waiting for the client's.
     */
    @ParameterizedTest(name = "code {0}, server waits {1}")
    @CsvSource({"1000, true", "1001, true", "1000, false"})
    void normalServerCloseNotFailed(int code, boolean serverWaits) {
        Queue<WsClose> closes = new ConcurrentLinkedQueue<>();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(VUS, ITERATIONS_PER_VU), vu -> {
            WsSession session = vu.ws().connect("/close?code=" + code + "&reason=bye&wait=" + serverWaits);
            session.awaitClose(WAIT).ifPresent(closes::add);
        }, List.of(), options("ws-normal-close-" + code));

        RunResult result = Engine.run(plan);

        assertThat(closes).containsOnly(new WsClose(code, "bye", false, null, null)).hasSize(FAULTS);
        assertThat(rate(result, "ws_session_failed", TagSet.of("close_code", String.valueOf(code))))
                .isEqualTo(new RateValue(0, FAULTS));
        assertThat(result.errors()).isEmpty();
        if (serverWaits) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(server.closes())
                    .containsOnly(new Close("/close", code, "")).hasSize(FAULTS));
        }
    }

    @Test
    void perVuUrlsGroupedByName() {
        RunResult result;
        List<String> logLines;
        try (LogCapture log = LogCapture.start()) {
            LoadPlan plan = LoadPlan.of(new PerVuIterations(VUS, ITERATIONS_PER_VU), vu -> vu.ws()
                    .connect("/abrupt/" + vu.id(), ws -> ws.name("abrupt")).awaitClose(WAIT),
                    List.of(), options("ws-fault-named"));
            result = Engine.run(plan);
            logLines = log.linesContaining("[ws-fault-named]", "connection lost");
        }

        assertThat(server.upgrades()).extracting(upgrade -> upgrade.path()).containsOnly("/abrupt").hasSize(FAULTS);
        assertThat(result.errors()).containsExactly(new ErrorCount("ws", "connection_lost",
                "connection lost without a close frame (abrupt)", FAULTS));
        assertThat(logLines).hasSize(2);
    }

    @Test
    void closeReasonsKeptOutOfErrorKinds() {
        Queue<String> reasons = new ConcurrentLinkedQueue<>();
        RunResult result;
        List<String> logLines;
        try (LogCapture log = LogCapture.start()) {
            LoadPlan plan = LoadPlan.of(new PerVuIterations(VUS, ITERATIONS_PER_VU), vu -> vu.ws()
                    .connect("/close?code=1011&reason=unique").awaitClose(WAIT).map(WsClose::reason)
                    .ifPresent(reasons::add), List.of(), options("ws-fault-reasons"));
            result = Engine.run(plan);
            logLines = log.linesContaining("[ws-fault-reasons]", "unexpected close code 1011");
        }

        assertThat(reasons).doesNotHaveDuplicates().hasSize(FAULTS);
        assertThat(result.errors()).containsExactly(new ErrorCount("ws", "unexpected_close",
                "the server closed the session with unexpected close code 1011 (" + server.wsUrl("/close") + ")",
                FAULTS));
        assertThat(logLines).hasSize(2);
    }

    @Test
    void fragmentedMessagesReassembled() {
        int bytes = 100_003;
        String textPath = "/fragmented?bytes=" + bytes + "&parts=7";
        String binaryPath = textPath + "&binary=true";
        Queue<String> texts = new ConcurrentLinkedQueue<>();
        Queue<byte[]> binaries = new ConcurrentLinkedQueue<>();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(VUS, ITERATIONS_PER_VU), vu -> {
            WsSession text = vu.ws().connect(textPath);
            text.receive(WAIT).map(WsMessage::text).ifPresent(texts::add);
            text.close();
            WsSession binary = vu.ws().connect(binaryPath);
            binary.receive(WAIT).map(WsMessage::bytes).ifPresent(binaries::add);
            binary.close();
        }, List.of(), options("ws-fragmented"));

        RunResult result = Engine.run(plan);

        String expectedText = new String(expectedPayload(bytes, false), StandardCharsets.US_ASCII);
        byte[] expectedBinary = expectedPayload(bytes, true);
        assertThat(texts).containsOnly(expectedText).hasSize(FAULTS);
        assertThat(binaries).hasSize(FAULTS).allSatisfy(received -> assertThat(received).isEqualTo(expectedBinary));
        assertThat(counter(result, "ws_msgs_received")).isEqualTo(2 * FAULTS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.pongs())
                .containsOnly("between-fragments").hasSize(2 * FAULTS));
        assertThat(rate(result, "ws_session_failed", TagSet.EMPTY)).isEqualTo(new RateValue(0, 2 * FAULTS));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void largeFramesArriveIntact() {
        int bytes = 2 * 1024 * 1024;
        Queue<String> texts = new ConcurrentLinkedQueue<>();
        Queue<byte[]> binaries = new ConcurrentLinkedQueue<>();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(VUS, 1), vu -> {
            WsSession binary = vu.ws().connect("/large?bytes=" + bytes);
            binary.receive(WAIT).map(WsMessage::bytes).ifPresent(binaries::add);
            binary.close();
            WsSession text = vu.ws().connect("/large?binary=false&bytes=" + bytes);
            text.receive(WAIT).map(WsMessage::text).ifPresent(texts::add);
            text.close();
            WsSession fragmented = vu.ws().connect("/fragmented?binary=true&parts=16&bytes=" + bytes);
            fragmented.receive(WAIT).map(WsMessage::bytes).ifPresent(binaries::add);
            fragmented.close();
        }, List.of(), options("ws-large"));

        RunResult result = Engine.run(plan);

        byte[] expectedBinary = expectedPayload(bytes, true);
        String expectedText = new String(expectedPayload(bytes, false), StandardCharsets.US_ASCII);
        assertThat(binaries).hasSize(2 * VUS).allSatisfy(received -> assertThat(received).isEqualTo(expectedBinary));
        assertThat(texts).hasSize(VUS).allSatisfy(received -> assertThat(received).isEqualTo(expectedText));
        assertThat(counter(result, "data_received")).isGreaterThan(3.0 * VUS * bytes);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void serverPingsAnswered() {
        Queue<String> echoes = new ConcurrentLinkedQueue<>();
        LoadPlan plan = LoadPlan.of(new PerVuIterations(VUS, ITERATIONS_PER_VU), vu -> {
            WsSession session = vu.ws().connect("/ping?count=3");
            session.send("after pings");
            session.receive(WAIT).map(WsMessage::text).ifPresent(echoes::add);
            session.close();
        }, List.of(), options("ws-pings"));

        RunResult result = Engine.run(plan);

        assertThat(echoes).containsOnly("after pings").hasSize(FAULTS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.pongs()).hasSize(3 * FAULTS));
        for (String payload : List.of("ping-1", "ping-2", "ping-3")) {
            assertThat(Collections.frequency(server.pongs(), payload)).isEqualTo(FAULTS);
        }
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void thresholdsFailOnPiledUpFaults() {
        RunResult result = plan("ws-fault-thresholds")
                .scenario("flaky", s -> s.perVuIterations(ITERATIONS_PER_VU).vus(VUS).exec(vu -> {
                    vu.ws().connect("/abrupt").awaitClose(WAIT);
                    WsSession rejected = vu.ws().connect("/status?code=503");
                    vu.check(rejected, "upgraded", session -> session.status() == 101);
                    vu.ws().connect("/echo", ws -> ws.name("healthy")).close();
                    vu.ws().connect("/echo", ws -> ws.name("healthy")).close();
                }))
                .threshold("ws_session_failed", "rate < 0.1")
                .threshold("ws_sessions{error_code:handshake_rejected}", "count < 1")
                .threshold("checks", "rate == 1")
                .threshold("ws_session_failed{name:healthy}", "rate == 0")
                .run();

        assertThat(result.passed()).isFalse();
        assertThat(result.failedThresholds()).extracting(ThresholdResult::describe).containsExactly(
                "ws_session_failed rate < 0.1: observed 0.5 (50.00%)",
                "ws_sessions{error_code:handshake_rejected} count < 1: observed " + FAULTS,
                "checks rate == 1: observed 0 (0.00%)");
    }

    @Test
    void piledUpFaultsAbortRun() {
        RunResult result = plan("ws-fault-abort")
                .scenario("lost", s -> s.constantVus(VUS).during("20s").exec(vu -> {
                    vu.ws().connect("/abrupt").awaitClose(WAIT);
                    vu.sleep(Duration.ofMillis(20));
                }))
                .threshold("ws_session_failed", "rate < 0.1", abortOnFail())
                .run();

        assertThat(result.abort()).isPresent();
        assertThat(result.abort().get().reason()).contains("ws_session_failed rate < 0.1");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> server.openConnections() == 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/silent", "/stall-upgrade"})
    void stuckServerEndsWithinGracefulStop(String path) {
        Queue<WsSession> sessions = new ConcurrentLinkedQueue<>();
        RunResult result = plan("ws-stuck-server")
                .scenario("stuck", s -> s.constantVus(VUS).during("300ms").gracefulStop("300ms").exec(vu -> {
                    WsSession session = vu.ws().connect(path);
                    sessions.add(session);
                    session.receive(Duration.ofSeconds(60));
                }))
                .run();

        assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(VUS);
        assertThat(sessions).hasSize(path.equals("/silent") ? VUS : 0);
        assertThat(rate(result, "ws_session_failed", TagSet.EMPTY)).isEqualTo(new RateValue(0, VUS));
        assertThat(result.errors()).isEmpty();
        await().atMost(WAIT).until(() -> server.openConnections() == 0);
    }

    /** Computes the message that {@code /fragmented} and {@code /large} send, independently of the server's code. */
    private static byte[] expectedPayload(int bytes, boolean binary) {
        byte[] payload = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            payload[i] = binary ? (byte) (i % 251) : (byte) ('a' + i % 26);
        }
        return payload;
    }
}
