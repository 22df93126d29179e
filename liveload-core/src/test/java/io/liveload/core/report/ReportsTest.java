package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liveload.core.ConfigurationException;
import io.liveload.core.engine.RunListener;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.TimeSeriesOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private final RunOptions defaults = RunOptions.defaults("ReportsTest.listeners");

    @Test
    void defaultsPrintProgressAndSummary() {
        List<RunListener> listeners = Reports.listeners(defaults);

        assertThat(listeners).hasExactlyElementsOfTypes(ProgressPrinter.class, ReportWriter.class);
    }

    @Test
    void progressOffLeavesSummary() {
        List<RunListener> listeners = Reports.listeners(defaults.withProgress(RunOptions.Progress.OFF));

        assertThat(listeners).hasExactlyElementsOfTypes(ReportWriter.class);
    }

    @Test
    void timeSeriesAndHistogramLogs() {
        RunOptions options = defaults.withProgress(RunOptions.Progress.OFF)
                .withTimeSeries(TimeSeriesOutput.json().withHistogramLogs(true))
                .withOutputDir(Path.of("target", "reports-test"));

        List<RunListener> listeners = Reports.listeners(options);

        assertThat(listeners).hasExactlyElementsOfTypes(TimeSeriesWriter.class, HistogramLogOutput.class,
                ReportWriter.class);
    }

    @Test
    void timeSeriesWithoutDestinationRejected() {
        RunOptions options = defaults.withTimeSeries(TimeSeriesOutput.csv());

        assertThatThrownBy(() -> Reports.listeners(options))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("set the output directory or a time-series file");
    }

    @Test
    void histogramLogsWithoutDirectoryRejected() {
        RunOptions options = defaults.withTimeSeries(TimeSeriesOutput.NONE.withHistogramLogs(true));

        assertThatThrownBy(() -> Reports.listeners(options))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("HdrHistogram logs are requested");
    }
}
