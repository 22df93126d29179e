package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.TagSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramLogOutputTest {

    @TempDir
    Path directory;

    private List<EncodableHistogram> read(Path file) throws Exception {
        List<EncodableHistogram> histograms = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            while (reader.hasNext()) {
                EncodableHistogram histogram = reader.nextIntervalHistogram();
                if (histogram != null) {
                    histograms.add(histogram);
                }
            }
        }
        return histograms;
    }

    private RunFixture runStandard() {
        RunFixture fixture = new RunFixture();
        fixture.listen(new HistogramLogOutput(directory.resolve("hlog")));
        fixture.recordSeconds(10, 1);
        fixture.finish();
        return fixture;
    }

    @Test
    void logPerTrendMetric() {
        runStandard();

        assertThat(directory.resolve("hlog/http_req_duration.hlog")).exists();
        assertThat(directory.resolve("hlog/http_req_waiting.hlog")).exists();
        assertThat(directory.resolve("hlog/iteration_duration.hlog")).exists();
        assertThat(directory.resolve("hlog/http_reqs.hlog")).doesNotExist();
    }

    @Test
    void commentStatesMicroseconds() throws Exception {
        runStandard();

        String first = Files.readAllLines(directory.resolve("hlog/http_req_duration.hlog")).get(0);
        assertThat(first).startsWith("#liveload interval histograms of http_req_duration, values in microseconds");
    }

    @Test
    void readerSeesIntervalPerSeries() throws Exception {
        RunFixture fixture = runStandard();

        List<EncodableHistogram> home = read(directory.resolve("hlog/http_req_duration.hlog")).stream()
                .filter(histogram -> HistogramLogOutput.encodeTags(RunFixture.HOME).equals(histogram.getTag()))
                .toList();
        assertThat(home).hasSize(10);
        Histogram merged = new Histogram(3);
        for (EncodableHistogram histogram : home) {
            merged.add((Histogram) histogram);
        }
        assertThat(merged.getTotalCount()).isEqualTo(fixture.homeDurations.getTotalCount());
        assertThat(merged.getValueAtPercentile(95)).isEqualTo(fixture.homeDurations.getValueAtPercentile(95));
        assertThat(merged.getMaxValue()).isEqualTo(fixture.homeDurations.getMaxValue());
    }

    @Test
    void intervalTimestampsFollowRun() throws Exception {
        runStandard();

        List<EncodableHistogram> histograms = read(directory.resolve("hlog/iteration_duration.hlog"));
        assertThat(histograms).hasSize(10);
        long start = RunFixture.START.toEpochMilli();
        assertThat(histograms.get(0).getStartTimeStamp()).isEqualTo(start);
        assertThat(histograms.get(0).getEndTimeStamp()).isEqualTo(start + 1000);
        assertThat(histograms.get(9).getStartTimeStamp()).isEqualTo(start + 9000);
    }

    @Test
    void valueTrendLoggedAsDoubleHistogram() throws Exception {
        RunFixture fixture = new RunFixture();
        fixture.listen(new HistogramLogOutput(directory));
        for (int bytes = 100; bytes < 200; bytes++) {
            fixture.registry.trend(BuiltinMetrics.LV_DIFF_BYTES, RunFixture.BASE).record(bytes);
        }
        fixture.endSecond(1);
        fixture.finish();

        Path file = directory.resolve("lv_diff_bytes.hlog");
        List<EncodableHistogram> histograms = read(file);
        assertThat(Files.readAllLines(file).get(0)).contains("values in data values");
        assertThat(histograms).hasSize(1);
        DoubleHistogram values = (DoubleHistogram) histograms.get(0);
        assertThat(values.getTotalCount()).isEqualTo(100);
        assertThat(values.getMaxValue()).isBetween(199.0, 199.0 * 1.001);
    }

    @Test
    void tagsRoundTrip() {
        TagSet tags = TagSet.of("name", "a, b & c=d", "url", "http://127.0.0.1/x?y=1", "größe", "100%");

        String encoded = HistogramLogOutput.encodeTags(tags);

        assertThat(encoded).doesNotContain(",").doesNotContain(" ").doesNotContain("\n");
        assertThat(HistogramLogOutput.decodeTags(encoded)).isEqualTo(tags);
    }

    @Test
    void noTagsNoHistogramTag() {
        assertThat(HistogramLogOutput.encodeTags(TagSet.EMPTY)).isNull();
        assertThat(HistogramLogOutput.decodeTags(null)).isEqualTo(TagSet.EMPTY);
    }
}
