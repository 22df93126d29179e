package io.liveload.core.plan;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The time-series files a run writes while it goes. Points are per-interval aggregates: one point per series
 * (metric and tag set) per sampling interval of about a second, not one point per request.
 *
 * @param format        the time-series file's format, or {@link Format#NONE} for no file
 * @param file          where the time-series file goes; null means {@code metrics.json} or {@code metrics.csv} in
 *                      the run's output directory
 * @param histogramLogs whether each trend metric also gets an HdrHistogram interval log, {@code <metric>.hlog}
 *                      in the output directory
 */
public record TimeSeriesOutput(Format format, Path file, boolean histogramLogs) {

    /** No time-series file and no histogram logs. */
    public static final TimeSeriesOutput NONE = new TimeSeriesOutput(Format.NONE, null, false);

    /** The format of the time-series file. */
    public enum Format {
        /** No file. */
        NONE,
        /** JSON lines in the shape of k6's JSON output ({@code --out json}). */
        JSON,
        /** CSV with a header line, in the spirit of k6's CSV output ({@code --out csv}). */
        CSV
    }

    public TimeSeriesOutput {
        Objects.requireNonNull(format, "format");
        if (format == Format.NONE && file != null) {
            throw new IllegalArgumentException("A time-series file (" + file + ") is set but the format is none:"
                    + " choose json or csv, or drop the file");
        }
    }

    /** Returns JSON lines in the output directory, without histogram logs. */
    public static TimeSeriesOutput json() {
        return new TimeSeriesOutput(Format.JSON, null, false);
    }

    /** Returns CSV in the output directory, without histogram logs. */
    public static TimeSeriesOutput csv() {
        return new TimeSeriesOutput(Format.CSV, null, false);
    }

    /** Returns this output writing its time series to the given file. */
    public TimeSeriesOutput withFile(Path newFile) {
        return new TimeSeriesOutput(format, newFile, histogramLogs);
    }

    /** Returns this output with or without HdrHistogram interval logs. */
    public TimeSeriesOutput withHistogramLogs(boolean enabled) {
        return new TimeSeriesOutput(format, file, enabled);
    }

    /**
     * Returns the time-series file: {@link #file()} when set, else {@code metrics.json} or {@code metrics.csv} in the
     * output directory. Empty for {@link Format#NONE} or when neither a file nor a directory is set.
     */
    public Optional<Path> resolveFile(Path outputDir) {
        if (format == Format.NONE) {
            return Optional.empty();
        }
        if (file != null) {
            return Optional.of(file);
        }
        String name = format == Format.JSON ? "metrics.json" : "metrics.csv";
        return Optional.ofNullable(outputDir).map(directory -> directory.resolve(name));
    }
}
