package io.liveload.samples;

import static io.liveload.junit.ExecutorType.CONSTANT_ARRIVAL_RATE;

import io.liveload.core.Vu;
import io.liveload.demo.DemoApp;
import io.liveload.junit.BaseUrl;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An open-model test: 100 iterations per second whatever the server does, as real users arrive independently.
 * {@code iteration_latency} measures from each iteration's scheduled start, so a server stall shows in its high
 * percentiles instead of hiding behind VUs that wait (coordinated omission).
 */
class ArrivalRateLoadTest {

    @RegisterExtension
    static final DemoAppExtension demo = new DemoAppExtension();

    @BaseUrl
    static URI baseUrl() {
        return demo.baseUrl();
    }

    @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 100, timeUnit = "1s", duration = "10s",
            preAllocatedVus = 20, maxVus = 100)
    @Threshold(metric = "iteration_latency", condition = "p(99) < 500ms")
    @Threshold(metric = "dropped_iterations", condition = "count == 0")
    @Threshold(metric = "http_req_failed", condition = "rate == 0")
    void settingsPage(Vu vu) {
        var settings = vu.http().get("/profile/settings",
                req -> req.name("settings").cookie(DemoApp.SESSION_COOKIE_NAME, demo.sessionCookieFor("glennr")));
        vu.check(settings, "status 200", r -> r.status() == 200);
    }
}
