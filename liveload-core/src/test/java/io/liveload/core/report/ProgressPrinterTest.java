package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.plan.RunOptions.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong(5_000);

    private ProgressPrinter printer(Progress mode, boolean interactive) {
        return new ProgressPrinter(new PrintStream(printed, true, StandardCharsets.UTF_8), mode, clock::get,
                interactive);
    }

    private List<String> lines() {
        String text = printed.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** Runs seconds of the standard fixture, advancing the clock by one second per interval. */
    private void run(ProgressPrinter printer, int seconds) {
        RunFixture fixture = new RunFixture();
        fixture.listen(new io.liveload.core.engine.RunListener() {
            @Override
            public void intervalSampled(io.liveload.core.metrics.Interval interval,
                                        io.liveload.core.engine.RunStatus status) {
                clock.addAndGet(1000);
            }
        });
        fixture.listen(printer);
        fixture.recordSeconds(seconds, 1);
    }

    @Test
    void interactiveEverySecond() {
        run(printer(Progress.AUTO, true), 5);

        assertThat(lines()).hasSize(5);
    }

    @Test
    void notInteractiveEveryTenSeconds() {
        run(printer(Progress.AUTO, false), 25);

        assertThat(lines()).hasSize(2);
    }

    @Test
    void quietEveryTenSeconds() {
        run(printer(Progress.QUIET, true), 25);

        assertThat(lines()).hasSize(2);
    }

    @Test
    void offPrintsNothing() {
        run(printer(Progress.OFF, true), 25);

        assertThat(lines()).isEmpty();
    }

    @Test
    void lineShowsRunState() {
        run(printer(Progress.AUTO, true), 2);

        // Each second has 4 home, 3 settings and (in even seconds) 1 save request; second 1 has one failure.
        assertThat(lines().get(1)).isEqualTo("[SettingsLoadTest.settingsPage] running (0m02.0s/0m40.0s), 5/10 VUs,"
                + " 2 complete and 0 interrupted iterations, 7.0 req/s, 1 failed request");
    }

    @Test
    void rateOverTimeSinceLastLine() {
        run(printer(Progress.QUIET, false), 10);

        // 10 s with 4 home and 3 settings requests per second plus 5 saves.
        assertThat(lines().get(0)).contains(", 7.5 req/s, ");
    }

    @Test
    void slowIntervalsNoBurst() {
        ProgressPrinter printer = printer(Progress.AUTO, true);
        RunFixture fixture = new RunFixture();
        fixture.listen(printer);

        clock.addAndGet(35_000);
        fixture.recordSeconds(1, 1);
        clock.addAndGet(500);
        fixture.recordSeconds(1, 1);
        clock.addAndGet(500);
        fixture.recordSeconds(1, 1);

        assertThat(lines()).hasSize(2);
    }

    @Test
    void periodFollowsMode() {
        assertThat(printer(Progress.AUTO, true).periodMillis()).isEqualTo(1_000);
        assertThat(printer(Progress.AUTO, false).periodMillis()).isEqualTo(10_000);
        assertThat(printer(Progress.QUIET, true).periodMillis()).isEqualTo(10_000);
    }

    @Test
    void clockFormatsLikeK6() {
        assertThat(ProgressPrinter.clock(Duration.ofMillis(12_345))).isEqualTo("0m12.3s");
        assertThat(ProgressPrinter.clock(Duration.ofSeconds(90))).isEqualTo("1m30.0s");
        assertThat(ProgressPrinter.clock(Duration.ofSeconds(3_725))).isEqualTo("1h02m05.0s");
    }
}
