package io.liveload.core.liveview;

import static io.liveload.core.testing.ScriptRuns.counter;
import static io.liveload.core.testing.ScriptRuns.errorCount;
import static io.liveload.core.testing.ScriptRuns.options;
import static io.liveload.core.testing.ScriptRuns.runOnce;
import static io.liveload.core.testing.ScriptRuns.trendCount;
import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.demo.DemoApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LiveView client against the demo app's logged-in pages: forms, nested views, redirects, stale sessions. */
class SessionPagesTest {

    private static DemoApp app;

    @BeforeAll
    static void start() {
        app = DemoApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void settingsFormValidatesAndSaves() {
        List<Boolean> errorShown = new ArrayList<>();
        AtomicReference<String> flash = new AtomicReference<>();
        AtomicReference<Boolean> saved = new AtomicReference<>();
        AtomicReference<String> profileLink = new AtomicReference<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            vu.http().get("/login?user=glennr");
            LiveView settings = vu.liveView().open("/profile/settings");
            settings.change("#settings-form", Map.of("user[username]", "glenn r"));
            errorShown.add(settings.html().selectFirst("#username-error") != null);
            settings.change("#settings-form", Map.of("user[username]", "glennr2"));
            errorShown.add(settings.html().selectFirst("#username-error") != null);
            settings.submit("#settings-form", Map.of("user[username]", "g"));
            errorShown.add(settings.html().selectFirst("#username-error") != null);
            settings.submit("#settings-form", Map.of("user[username]", "glenn_r"));
            Element page = settings.html();
            errorShown.add(page.selectFirst("#username-error") != null);
            flash.set(page.selectFirst("#flash-info").text());
            saved.set(page.selectFirst("#saved") != null);
            profileLink.set(page.selectFirst("#profile-link").attr("href"));
        });

        assertThat(errorShown).containsExactly(true, false, true, false);
        assertThat(flash.get()).isEqualTo("Settings saved");
        assertThat(saved.get()).isTrue();
        assertThat(profileLink.get()).isEqualTo("/glenn_r");
        assertThat(trendCount(result, BuiltinMetrics.LV_EVENT_DURATION.name(), TagSet.of("event", "validate")))
                .isEqualTo(2);
        assertThat(trendCount(result, BuiltinMetrics.LV_EVENT_DURATION.name(), TagSet.of("event", "save")))
                .isEqualTo(2);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void profileJoinsNestedView() {
        AtomicReference<Integer> staticRows = new AtomicReference<>();
        AtomicReference<Integer> connectedRows = new AtomicReference<>();
        AtomicReference<String> mode = new AtomicReference<>();
        List<String> tracks = new ArrayList<>();
        AtomicReference<Boolean> joined = new AtomicReference<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            vu.http().get("/login?user=glennr");
            staticRows.set(Jsoup.parse(vu.http().get("/glennr").body()).select("#songs tbody tr").size());
            LiveView profile = vu.liveView().open("/glennr", lv -> lv.name("profile"));
            joined.set(profile.isJoined());
            Element page = profile.html();
            connectedRows.set(page.select("#songs tbody tr").size());
            mode.set(page.selectFirst("#render-mode").text());
            tracks.add(page.selectFirst("#now-playing #now-playing-title").text());
            profile.click("#next-track");
            tracks.add(profile.html().selectFirst("#now-playing-title").text());
        });

        assertThat(staticRows.get()).isEqualTo(100);
        assertThat(connectedRows.get()).isEqualTo(150);
        assertThat(mode.get()).isEqualTo("connected");
        assertThat(joined.get()).isTrue();
        assertThat(tracks).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(trendCount(result, BuiltinMetrics.LV_JOIN_DURATION.name(), TagSet.of("view", "profile")))
                .isEqualTo(2);
        assertThat(trendCount(result, BuiltinMetrics.LV_EVENT_DURATION.name(), TagSet.of("event", "next_track")))
                .isEqualTo(1);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void pageWithoutSessionRedirectsToLogin() {
        AtomicReference<String> url = new AtomicReference<>();
        AtomicReference<Boolean> joined = new AtomicReference<>();
        AtomicReference<Boolean> loginForm = new AtomicReference<>();

        runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView settings = vu.liveView().open("/profile/settings");
            url.set(settings.url());
            joined.set(settings.isJoined());
            loginForm.set(settings.html().selectFirst("#login-form") != null);
        });

        assertThat(url.get()).isEqualTo(app.baseUrl() + "/login");
        assertThat(joined.get()).isFalse();
        assertThat(loginForm.get()).isTrue();
    }

    @Test
    void joinWithoutUserFollowsRedirect() {
        AtomicReference<String> url = new AtomicReference<>();
        AtomicReference<Boolean> joined = new AtomicReference<>();
        AtomicReference<Optional<String>> joinError = new AtomicReference<>();
        AtomicReference<String> flash = new AtomicReference<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            String anonymousPage = vu.http().get("/counter").body();
            String anonymousCsrf = Jsoup.parse(anonymousPage).selectFirst("meta[name=csrf-token]").attr("content");
            String anonymousCookie = vu.http().cookies().forUrl(app.baseUrl().toString())
                    .get(DemoApp.SESSION_COOKIE_NAME);
            vu.http().get("/login?user=glennr");
            // The page loads with the user's session, but the socket carries an anonymous one, as after a
            // logout in another tab: the join's mount finds no user and redirects.
            LiveView settings = vu.liveView().open("/profile/settings", lv -> lv
                    .connectParam("_csrf_token", anonymousCsrf)
                    .websocket(ws -> ws.cookie(DemoApp.SESSION_COOKIE_NAME, anonymousCookie)));
            url.set(settings.url());
            joined.set(settings.isJoined());
            joinError.set(settings.joinError());
            Element flashError = settings.html().selectFirst("#flash-error");
            flash.set(flashError == null ? null : flashError.text());
        });

        assertThat(url.get()).isEqualTo(app.baseUrl() + "/login");
        assertThat(joined.get()).isFalse();
        assertThat(joinError.get()).isEmpty();
        assertThat(flash.get()).isEqualTo("You must log in to access this page.");
        assertThat(counter(result, BuiltinMetrics.HTTP_REQS.name())).isEqualTo(5);
    }

    @Test
    void staleSessionRefetchedOnceThenReported() {
        AtomicReference<Boolean> joined = new AtomicReference<>();
        AtomicReference<Optional<String>> joinError = new AtomicReference<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter", lv -> lv.connectParam("_csrf_token", "forged"));
            joined.set(counter.isJoined());
            joinError.set(counter.joinError());
        });

        assertThat(joined.get()).isFalse();
        assertThat(joinError.get()).contains("stale");
        assertThat(counter(result, BuiltinMetrics.HTTP_REQS.name())).isEqualTo(2);
        assertThat(counter(result, BuiltinMetrics.WS_SESSIONS.name())).isEqualTo(2);
        assertThat(result.metrics().aggregate(BuiltinMetrics.LV_JOINS_FAILED.name(), TagSet.of("reason", "stale")))
                .contains(new RateValue(1, 0));
        assertThat(errorCount(result, "liveview", "join_failed")).isEqualTo(1);
        assertThat(result.errors()).hasSize(1);
    }
}
