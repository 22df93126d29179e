package io.liveload.core.liveview;

import static io.liveload.core.testing.ScriptRuns.counter;
import static io.liveload.core.testing.ScriptRuns.errorCount;
import static io.liveload.core.testing.ScriptRuns.options;
import static io.liveload.core.testing.ScriptRuns.runOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.liveload.core.RunResult;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.testing.LocalHttpServer;
import io.liveload.core.testing.ScriptRuns;
import io.liveload.demo.DemoApp;
import io.liveload.demo.DemoOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Heartbeats, reconnects and the life of pages across iterations, against the demo app. */
class ConnectionLifeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void heartbeatsKeepIdleSocketOpen() {
        AtomicReference<Boolean> joined = new AtomicReference<>();
        try (DemoApp app = DemoApp.start(DemoOptions.defaults().withIdleTimeout(Duration.ofMillis(600)))) {
            RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
                LiveView counter = vu.liveView().open("/counter", lv -> lv.heartbeatInterval(Duration.ofMillis(200)));
                vu.sleep(Duration.ofMillis(1500));
                joined.set(counter.isJoined());
            });

            assertThat(joined.get()).isTrue();
            assertThat(counter(result, BuiltinMetrics.WS_SESSIONS.name())).isEqualTo(1);
            assertThat(counter(result, BuiltinMetrics.WS_MSGS_SENT.name())).isGreaterThanOrEqualTo(1 + 5);
            assertThat(counter(result, BuiltinMetrics.LV_REJOINS.name())).isZero();
            assertThat(result.errors()).isEmpty();
        }
    }

    @Test
    void idleCloseReconnectsAndRejoins() {
        AtomicReference<Boolean> joined = new AtomicReference<>();
        AtomicReference<String> count = new AtomicReference<>();
        try (DemoApp app = DemoApp.start(DemoOptions.defaults().withIdleTimeout(Duration.ofMillis(300)))) {
            RunResult result = runOnce(options(app.baseUrl().toString()), vu -> {
                LiveView counter = vu.liveView().open("/counter");
                counter.click("#inc");
                vu.sleep(Duration.ofMillis(700));
                joined.set(counter.awaitJoined(WAIT));
                count.set(counter.html().selectFirst("#count").text());
            });

            assertThat(joined.get()).isTrue();
            assertThat(count.get()).isEqualTo("0");
            assertThat(counter(result, BuiltinMetrics.WS_SESSIONS.name())).isGreaterThanOrEqualTo(2);
            assertThat(counter(result, BuiltinMetrics.LV_REJOINS.name())).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void keptPageOutlivesIteration() {
        List<Integer> openSockets = new CopyOnWriteArrayList<>();
        List<String> counts = new CopyOnWriteArrayList<>();
        try (DemoApp app = DemoApp.start()) {
            RunResult result = ScriptRuns.run(options(app.baseUrl().toString()), new PerVuIterations(1, 3), vu -> {
                LiveView counter = vu.getOrCreate("counter", () -> vu.liveView().open("/counter"));
                counter.click("#inc");
                LiveView other = vu.liveView().open("/other");
                vu.check(other, "other joined", LiveView::isJoined);
                openSockets.add(app.openSockets());
                counts.add(counter.html().selectFirst("#count").text());
            });

            assertThat(openSockets).containsExactly(2, 2, 2);
            assertThat(counts).containsExactly("1", "2", "3");
            assertThat(result.errors()).isEmpty();
            await().atMost(WAIT).until(() -> app.openSockets() == 0);
        }
    }

    @Test
    void closeLeavesAndClosesSocket() {
        AtomicReference<Integer> before = new AtomicReference<>();
        AtomicReference<Integer> after = new AtomicReference<>();
        try (DemoApp app = DemoApp.start()) {
            runOnce(options(app.baseUrl().toString()), vu -> {
                LiveView counter = vu.liveView().open("/counter");
                before.set(app.openSockets());
                counter.close();
                after.set(app.openSockets());
            });

            assertThat(before.get()).isEqualTo(1);
            assertThat(after.get()).isZero();
        }
    }

    @Test
    void fiftyVusJoinAndClick() {
        try (DemoApp app = DemoApp.start()) {
            RunResult result = ScriptRuns.run(options(app.baseUrl().toString()), new PerVuIterations(50, 2), vu -> {
                LiveView counter = vu.liveView().open("/counter");
                vu.check(counter, "joined", LiveView::isJoined);
                counter.click("#inc");
                vu.check(counter, "count is 1", page -> page.html().selectFirst("#count").text().equals("1"));
            });

            assertThat(result.metrics().aggregate(BuiltinMetrics.CHECKS.name(), TagSet.EMPTY))
                    .contains(new RateValue(200, 0));
            assertThat(ScriptRuns.trendCount(result, BuiltinMetrics.LV_JOIN_DURATION.name(),
                    TagSet.of("view", "/counter"))).isEqualTo(100);
            assertThat(ScriptRuns.trendCount(result, BuiltinMetrics.LV_EVENT_DURATION.name(),
                    TagSet.of("view", "/counter", "event", "inc"))).isEqualTo(100);
            assertThat(ScriptRuns.trendCount(result, BuiltinMetrics.LV_DIFF_BYTES.name(),
                    TagSet.of("view", "/counter"))).isEqualTo(200);
            assertThat(result.metrics().aggregate(BuiltinMetrics.LV_JOINS_FAILED.name(),
                    TagSet.of("view", "/counter")))
                    .contains(new RateValue(0, 100));
            assertThat(errorCount(result, "liveview", "join_failed")).isZero();
            assertThat(result.errors()).isEmpty();
            await().atMost(WAIT).until(() -> app.openSockets() == 0);
        }
    }

    @Test
    void refusedPageFailsJoin() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AtomicReference<String> joinError = new AtomicReference<>();
        AtomicReference<Throwable> clickError = new AtomicReference<>();
        RunResult result = runOnce(options("http://127.0.0.1:" + closedPort), vu -> {
            LiveView counter = vu.liveView().open("/counter");
            joinError.set(counter.joinError().orElse(null));
            try {
                counter.click("#inc");
            } catch (IllegalStateException e) {
                clickError.set(e);
            }
        });

        assertThat(joinError.get()).isEqualTo("page_load_failed");
        assertThat(clickError.get()).hasMessageContaining("the page is not joined (page_load_failed: ");
        assertThat(result.metrics().aggregate(BuiltinMetrics.LV_JOINS_FAILED.name(),
                TagSet.of("reason", "page_load_failed"))).contains(new RateValue(1, 0));
    }

    @Test
    void missingPageFailsJoin() {
        AtomicReference<Throwable> clickError = new AtomicReference<>();
        try (LocalHttpServer server = new LocalHttpServer().text("/gone", 404, "not found")) {
            RunResult result = runOnce(options(server.baseUrl()), vu -> {
                LiveView page = vu.liveView().open("/gone");
                try {
                    page.submit("#form", Map.of());
                } catch (IllegalStateException e) {
                    clickError.set(e);
                }
            });

            assertThat(clickError.get()).hasMessageContaining("(http_404: the page GET returned status 404)");
            assertThat(result.metrics().aggregate(BuiltinMetrics.LV_JOINS_FAILED.name(),
                    TagSet.of("reason", "http_404"))).contains(new RateValue(1, 0));
        }
    }
}
