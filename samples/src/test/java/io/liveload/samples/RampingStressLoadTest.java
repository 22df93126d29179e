package io.liveload.samples;

import static io.liveload.junit.ExecutorType.RAMPING_VUS;

import io.liveload.core.Vu;
import io.liveload.demo.DemoApp;
import io.liveload.junit.BaseUrl;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stress test: VUs ramp up to a stress level, hold it, and ramp down, while thresholds watch latency and
 * errors. The failure-rate threshold aborts the run early if the server starts failing.
 */
class RampingStressLoadTest {

    @RegisterExtension
    static final DemoAppExtension demo = new DemoAppExtension();

    @BaseUrl
    static URI baseUrl() {
        return demo.baseUrl();
    }

    @LoadTest(executor = RAMPING_VUS, stages = {"5s -> 150", "10s -> 150", "5s -> 0"})
    @Threshold(metric = "http_req_duration", condition = "p(95) < 500ms")
    @Threshold(metric = "http_req_failed", condition = "rate < 0.01", abortOnFail = true, delayAbortEval = "5s")
    @Threshold(metric = "checks", condition = "rate > 0.99")
    void browseProfile(Vu vu) {
        String cookie = demo.sessionCookieFor("glennr");

        var profile = vu.http().get("/glennr", req -> req.name("profile").cookie(DemoApp.SESSION_COOKIE_NAME, cookie));
        vu.check(profile, "profile status 200", r -> r.status() == 200);
        vu.sleep(Duration.ofMillis(500));

        var counter = vu.http().get("/counter", req -> req.name("counter"));
        vu.check(counter, "counter status 200", r -> r.status() == 200);
        vu.sleep(Duration.ofMillis(500));
    }
}
