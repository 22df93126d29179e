package io.liveload.core.ws;

import static io.liveload.core.testing.ScriptRuns.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.liveload.core.RunResult;
import io.liveload.core.VuScript;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.Scenario;
import io.liveload.core.testing.LocalWebSocketServer;
import io.liveload.core.testing.ScriptRuns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HardStopTest {

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
    void hardStopEndsBlockedReceive() {
        RunResult result = runStopped(vu -> {
            WsSession session = vu.ws().connect("/echo");
            session.receive(Duration.ofSeconds(60));
        });

        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 0);
    }

    @Test
    void hardStopEndsBlockedReply() {
        RunResult result = runStopped(vu -> {
            var channel = vu.phoenix().connect("/phoenix").channel("room:1");
            channel.join(Map.of()).await();
            channel.push("silent", null, Duration.ofSeconds(60)).await();
        });

        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        assertThat(result.scenarios().get(0).interruptedIterations()).isEqualTo(1);
    }

    /** Runs the script on one VU with 300 ms to run and 200 ms of graceful stop, so the engine stops it hard. */
    private RunResult runStopped(VuScript script) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Scenario scenario = Scenario.of("default", new PerVuIterations(1, 1, Duration.ofMillis(300)),
                ScriptRuns.guard(script, failure)).withGracefulStop(Duration.ofMillis(200));
        LoadPlan plan = new LoadPlan(List.of(scenario), List.of(), List.of(), options(server.baseUrl()));
        return ScriptRuns.run(plan, failure);
    }
}
