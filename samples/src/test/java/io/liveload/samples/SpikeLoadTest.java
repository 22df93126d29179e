package io.liveload.samples;

import static io.liveload.junit.ExecutorType.RAMPING_VUS;

import io.liveload.core.Vu;
import io.liveload.junit.BaseUrl;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A spike test: from zero to several hundred VUs in seconds, a short plateau, and back to zero, to see whether
 * the app survives a sudden crowd and recovers.
 */
class SpikeLoadTest {

    @RegisterExtension
    static final DemoAppExtension demo = new DemoAppExtension();

    @BaseUrl
    static URI baseUrl() {
        return demo.baseUrl();
    }

    @LoadTest(executor = RAMPING_VUS, stages = {"2s -> 400", "5s -> 400", "2s -> 0"}, gracefulRampDown = "5s")
    @Threshold(metric = "http_req_failed", condition = "rate < 0.01")
    @Threshold(metric = "http_req_duration", condition = "p(99) < 1s")
    void crowdOnTheCounter(Vu vu) {
        var counter = vu.http().get("/counter", req -> req.name("counter"));
        vu.check(counter, "status 200", r -> r.status() == 200);
        vu.sleep(Duration.ofSeconds(1));
    }
}
