package io.liveload.core.liveview;

import static io.liveload.core.testing.ScriptRuns.counter;
import static io.liveload.core.testing.ScriptRuns.errorCount;
import static io.liveload.core.testing.ScriptRuns.options;
import static io.liveload.core.testing.ScriptRuns.runOnce;
import static io.liveload.core.testing.ScriptRuns.trendCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.RunResult;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.TagSet;
import io.liveload.demo.DemoApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LiveView client against the demo app's counter page: clicks, components, pushes, patches, navigation. */
class CounterPageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static DemoApp app;

    @BeforeAll
    static void start() {
        app = DemoApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String text(LiveView page, String selector) {
        Element element = page.html().selectFirst(selector);
        return element == null ? null : element.text();
    }

    @Test
    void clicksChangeCount() {
        List<String> counts = new ArrayList<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter");
            counts.add(text(counter, "#count"));
            counter.click("#inc");
            counts.add(text(counter, "#count"));
            counter.click("#inc-by");
            counts.add(text(counter, "#count"));
            counter.click("#dec");
            counts.add(text(counter, "#count"));
        });

        assertThat(counts).containsExactly("0", "1", "11", "10");
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void openJoinsWithBrowserDefaults() {
        AtomicReference<Boolean> joined = new AtomicReference<>();
        AtomicReference<String> title = new AtomicReference<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter");
            joined.set(counter.isJoined());
            title.set(counter.title());
        });

        assertThat(joined.get()).isTrue();
        assertThat(title.get()).isEqualTo("Counter");
        assertThat(trendCount(result, BuiltinMetrics.LV_JOIN_DURATION.name())).isEqualTo(1);
        assertThat(result.metrics().aggregate(BuiltinMetrics.LV_JOIN_DURATION.name(), TagSet.of("view", "/counter")))
                .isPresent();
    }

    @Test
    void componentFormAndToggleUseCid() {
        List<String> classes = new ArrayList<>();
        List<String> texts = new ArrayList<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter");
            counter.click("#todo-1 button");
            classes.add(counter.html().selectFirst("#todo-1").className());
            counter.submit("#todo-form", Map.of("text", "third"));
            texts.add(text(counter, "#todo-3 span"));
            classes.add(counter.html().selectFirst("#todo-3").className());
            counter.click("#todo-3 button");
            classes.add(counter.html().selectFirst("#todo-3").className());
        });

        assertThat(classes).containsExactly("done", "open", "done");
        assertThat(texts).containsExactly("third");
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void tickerRepliesAndPushes() {
        AtomicReference<ObjectNode> hookReply = new AtomicReference<>();
        List<Integer> ticks = new CopyOnWriteArrayList<>();
        AtomicReference<Boolean> fiveTicks = new AtomicReference<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter");
            hookReply.set(counter.click("#ticker").hookReply());
            fiveTicks.set(counter.awaitHtml(html -> html.selectFirst("#ticks").text().equals("5"), WAIT));
            for (int i = 0; i < 5; i++) {
                Optional<ServerEvent> tick = counter.awaitEvent("tick", WAIT);
                tick.ifPresent(event -> ticks.add(event.payload().get("n").asInt()));
            }
        });

        assertThat(hookReply.get().get("started").asInt()).isEqualTo(5);
        assertThat(fiveTicks.get()).isTrue();
        assertThat(ticks).containsExactly(1, 2, 3, 4, 5);
        assertThat(counter(result, BuiltinMetrics.LV_SERVER_PUSHES.name())).isEqualTo(5);
    }

    @Test
    void awaitEventTimesOutWithoutPush() {
        AtomicReference<Optional<ServerEvent>> tick = new AtomicReference<>();

        runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter");
            tick.set(counter.awaitEvent("tick", Duration.ofMillis(200)));
        });

        assertThat(tick.get()).isEmpty();
    }

    @Test
    void patchesInClientAndServerOrder() {
        List<String> pages = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        List<String> kinds = new ArrayList<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter");
            kinds.add(counter.click("#next-page").redirectKind());
            pages.add(text(counter, "#page"));
            urls.add(counter.url());
            counter.click("#patch-btn");
            pages.add(text(counter, "#page"));
            urls.add(counter.url());
            kinds.add(counter.patch("/counter?page=7").redirectKind());
            pages.add(text(counter, "#page"));
            urls.add(counter.url());
        });

        String base = app.baseUrl().toString();
        assertThat(pages).containsExactly("2", "3", "7");
        assertThat(urls).containsExactly(base + "/counter?page=2", base + "/counter?page=3", base + "/counter?page=7");
        assertThat(kinds).containsOnly("live_patch");
        assertThat(result.metrics().aggregate(BuiltinMetrics.LV_NAVIGATION_DURATION.name(), TagSet.of("kind", "patch")))
                .isPresent();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void navigatesToOtherAndBack() {
        List<String> headings = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> joinRefs = new ArrayList<>();
        List<Boolean> joined = new ArrayList<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView page = vu.liveView().open("/counter");
            ids.add(page.html().id());
            joinRefs.add(page.pageForTest().main.channel.joinRef());
            page.click("#other-link");
            headings.add(text(page, "h1"));
            ids.add(page.html().id());
            joinRefs.add(page.pageForTest().main.channel.joinRef());
            joined.add(page.isJoined());
            page.click("#back-link");
            headings.add(text(page, "h1"));
            joined.add(page.isJoined());
            page.click("#nav-btn");
            headings.add(text(page, "h1"));
            joined.add(page.isJoined());
            page.navigate("/counter");
            headings.add(text(page, "h1"));
            joined.add(page.isJoined());
        });

        assertThat(headings).containsExactly("Other LiveView", "Counter", "Other LiveView", "Counter");
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(joinRefs.get(1)).isNotEqualTo(joinRefs.get(0));
        assertThat(joined).containsOnly(true);
        assertThat(result.metrics().aggregate(BuiltinMetrics.LV_NAVIGATION_DURATION.name(),
                TagSet.of("kind", "navigate"))).isPresent();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void crashRejoinsWithMountsCounted() {
        List<Integer> mounts = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        AtomicReference<Boolean> rejoined = new AtomicReference<>();
        AtomicReference<String> countAfter = new AtomicReference<>();
        FrameObserver observer = new FrameObserver() {
            @Override
            public void joinBuilt(String topic, ObjectNode payload) {
                mounts.add(payload.get("params").get("_mounts").asInt());
            }
        };

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter", lv -> lv.observer(observer));
            counter.click("#inc");
            try {
                counter.click("#crash");
            } catch (LiveViewException e) {
                crash.set(e);
            }
            rejoined.set(counter.awaitJoined(WAIT));
            countAfter.set(text(counter, "#count"));
        });

        assertThat(crash.get()).hasMessageContaining("\"crash\"").hasMessageContaining("went down");
        assertThat(rejoined.get()).isTrue();
        assertThat(mounts).containsExactly(0, 1);
        assertThat(countAfter.get()).isEqualTo("0");
        assertThat(counter(result, BuiltinMetrics.LV_REJOINS.name())).isEqualTo(1);
        assertThat(errorCount(result, "liveview", "view_crashed")).isEqualTo(1);
    }

    @Test
    void clickWithoutPhxClickNamesSelector() {
        AtomicReference<Throwable> missing = new AtomicReference<>();
        AtomicReference<Throwable> plain = new AtomicReference<>();

        runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter");
            try {
                counter.click("#no-such-element");
            } catch (IllegalArgumentException e) {
                missing.set(e);
            }
            try {
                counter.click("#count");
            } catch (IllegalArgumentException e) {
                plain.set(e);
            }
        });

        assertThat(missing.get()).hasMessageContaining("\"#no-such-element\"").hasMessageContaining("no element matches");
        assertThat(plain.get()).hasMessageContaining("\"#count\"").hasMessageContaining("phx-click");
    }

    @Test
    void navigationToOtherLiveSessionLoadsPage() {
        AtomicReference<String> heading = new AtomicReference<>();
        AtomicReference<Boolean> joined = new AtomicReference<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            vu.http().get("/login?user=glennr");
            LiveView page = vu.liveView().open("/counter");
            page.navigate("/profile/settings");
            heading.set(text(page, "h1"));
            joined.set(page.isJoined());
        });

        assertThat(heading.get()).isEqualTo("Profile Settings");
        assertThat(joined.get()).isTrue();
        assertThat(counter(result, BuiltinMetrics.HTTP_REQS.name())).isEqualTo(4);
        assertThat(counter(result, BuiltinMetrics.WS_SESSIONS.name())).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void rejectedUpgradeReported() {
        AtomicReference<Optional<String>> joinError = new AtomicReference<>();

        RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
            LiveView counter = vu.liveView().open("/counter", lv -> lv.origin("http://localhost:1"));
            joinError.set(counter.joinError());
        });

        assertThat(joinError.get()).contains("socket_failed");
        assertThat(result.metrics().aggregate(BuiltinMetrics.LV_JOINS_FAILED.name(),
                TagSet.of("reason", "socket_failed"))).isPresent();
        assertThat(errorCount(result, "liveview", "join_failed")).isEqualTo(1);
    }
}
