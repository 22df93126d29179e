package io.liveload.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.LocalHttpServer;
import io.liveload.core.testing.ScriptRuns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request time limits, which the run's watchdog enforces by cancelling the call. */
class RequestTimeoutTest {

    private LocalHttpServer server;

    @BeforeEach
    void startServer() {
        server = new LocalHttpServer().silent("/silent").delayed("/slow", Duration.ofMillis(100), "slow")
                .text("/fast", 200, "fast");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private List<HttpResponse> run(RunOptions options, String... paths) {
        List<HttpResponse> responses = new ArrayList<>();
        RunResult result = ScriptRuns.runOnce(options, vu -> {
            for (String path : paths) {
                responses.add(vu.http().get(path, request -> request.timeout("300ms")));
            }
        });
        assertThat(result.scenarios().get(0).completeIterations()).isEqualTo(1);
        return responses;
    }

    @Test
    void silentServerTimesOut() {
        long start = System.nanoTime();
        HttpResponse response = run(ScriptRuns.options(server.baseUrl()), "/silent").get(0);

        assertThat(response.error()).isEqualTo(HttpErrorCode.REQUEST_TIMEOUT);
        assertThat(response.status()).isZero();
        assertThat(response.errorMessage()).isEqualTo("request timed out: no complete response within 300ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(30_000);
    }

    @Test
    void runTimeoutApplies() {
        RunOptions options = ScriptRuns.options(server.baseUrl()).withHttpTimeout(Duration.ofMillis(200));
        List<HttpResponse> responses = new ArrayList<>();
        ScriptRuns.runOnce(options, vu -> responses.add(vu.http().get("/silent")));

        // The run's timeout is also the client's read timeout, so either of the two may end the request first.
        assertThat(responses.get(0).error()).isEqualTo(HttpErrorCode.REQUEST_TIMEOUT);
    }

    @Test
    void responseWithinLimitPasses() {
        HttpResponse response = run(ScriptRuns.options(server.baseUrl()), "/slow").get(0);

        assertThat(response.error()).isNull();
        assertThat(response.body()).isEqualTo("slow");
    }

    @Test
    void nextRequestAfterTimeoutPasses() {
        List<HttpResponse> responses = run(ScriptRuns.options(server.baseUrl()), "/silent", "/fast");

        assertThat(responses.get(0).error()).isEqualTo(HttpErrorCode.REQUEST_TIMEOUT);
        assertThat(responses.get(1).error()).isNull();
        assertThat(responses.get(1).body()).isEqualTo("fast");
    }

    @Test
    void timeoutCountedAsFailure() {
        RunResult result = ScriptRuns.runOnce(ScriptRuns.options(server.baseUrl()),
                vu -> vu.http().get("/silent", request -> request.timeout("200ms")));

        assertThat(ScriptRuns.errorCount(result, "http", "1050")).isEqualTo(1);
    }
}
