package io.liveload.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liveload.core.ConfigurationException;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.FaultServer;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The allow-list of target hosts, with {@code localhost} as the host outside it: both names reach the same loopback
 * server, so a request that got through would show up in its count.
 */
@Timeout(30)
class AllowedHostsTest {

    private FaultServer server;

    @BeforeEach
    void startServer() {
        server = new FaultServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String otherHostUrl(String path) {
        return "http://localhost:" + server.port() + path;
    }

    @Test
    void otherHostRejectedBeforeSending() {
        String url = otherHostUrl("/ok");

        assertThatThrownBy(() -> Liveload.plan("hosts-direct").progress(RunOptions.Progress.OFF)
                .allowedHosts("127.0.0.1")
                .scenario("other", s -> s.perVuIterations(3).exec(vu -> vu.http().get(url)))
                .run())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Request to http://localhost:" + server.port() + " rejected before sending:"
                        + " host \"localhost\" is not in the allowed hosts [127.0.0.1]");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void redirectToOtherHostRejected() {
        String redirect = server.baseUrl() + "/redirect?to=" + otherHostUrl("/ok");

        assertThatThrownBy(() -> Liveload.plan("hosts-redirect").progress(RunOptions.Progress.OFF)
                .allowedHosts("127.0.0.1")
                .scenario("other", s -> s.perVuIterations(1).exec(vu -> vu.http().get(redirect)))
                .run())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("host \"localhost\" is not in the allowed hosts");
        assertThat(server.requestCount("/redirect")).isEqualTo(1);
        assertThat(server.requestCount("/ok")).isZero();
    }

    @Test
    void allowedHostReached() {
        Liveload.plan("hosts-allowed").progress(RunOptions.Progress.OFF)
                .allowedHosts("127.0.0.1")
                .scenario("same", s -> s.perVuIterations(2).exec(vu -> vu.http().get(server.baseUrl() + "/ok")))
                .run();

        assertThat(server.requestCount("/ok")).isEqualTo(2);
    }

    @Test
    void bracketedIpv6HostNormalized() {
        RunOptions options = RunOptions.defaults("hosts-ipv6").withAllowedHosts(Set.of("[::1]", "LocalHost"));

        assertThat(options.allowedHosts()).containsExactlyInAnyOrder("::1", "localhost");
    }
}
