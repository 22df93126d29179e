package io.liveload.core.report;

import io.liveload.core.RunResult;
import io.liveload.core.engine.RunListener;
import io.liveload.core.engine.RunStatus;
import io.liveload.core.metrics.Interval;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.TimeSeriesOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's metrics over time to a file while the run goes, as JSON lines in the shape of k6's JSON output or
 * as CSV. Points are per-interval aggregates: one point per series (metric and tag set) per sampling interval of
 * about a second, not one point per request. A trend point's value is the interval's mean, with the count and
 * percentiles in extra fields, which describe the distribution of the interval's requests.
 *
 * <p>The sampler thread only formats the interval's lines. A background thread writes and flushes them, so a slow
 * disk delays the file and never the run; when more than {@value #QUEUED_INTERVALS} intervals wait, later ones
 * are dropped and counted in the log. The file is complete once {@link #runFinished} returns (at most
 * {@value #CLOSE_TIMEOUT_SECONDS} s after the last interval). One instance serves one run.
 */
public final class TimeSeriesWriter implements RunListener {

    /** The number of intervals that may wait for the disk before new ones are dropped. */
    static final int QUEUED_INTERVALS = 120;
    /** How long {@link #runFinished} waits for queued intervals to be written. */
    static final int CLOSE_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesWriter.class);

    private final Path file;
    private final TimeSeriesOutput.Format format;
    private PointFormat points;
    private BackgroundWriter background;
    private Writer out;

    /**
     * Creates a writer; the file is created (with its directories) or truncated when the run starts.
     *
     * @param file   the file to write
     * @param format {@link TimeSeriesOutput.Format#JSON} or {@link TimeSeriesOutput.Format#CSV}
     */
    public TimeSeriesWriter(Path file, TimeSeriesOutput.Format format) {
        this.file = Objects.requireNonNull(file, "file");
        this.format = Objects.requireNonNull(format, "format");
        if (format == TimeSeriesOutput.Format.NONE) {
            throw new IllegalArgumentException("A time-series writer needs the format json or csv, got none");
        }
    }

    @Override
    public void runStarted(LoadPlan plan, long startEpochMillis) {
        points = format == TimeSeriesOutput.Format.JSON ? new JsonPointFormat(plan.thresholds()) : new CsvPointFormat();
        background = new BackgroundWriter(file.toString(), QUEUED_INTERVALS);
        String header = points.header();
        background.submit(() -> open(header));
    }

    private void open(String header) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writer.write(header);
        writer.flush();
        out = writer;
        LOG.info("Writing the time series to {}", file);
    }

    @Override
    public void intervalSampled(Interval interval, RunStatus status) {
        if (background == null) {
            return;
        }
        String lines = points.lines(interval);
        if (!lines.isEmpty()) {
            background.submit(() -> write(lines));
        }
    }

    private void write(String lines) throws IOException {
        if (out == null) {
            throw new IOException("Could not open " + file + ", so its points are dropped");
        }
        out.write(lines);
        out.flush();
    }

    @Override
    public void runFinished(RunResult result) {
        if (background == null) {
            return;
        }
        boolean finished = background.close(Duration.ofSeconds(CLOSE_TIMEOUT_SECONDS));
        background = null;
        if (finished && out != null) {
            // The writer thread has ended, so its writes happen before this close.
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Could not close {}: {}", file, e.toString());
            }
            out = null;
        }
    }
}
