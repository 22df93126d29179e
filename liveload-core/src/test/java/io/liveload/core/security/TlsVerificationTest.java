package io.liveload.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.dsl.PlanBuilder;
import io.liveload.core.http.HttpErrorCode;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.FaultServer;
import io.liveload.core.testing.LogCapture;
import io.liveload.core.testing.SelfSignedTls;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An HTTPS server on 127.0.0.1 with a self-signed certificate: rejected by default, accepted when asked. */
@Timeout(60)
class TlsVerificationTest {

    private static final int REQUESTS = 3;

    private static FaultServer server;

    @BeforeAll
    static void startServer(@TempDir Path keys) {
        server = new FaultServer(SelfSignedTls.serverContext(keys));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static PlanBuilder plan(String name, Queue<HttpErrorCode> errors, Queue<Integer> statuses) {
        return Liveload.plan(name).baseUrl(server.baseUrl()).progress(RunOptions.Progress.OFF)
                .scenario("https", s -> s.perVuIterations(REQUESTS).exec(vu -> {
                    var response = vu.http().get("/ok");
                    statuses.add(response.status());
                    if (response.error() != null) {
                        errors.add(response.error());
                    }
                }));
    }

    private static double requests(RunResult result, TagSet filter) {
        return result.metrics().aggregate("http_reqs", filter).map(value -> ((CounterValue) value).sum()).orElse(0.0);
    }

    @Test
    void selfSignedRejectedByDefault() {
        Queue<HttpErrorCode> errors = new ConcurrentLinkedQueue<>();
        int served = server.requestCount();

        RunResult result = plan("tls-default", errors, new ConcurrentLinkedQueue<>()).run();

        assertThat(errors).containsOnly(HttpErrorCode.TLS_UNKNOWN_AUTHORITY).hasSize(REQUESTS);
        assertThat(requests(result, TagSet.of("error_code", "1310"))).isEqualTo(REQUESTS);
        assertThat(server.requestCount()).isEqualTo(served);
    }

    @Test
    void insecureSkipTlsVerifyAcceptsAndWarns() {
        Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
        RunResult result;
        int warnings;
        try (LogCapture log = LogCapture.start()) {
            result = plan("tls-insecure", new ConcurrentLinkedQueue<>(), statuses).insecureSkipTlsVerify().run();
            warnings = log.linesContaining("WARN", "[tls-insecure]", "TLS certificate verification is off").size();
        }

        assertThat(statuses).containsOnly(200).hasSize(REQUESTS);
        assertThat(requests(result, TagSet.of("status", "200"))).isEqualTo(REQUESTS);
        assertThat(warnings).isEqualTo(1);
    }
}
