package io.liveload.samples;

import io.liveload.core.Vu;
import io.liveload.demo.DemoApp;
import io.liveload.junit.BaseUrl;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A load test that breaches its SLA on purpose, to show what a failed build looks like: the Surefire XML's
 * {@code <failure message=...>} names each breached threshold with its observed value. Off by default; run with
 * {@code -Dsamples.breach=true}.
 */
@EnabledByConfigurationParameter("samples.breach")
class SlaBreachLoadTest {

    @RegisterExtension
    static final DemoAppExtension demo = new DemoAppExtension();

    @BaseUrl
    static URI baseUrl() {
        return demo.baseUrl();
    }

    @LoadTest(vus = 50, duration = "3s")
    @Threshold(metric = "http_req_duration{name:profile}", condition = "p(95) < 1ms")
    @Threshold(metric = "checks", condition = "rate == 1")
    void profileUnderPressure(Vu vu) {
        String cookie = demo.sessionCookieFor("glennr");

        var profile = vu.http().get("/glennr",
                req -> req.name("profile").cookie(DemoApp.SESSION_COOKIE_NAME, cookie));
        vu.check(profile, "songs status 200", r -> r.status() == 200);
    }
}
