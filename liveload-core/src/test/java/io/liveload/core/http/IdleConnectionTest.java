package io.liveload.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.engine.Engine;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.FaultServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP idle timeout: one VU requests {@code /ok}, waits 1 s and requests it again. The server counts the
 * connections it accepted, so a reused connection shows as 1 and a closed and reopened one as 2.
 */
@Timeout(30)
class IdleConnectionTest {

    private static final Duration PAUSE = Duration.ofSeconds(1);

    private FaultServer server;

    @BeforeEach
    void startServer() {
        server = new FaultServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void requestTwice(RunOptions options) {
        LoadPlan plan = LoadPlan.of(new PerVuIterations(1, 1), vu -> {
            vu.http().get("/ok");
            vu.sleep(PAUSE);
            vu.http().get("/ok");
        }, List.of(), options.withBaseUrl(server.baseUrl()).withProgress(RunOptions.Progress.OFF));
        Engine.run(plan);
    }

    @Test
    void defaultReusesIdleConnection() {
        requestTwice(RunOptions.defaults("idle-default"));

        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void shortTimeoutClosesIdleConnection() {
        requestTwice(RunOptions.defaults("idle-short").withHttpIdleTimeout(Duration.ofMillis(100)));

        assertThat(server.connectionCount()).isEqualTo(2);
    }

    @Test
    void defaultIsFiveMinutes() {
        assertThat(RunOptions.defaults("idle").httpIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
    }
}
