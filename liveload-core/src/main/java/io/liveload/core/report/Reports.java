package io.liveload.core.report;

import io.liveload.core.ConfigurationException;
import io.liveload.core.engine.RunListener;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.TimeSeriesOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates the report listeners that a run's options ask for, so the engine wires them in one call. */
public final class Reports {

    private Reports() {
    }

    /**
     * Returns new listeners for one run, in the order to call them: the progress printer (unless progress is
     * {@code OFF}), the time-series writer and the histogram logs when {@code timeSeries} requests them, and last
     * the {@link ReportWriter} that prints the summary and writes summary.json and report.html.
     *
     * @throws ConfigurationException when time series or histogram logs are requested but there is neither a
     *                                time-series file nor an output directory to write them to
     */
    public static List<RunListener> listeners(RunOptions options) {
        List<RunListener> listeners = new ArrayList<>();
        if (options.progress() != RunOptions.Progress.OFF) {
            listeners.add(ProgressPrinter.forConsole(options.progress()));
        }
        TimeSeriesOutput timeSeries = options.timeSeries();
        if (timeSeries.format() != TimeSeriesOutput.Format.NONE) {
            Optional<Path> file = timeSeries.resolveFile(options.outputDir());
            if (file.isEmpty()) {
                throw new ConfigurationException("Time series in " + timeSeries.format().name().toLowerCase(
                        java.util.Locale.ROOT) + " are requested but there is nowhere to write them: set the output"
                        + " directory or a time-series file");
            }
            listeners.add(new TimeSeriesWriter(file.get(), timeSeries.format()));
        }
        if (timeSeries.histogramLogs()) {
            if (options.outputDir() == null) {
                throw new ConfigurationException("HdrHistogram logs are requested but there is no output directory"
                        + " to write them to: set the output directory");
            }
            listeners.add(new HistogramLogOutput(options.outputDir()));
        }
        listeners.add(new ReportWriter());
        return List.copyOf(listeners);
    }
}
