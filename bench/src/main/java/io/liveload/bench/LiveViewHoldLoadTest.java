package io.liveload.bench;

import io.liveload.core.Vu;
import io.liveload.core.liveview.LiveView;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;
import java.time.Duration;

/**
 * The LiveView hold benchmark: every VU opens the demo app's counter page once, keeps it across iterations with
 * {@code vu.getOrCreate}, and checks once a second that it is still joined, while heartbeats keep the socket
 * alive. {@code bench/liveview-hold.sh} starts the demo app and sets the VUs, the duration and these
 * {@code -Dliveload.env.*} values:
 * <ul>
 *   <li>{@code RAMP_SECONDS}: the VUs open their pages spread evenly over this time (default 10), so the
 *       demo app is not asked for every page and join in the same second;</li>
 *   <li>{@code HOLD_SECONDS}: the time from the moment every VU has its page joined to the measurement
 *       (default 60);</li>
 *   <li>{@code HEARTBEAT_SECONDS}: the heartbeat interval of the pages (default 10).</li>
 * </ul>
 * At the end of the hold window one VU measures the load generator with {@link HoldProbe} and prints a
 * {@code hold-figures} line to standard output. The probe counts joins for the whole JVM, so the script runs
 * the test once per JVM and without a warm-up, whose VUs would count too.
 */
class LiveViewHoldLoadTest {

    private static final HoldProbe PROBE = new HoldProbe();

    @LoadTest(vus = 100, duration = "90s", gracefulStop = "10s")
    @Threshold(metric = "checks", condition = "rate == 1")
    @Threshold(metric = "lv_joins_failed", condition = "rate == 0")
    void holdCounter(Vu vu) {
        int views = Integer.parseInt(vu.env("VIEWS").orElse("100"));
        Duration hold = Duration.ofSeconds(Long.parseLong(vu.env("HOLD_SECONDS").orElse("60")));
        if (vu.iteration() == 0) {
            // VU ids start at 1, so VU 1 opens its page at once and the last one just before the ramp ends.
            long rampMillis = Long.parseLong(vu.env("RAMP_SECONDS").orElse("10")) * 1000;
            vu.sleep(Duration.ofMillis(rampMillis * (vu.id() - 1) / views));
        }

        LiveView counter = vu.getOrCreate("counter", () -> openCounter(vu, views));
        vu.check(counter, "view joined", LiveView::isJoined);

        PROBE.measureWhenHeld(hold);
        vu.sleep(Duration.ofSeconds(1));
    }

    private static LiveView openCounter(Vu vu, int views) {
        Duration heartbeat = Duration.ofSeconds(Long.parseLong(vu.env("HEARTBEAT_SECONDS").orElse("10")));
        LiveView view = vu.liveView().open("/counter", options -> options.heartbeatInterval(heartbeat));
        if (view.isJoined()) {
            PROBE.viewJoined(views);
        }
        return view;
    }
}
