package io.liveload.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoOptionsTest {

    @Test
    void defaultsMatchPhoenix() {
        DemoOptions options = DemoOptions.defaults();

        assertThat(options.port()).isZero();
        assertThat(options.bindHost()).isEqualTo("127.0.0.1");
        assertThat(options.heartbeatReplies()).isTrue();
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.maxChannelsPerSocket()).isEqualTo(100);
    }

    @Test
    void withersReturnChangedCopies() {
        DemoOptions defaults = DemoOptions.defaults();

        DemoOptions changed = defaults.withPort(4000).withHeartbeatReplies(false)
                .withIdleTimeout(Duration.ofSeconds(2)).withMaxChannelsPerSocket(3).withBindHost("::1");

        assertThat(changed).isEqualTo(new DemoOptions(4000, "::1", false, Duration.ofSeconds(2), 3));
        assertThat(defaults).isEqualTo(DemoOptions.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"})
    void loopbackHostsAreAccepted(String host) {
        assertThat(DemoOptions.defaults().withBindHost(host).bindHost()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "192.168.1.2", "example.com", "::", "127.0.0.256", ""})
    void otherHostsAreRejected(String host) {
        assertThatThrownBy(() -> DemoOptions.defaults().withBindHost(host))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void invalidPortIsRejected() {
        assertThatThrownBy(() -> DemoOptions.defaults().withPort(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }

    @Test
    void zeroIdleTimeoutIsRejected() {
        assertThatThrownBy(() -> DemoOptions.defaults().withIdleTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle timeout");
    }

    @Test
    void zeroChannelLimitIsRejected() {
        assertThatThrownBy(() -> DemoOptions.defaults().withMaxChannelsPerSocket(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel limit");
    }
}
