package io.liveload.core.ws;

import static io.liveload.core.testing.ScriptRuns.counter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.liveload.core.RunResult;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.phoenix.PhoenixSocket;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.ResourceUsage;
import io.liveload.core.testing.WebSocketFaultServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run with hundreds of websocket sessions, clean and faulty, plus VUs stopped hard while they wait in
 * {@code receive}, leaves nothing behind: the server sees every connection closed, and the JVM's threads and file
 * descriptors return to where they were. The figures are printed for the record.
 */
@Timeout(120)
class WebSocketResourceTest {

    private static final int VUS = 10;
    private static final int ITERATIONS_PER_VU = 8;
    private static final int SESSIONS_PER_ITERATION = 6;
    private static final int STUCK_VUS = 4;
    private static final int DESCRIPTOR_TOLERANCE = 4;
    /**
     * The maximum number of threads of OkHttp's JVM-wide task runner after the run. It lends one thread to each task
     * queue that is busy at once (a websocket's writer has one) and ends a thread after 60 idle seconds, so the
     * bound is the number of sessions open at once, one per VU, plus two for OkHttp's own queues.
     */
    private static final int OKHTTP_POOL_LIMIT = VUS + STUCK_VUS + 2;
    private static final Duration SETTLE_TIME = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private WebSocketFaultServer server;

    @BeforeEach
    void startServer() {
        server = new WebSocketFaultServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /**
     * Runs {@link #SESSIONS_PER_ITERATION} sessions per iteration (a clean one, an abrupt close, an unexpected close
     * code, a rejected upgrade, a fragmented message and a Phoenix socket), and a second scenario whose VUs wait in
     * {@code receive} on a silent server until the run stops them hard.
     */
    private RunResult runMixedLoad(String testName, int iterations) {
        return Liveload.plan(testName).baseUrl(server.baseUrl()).progress(RunOptions.Progress.OFF)
                .scenario("mixed", s -> s.perVuIterations(iterations).vus(VUS).exec(vu -> {
                    WsSession echo = vu.ws().connect("/echo");
                    echo.send("hello");
                    echo.receive(WAIT);
                    echo.close();
                    vu.ws().connect("/abrupt?messages=1").awaitClose(WAIT);
                    vu.ws().connect("/close?code=1011").awaitClose(WAIT);
                    vu.ws().connect("/status?code=403");
                    WsSession fragmented = vu.ws().connect("/fragmented");
                    fragmented.receive(WAIT);
                    fragmented.close();
                    PhoenixSocket socket = vu.phoenix().connect("/phoenix");
                    socket.channel("room:" + vu.id()).join(Map.of()).await();
                    socket.close();
                }))
                .scenario("stuck", s -> s.constantVus(STUCK_VUS).during("300ms").gracefulStop("200ms").exec(vu ->
                        vu.ws().connect("/silent").receive(Duration.ofSeconds(60))))
                .run();
    }

    /** Returns the names of live threads, without the JVM-wide pools of OkHttp and Awaitility's poller. */
    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> !name.startsWith("OkHttp") && !name.startsWith("Okio")
                        && !name.startsWith("awaitility"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Waits until the server sees no open connection and no engine or connection thread is left, then measures. */
    private ResourceUsage settleAndMeasure() {
        await("server connections closed").atMost(SETTLE_TIME).until(() -> server.openConnections() == 0);
        await("engine and server threads ended").atMost(SETTLE_TIME).until(() -> threadNames().stream()
                .noneMatch(name -> name.startsWith("liveload-") || name.matches("ws-fault-server-\\d+-\\d+")));
        return ResourceUsage.measure();
    }

    @Test
    void manySessionsReleaseEverything() {
        runMixedLoad("ws-resources-warm-up", 1);
        ResourceUsage before = settleAndMeasure();
        Set<String> threadsBefore = threadNames();
        int connectionsBefore = server.connectionCount();

        RunResult result = runMixedLoad("ws-resources", ITERATIONS_PER_VU);
        ResourceUsage after = settleAndMeasure();
        await("file descriptors closed").atMost(SETTLE_TIME).untilAsserted(() ->
                assertThat(ResourceUsage.countFileDescriptors())
                        .isLessThanOrEqualTo(before.fileDescriptors() + DESCRIPTOR_TOLERANCE));
        Set<String> newThreads = new TreeSet<>(threadNames());
        newThreads.removeAll(threadsBefore);

        int sessions = VUS * ITERATIONS_PER_VU * SESSIONS_PER_ITERATION + STUCK_VUS;
        System.out.println("Resources before " + sessions + " websocket sessions: " + before);
        System.out.println("Resources after  " + sessions + " websocket sessions: " + after);
        assertThat(counter(result, "ws_sessions")).isEqualTo(sessions);
        assertThat(server.connectionCount() - connectionsBefore).isEqualTo(sessions);
        assertThat(result.scenarios().get(1).interruptedIterations()).isEqualTo(STUCK_VUS);
        assertThat(after.liveloadThreads()).isEmpty();
        assertThat(newThreads).isEmpty();
        assertThat(after.okHttpThreads()).isLessThanOrEqualTo(OKHTTP_POOL_LIMIT);
        assertThat(after.fileDescriptors()).isLessThanOrEqualTo(before.fileDescriptors() + DESCRIPTOR_TOLERANCE);
    }
}
