package io.liveload.core.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void reconnectStepsAsPhoenixJs() {
        Backoff backoff = new Backoff(PhoenixOptions.DEFAULT_RECONNECT_BACKOFF);
        long[] expectedMillis = {10, 50, 100, 150, 200, 250, 500, 1000, 2000, 5000, 5000, 5000};

        for (int attempt = 1; attempt <= expectedMillis.length; attempt++) {
            assertThat(backoff.delayNanos(attempt)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(expectedMillis[attempt - 1]));
        }
    }

    @Test
    void rejoinStepsAsPhoenixJs() {
        Backoff backoff = new Backoff(PhoenixOptions.DEFAULT_REJOIN_BACKOFF);
        long[] expectedMillis = {1000, 2000, 5000, 10000, 10000};

        for (int attempt = 1; attempt <= expectedMillis.length; attempt++) {
            assertThat(backoff.delayNanos(attempt)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(expectedMillis[attempt - 1]));
        }
    }

    @Test
    void singleStepRepeats() {
        Backoff backoff = new Backoff(java.util.List.of(Duration.ofMillis(300)));

        assertThat(backoff.delayNanos(1)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(backoff.delayNanos(9)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    }
}
