package io.liveload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.liveload.core.ConfigurationException;
import io.liveload.core.Vu;
import io.liveload.core.testing.FaultServer;
import io.liveload.core.testing.SelfSignedTls;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The security configuration parameters, {@code liveload.hosts} and {@code liveload.insecureSkipTlsVerify}. */
@Timeout(60)
class SecurityConfigTest {

    private static FaultServer plain;
    private static FaultServer tls;
    private static volatile String target;

    @TempDir
    static Path directory;

    @BeforeAll
    static void startServers() {
        plain = new FaultServer();
        tls = new FaultServer(SelfSignedTls.serverContext(directory));
    }

    @AfterAll
    static void stopServers() {
        plain.close();
        tls.close();
    }

    private static Events run(String url, Map<String, String> parameters) {
        target = url;
        Map<String, String> config = new HashMap<>(parameters);
        config.put(ConfigKeys.OUTPUT_DIR, directory.resolve("reports").toString());
        config.put(ConfigKeys.PROGRESS, "off");
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(config)
                .selectors(selectClass(TargetLoad.class))
                .execute()
                .testEvents();
    }

    @Test
    void hostsParameterRejectsOtherHost() {
        Events events = run("http://localhost:" + plain.port() + "/ok", Map.of(ConfigKeys.HOSTS, "127.0.0.1"));

        Throwable failure = events.failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(ConfigurationException.class);
        assertThat(failure).hasMessageContaining("host \"localhost\" is not in the allowed hosts [127.0.0.1]"
                + " (configuration parameter liveload.hosts)");
        assertThat(plain.requestCount()).isZero();
    }

    @Test
    void selfSignedCertificateFailsByDefault() {
        Events events = run(tls.baseUrl() + "/ok", Map.of());

        assertThat(events.failed().count()).isEqualTo(1);
    }

    @Test
    void insecureParameterAcceptsSelfSigned() {
        Events events = run(tls.baseUrl() + "/ok", Map.of(ConfigKeys.INSECURE_SKIP_TLS_VERIFY, "true"));

        assertThat(events.succeeded().count()).isEqualTo(1);
    }

    static class TargetLoad {

        @LoadTest(iterations = 2)
        @Threshold(metric = "http_req_failed", condition = "rate == 0")
        void visit(Vu vu) {
            vu.http().get(target);
        }
    }
}
