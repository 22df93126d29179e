package io.liveload.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TimeSeriesOutputTest {

    @Test
    void jsonDefaultsToOutputDir() {
        assertThat(TimeSeriesOutput.json().resolveFile(Path.of("out"))).contains(Path.of("out", "metrics.json"));
    }

    @Test
    void csvDefaultsToOutputDir() {
        assertThat(TimeSeriesOutput.csv().resolveFile(Path.of("out"))).contains(Path.of("out", "metrics.csv"));
    }

    @Test
    void fileWinsOverOutputDir() {
        TimeSeriesOutput output = TimeSeriesOutput.json().withFile(Path.of("series.jsonl"));

        assertThat(output.resolveFile(Path.of("out"))).contains(Path.of("series.jsonl"));
    }

    @Test
    void noneResolvesToNothing() {
        assertThat(TimeSeriesOutput.NONE.resolveFile(Path.of("out"))).isEmpty();
    }

    @Test
    void noDirectoryNoFile() {
        assertThat(TimeSeriesOutput.csv().resolveFile(null)).isEmpty();
    }

    @Test
    void rejectsFileWithoutFormat() {
        assertThatThrownBy(() -> new TimeSeriesOutput(TimeSeriesOutput.Format.NONE, Path.of("a.json"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose json or csv");
    }

    @Test
    void runOptionsDefaultToNone() {
        assertThat(RunOptions.defaults("Test.method").timeSeries()).isEqualTo(TimeSeriesOutput.NONE);
    }

    @Test
    void runOptionsKeepTimeSeries() {
        RunOptions options = RunOptions.defaults("Test.method")
                .withTimeSeries(TimeSeriesOutput.csv().withHistogramLogs(true))
                .withOutputDir(Path.of("out"));

        assertThat(options.timeSeries()).isEqualTo(TimeSeriesOutput.csv().withHistogramLogs(true));
    }
}
