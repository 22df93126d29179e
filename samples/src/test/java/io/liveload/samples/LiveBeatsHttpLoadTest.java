package io.liveload.samples;

import io.liveload.core.Vu;
import io.liveload.demo.DemoApp;
import io.liveload.junit.BaseUrl;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP load test of the LiveBeats blog post, in liveload: 100 VUs for 10 s, each loading the settings page
 * and then a profile page, with a 1 s think time after each.
 *
 * <p>By default it runs against the embedded demo app. To point it at a real deployment, set the base URL and a
 * session cookie: {@code -Dliveload.baseUrl=https://staging.example.com -Dliveload.env.LIVEBEATS_COOKIE=...
 * -Dliveload.env.LIVEBEATS_USER=yourname}.
 */
class LiveBeatsHttpLoadTest {

    @RegisterExtension
    static final DemoAppExtension demo = new DemoAppExtension();

    @BaseUrl
    static URI baseUrl() {
        return demo.baseUrl();
    }

    @LoadTest(vus = 100, duration = "10s")
    @Threshold(metric = "http_req_duration", condition = "p(95) < 500ms")
    @Threshold(metric = "checks", condition = "rate == 1")
    void settingsThenProfile(Vu vu) {
        String user = vu.env("LIVEBEATS_USER").orElse("glennr");
        String cookie = vu.env("LIVEBEATS_COOKIE").orElseGet(() -> demo.sessionCookieFor(user));

        var settings = vu.http().get("/profile/settings",
                req -> req.redirects(0).cookie(DemoApp.SESSION_COOKIE_NAME, cookie));
        vu.check(settings, "status 200", r -> r.status() == 200);
        vu.check(settings, "contains header", r -> r.body().contains("Profile Settings"));
        vu.sleep(Duration.ofSeconds(1));

        var profile = vu.http().get("/" + user,
                req -> req.redirects(0).cookie(DemoApp.SESSION_COOKIE_NAME, cookie));
        vu.check(profile, "songs status 200", r -> r.status() == 200);
        vu.check(profile, "contains table", r -> r.body().contains("Artist"));
        vu.sleep(Duration.ofSeconds(1));
    }
}
