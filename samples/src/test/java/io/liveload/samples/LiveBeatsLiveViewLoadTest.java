package io.liveload.samples;

import io.liveload.core.Vu;
import io.liveload.core.liveview.LiveView;
import io.liveload.demo.DemoApp;
import io.liveload.junit.BaseUrl;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Scenario;
import io.liveload.junit.Threshold;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LiveView load test of the LiveBeats blog post, done the way a browser does it. The post's k6 script fetched
 * each page, joined its LiveView over a raw websocket, took any reply as success and closed the socket at once.
 * Here each page load joins the view and checks what the connected view rendered, and a second crowd keeps its
 * page open like real users, navigating between views over the same socket.
 *
 * <p>Scenario {@code pages}: 100 VUs for 10 s load the settings page and then the profile page, each joined, with
 * a one-second pause after each, as in the post. Scenario {@code navigator}: 20 VUs each keep one page open across
 * iterations and navigate between the settings and profile views, as the post's "where to from here" suggests.
 *
 * <p>It runs against the embedded demo app. For a real deployment set {@code liveload.baseUrl},
 * {@code liveload.env.LIVEBEATS_COOKIE} and {@code liveload.env.LIVEBEATS_USER}.
 */
class LiveBeatsLiveViewLoadTest {

    @RegisterExtension
    static final DemoAppExtension demo = new DemoAppExtension();

    @BaseUrl
    static URI baseUrl() {
        return demo.baseUrl();
    }

    @LoadTest
    @Scenario(name = "pages", vus = 100, duration = "10s")
    @Scenario(name = "navigator", exec = "navigateBetweenViews", vus = 20, duration = "10s")
    @Threshold(metric = "http_req_duration", condition = "p(95) < 500ms")
    @Threshold(metric = "lv_join_duration", condition = "p(95) < 1s")
    @Threshold(metric = "lv_joins_failed", condition = "rate == 0")
    @Threshold(metric = "lv_navigation_duration{scenario:navigator}", condition = "p(95) < 1s")
    @Threshold(metric = "checks", condition = "rate == 1")
    void settingsThenProfile(Vu vu) {
        logIn(vu);

        LiveView settings = vu.liveView().open("/profile/settings", lv -> lv.name("settings"));
        vu.check(settings, "settings joined", LiveView::isJoined);
        vu.check(settings, "contains header", lv -> lv.html().select("h1").text().contains("Profile Settings"));
        vu.check(settings, "form rendered", lv -> lv.html().select("#settings-form").size() == 1);
        settings.close();
        vu.sleep(Duration.ofSeconds(1));

        LiveView profile = vu.liveView().open("/" + user(vu), lv -> lv.name("profile"));
        vu.check(profile, "profile joined", LiveView::isJoined);
        vu.check(profile, "contains table", lv -> lv.html().select("#songs th").text().contains("Artist"));
        vu.check(profile, "connected render", lv -> lv.html().select("#render-mode").text().equals("connected"));
        profile.close();
        vu.sleep(Duration.ofSeconds(1));
    }

    void navigateBetweenViews(Vu vu) {
        logIn(vu);
        LiveView page = vu.getOrCreate("page", () -> vu.liveView().open("/profile/settings", lv -> lv.name("navigator")));

        page.navigate("/" + user(vu));
        vu.check(page, "navigated to profile", lv -> lv.html().select("#songs").size() == 1);
        vu.sleep(Duration.ofSeconds(1));

        page.navigate("/profile/settings");
        vu.check(page, "navigated to settings", lv -> lv.html().select("#settings-form").size() == 1);
        vu.sleep(Duration.ofSeconds(1));
    }

    private static void logIn(Vu vu) {
        String cookie = vu.env("LIVEBEATS_COOKIE").orElseGet(() -> demo.sessionCookieFor(user(vu)));
        vu.http().cookies().add(DemoApp.SESSION_COOKIE_NAME, cookie);
    }

    private static String user(Vu vu) {
        return vu.env("LIVEBEATS_USER").orElse("glennr");
    }
}
