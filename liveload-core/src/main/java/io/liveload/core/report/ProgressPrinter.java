package io.liveload.core.report;

import io.liveload.core.engine.RunListener;
import io.liveload.core.engine.RunStatus;
import io.liveload.core.metrics.Interval;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.RunOptions.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Prints a k6-like progress line while a run goes, such as
 * {@code [SettingsTest.page] running (0m12.0s/1m30.0s), 45/100 VUs, 1234 complete and 2 interrupted iterations,
 * 312.5 req/s, 3 failed requests}. The request rate is over the time since the previous line.
 *
 * <p>How often: {@link Progress#AUTO} prints at most one line per second on an interactive terminal and one per
 * 10 s otherwise, {@link Progress#QUIET} one per 10 s, {@link Progress#OFF} nothing. Lines are due at whole
 * periods after the run's start and printed by the first sampling interval at or after that time, so slow
 * intervals never produce a burst of lines. Lines are plain (no carriage returns), so they read well in logs
 * and in the test report's output too. One instance serves one run.
 */
public final class ProgressPrinter implements RunListener {

    /** The period on an interactive terminal. */
    public static final Duration INTERACTIVE_PERIOD = Duration.ofSeconds(1);
    /** The period otherwise, and for {@link Progress#QUIET}. */
    public static final Duration QUIET_PERIOD = Duration.ofSeconds(10);

    private final PrintStream out;
    private final Progress mode;
    private final LongSupplier clockMillis;
    private final long periodMillis;
    private String testName = "";
    private long nextDueMillis;
    private long previousRequests;
    private long previousElapsedMillis;

    /**
     * Creates a printer.
     *
     * @param out         receives the lines
     * @param mode        when lines are printed
     * @param clockMillis a monotonic clock in milliseconds, such as {@code () -> System.nanoTime() / 1_000_000}
     * @param interactive whether {@code out} is an interactive terminal, which makes {@link Progress#AUTO} print
     *                    once a second
     */
    public ProgressPrinter(PrintStream out, Progress mode, LongSupplier clockMillis, boolean interactive) {
        this.out = Objects.requireNonNull(out, "out");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
        boolean everySecond = mode == Progress.AUTO && interactive;
        this.periodMillis = everySecond ? INTERACTIVE_PERIOD.toMillis() : QUIET_PERIOD.toMillis();
    }

    /** Returns a printer to {@link System#out} with the system's monotonic clock and {@link #isInteractive()}. */
    public static ProgressPrinter forConsole(Progress mode) {
        return new ProgressPrinter(System.out, mode, () -> System.nanoTime() / 1_000_000, isInteractive());
    }

    /**
     * Returns whether standard output is an interactive terminal: {@link System#console()} is present and the
     * {@code CI} environment variable is not set (CI systems set it, and their logs want fewer lines).
     */
    public static boolean isInteractive() {
        return System.console() != null && System.getenv("CI") == null;
    }

    /** Returns the time between lines in milliseconds. */
    long periodMillis() {
        return periodMillis;
    }

    @Override
    public void runStarted(LoadPlan plan, long startEpochMillis) {
        testName = plan.options().testName();
        nextDueMillis = clockMillis.getAsLong() + periodMillis;
        previousRequests = 0;
        previousElapsedMillis = 0;
    }

    @Override
    public void intervalSampled(Interval interval, RunStatus status) {
        if (mode == Progress.OFF) {
            return;
        }
        long now = clockMillis.getAsLong();
        if (now < nextDueMillis) {
            return;
        }
        long missedPeriods = (now - nextDueMillis) / periodMillis;
        nextDueMillis += (missedPeriods + 1) * periodMillis;
        out.println(line(status));
        out.flush();
    }

    private String line(RunStatus status) {
        long elapsedMillis = status.elapsed().toMillis();
        long sinceMillis = elapsedMillis - previousElapsedMillis;
        double requestsPerSecond = sinceMillis <= 0 ? 0 : (status.requests() - previousRequests) * 1000.0 / sinceMillis;
        previousRequests = status.requests();
        previousElapsedMillis = elapsedMillis;
        return String.format(Locale.ROOT,
                "[%s] running (%s/%s), %d/%d VUs, %d complete and %d interrupted iterations, %.1f req/s, %d failed %s",
                testName, clock(status.elapsed()), clock(status.plannedDuration()), status.activeVus(), status.maxVus(),
                status.completeIterations(), status.interruptedIterations(), requestsPerSecond, status.failedRequests(),
                status.failedRequests() == 1 ? "request" : "requests");
    }

    /** Formats a duration as k6's progress does: {@code 0m12.0s}, {@code 1h02m05.0s}. */
    static String clock(Duration duration) {
        long tenths = Math.max(0, duration.toMillis()) / 100;
        long hours = tenths / 36_000;
        long minutes = tenths % 36_000 / 600;
        long secondsTenths = tenths % 600;
        String seconds = String.format(Locale.ROOT, "%02d.%ds", secondsTenths / 10, secondsTenths % 10);
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh%02dm%s", hours, minutes, seconds);
        }
        return minutes + "m" + seconds;
    }
}
