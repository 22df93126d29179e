package io.liveload.core.report;

import io.liveload.core.RunResult;
import io.liveload.core.engine.RunListener;
import io.liveload.core.engine.RunStatus;
import io.liveload.core.metrics.Interval;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.plan.LoadPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an HdrHistogram interval log per trend metric while the run goes: {@code <metric>.hlog} in the given
 * directory, readable by HdrHistogram's {@code HistogramLogReader} and its tools (HistogramLogProcessor,
 * HdrHistogramVisualizer). Each sampling interval adds one histogram per series that recorded values, tagged with
 * the series' tags (see {@link #encodeTags(TagSet)}). Time trends are logged in microseconds, other trends in
 * their plain values, and the log's comment line states which. Timestamps are seconds since the run's start, which
 * the log's {@code StartTime} and {@code BaseTime} lines give.
 *
 * <p>Interval histograms are copied on the sampler thread and encoded and written on a background thread, as
 * {@link TimeSeriesWriter} does. One instance serves one run.
 */
public final class HistogramLogOutput implements RunListener {

    /** The file name suffix of the logs. */
    public static final String SUFFIX = ".hlog";

    private static final Logger LOG = LoggerFactory.getLogger(HistogramLogOutput.class);
    private static final double MICROS_PER_MILLI = 1000.0;

    private final Path directory;
    private final Map<String, LogFile> logs = new HashMap<>();
    private BackgroundWriter background;
    private long startEpochMillis;

    /** One interval histogram, copied so it stays valid after the listener call. */
    private record Entry(EncodableHistogram histogram, double startSeconds, double endSeconds, double maxUnitRatio) {
    }

    /** A metric's log, used on the writer thread only. */
    private static final class LogFile {

        private final PrintStream stream;
        private final HistogramLogWriter writer;

        LogFile(PrintStream stream, HistogramLogWriter writer) {
            this.stream = stream;
            this.writer = writer;
        }
    }

    /** Creates an output that writes its logs into the directory, created when the run starts. */
    public HistogramLogOutput(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Returns the tags as the histogram tag of a log line: URL-encoded {@code key=value} pairs joined by {@code &},
     * such as {@code method=GET&name=settings}, since HdrHistogram tags cannot contain commas, spaces or line
     * breaks. Returns null for no tags, which logs the histogram without a tag.
     */
    public static String encodeTags(TagSet tags) {
        if (tags.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> tag : tags.asMap().entrySet()) {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(URLEncoder.encode(tag.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(tag.getValue(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** Returns the tags of a histogram tag written by {@link #encodeTags(TagSet)}; null gives no tags. */
    public static TagSet decodeTags(String tag) {
        if (tag == null || tag.isEmpty()) {
            return TagSet.EMPTY;
        }
        TagSet tags = TagSet.EMPTY;
        for (String pair : tag.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Invalid histogram tag \"" + tag
                        + "\": expected URL-encoded key=value pairs joined by &");
            }
            tags = tags.with(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return tags;
    }

    @Override
    public void runStarted(LoadPlan plan, long startEpochMillis) {
        this.startEpochMillis = startEpochMillis;
        String name = directory.resolve("*" + SUFFIX).toString();
        background = new BackgroundWriter(name, TimeSeriesWriter.QUEUED_INTERVALS);
    }

    @Override
    public void intervalSampled(Interval interval, RunStatus status) {
        if (background == null) {
            return;
        }
        double startSeconds = (interval.startEpochMillis() - startEpochMillis) / 1000.0;
        double endSeconds = (interval.endEpochMillis() - startEpochMillis) / 1000.0;
        Map<Metric, List<Entry>> byMetric = new LinkedHashMap<>();
        for (SeriesValue series : interval.series()) {
            if (!(series.value() instanceof TrendValue trend) || trend.sampleCount() == 0) {
                continue;
            }
            EncodableHistogram histogram = trend.isTime() ? trend.microsHistogram() : trend.valuesHistogram();
            histogram.setTag(encodeTags(series.tags()));
            double maxUnitRatio = trend.isTime() ? MICROS_PER_MILLI : 1.0;
            byMetric.computeIfAbsent(series.metric(), metric -> new ArrayList<>())
                    .add(new Entry(histogram, startSeconds, endSeconds, maxUnitRatio));
        }
        if (!byMetric.isEmpty()) {
            background.submit(() -> write(byMetric));
        }
    }

    private void write(Map<Metric, List<Entry>> byMetric) throws IOException {
        for (Map.Entry<Metric, List<Entry>> metric : byMetric.entrySet()) {
            LogFile log = logs.get(metric.getKey().name());
            if (log == null) {
                log = open(metric.getKey());
                logs.put(metric.getKey().name(), log);
            }
            for (Entry entry : metric.getValue()) {
                log.writer.outputIntervalHistogram(entry.startSeconds(), entry.endSeconds(), entry.histogram(),
                        entry.maxUnitRatio());
            }
            log.stream.flush();
            if (log.stream.checkError()) {
                throw new IOException("Could not write " + directory.resolve(metric.getKey().name() + SUFFIX));
            }
        }
    }

    private LogFile open(Metric metric) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(metric.name() + SUFFIX);
        OutputStream output = Files.newOutputStream(file);
        PrintStream stream = new PrintStream(output, false, StandardCharsets.UTF_8);
        HistogramLogWriter writer = new HistogramLogWriter(stream);
        String unit = metric.isTime() ? "microseconds; Interval_Max in milliseconds" : metric.contains().k6Name()
                + " values; Interval_Max in the same unit";
        writer.outputComment("liveload interval histograms of " + metric.name() + ", values in " + unit
                + "; tags are URL-encoded key=value pairs joined by &");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMillis);
        writer.outputBaseTime(startEpochMillis);
        writer.outputLegend();
        LOG.info("Writing HdrHistogram interval log {}", file);
        return new LogFile(stream, writer);
    }

    @Override
    public void runFinished(RunResult result) {
        if (background == null) {
            return;
        }
        boolean finished = background.close(Duration.ofSeconds(TimeSeriesWriter.CLOSE_TIMEOUT_SECONDS));
        background = null;
        if (finished) {
            // The writer thread has ended, so its writes happen before these closes.
            for (LogFile log : logs.values()) {
                log.stream.close();
            }
            logs.clear();
        }
    }
}
