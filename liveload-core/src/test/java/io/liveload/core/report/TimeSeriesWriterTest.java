package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.TimeSeriesOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;

    private List<JsonNode> jsonLines(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }

    private Path runStandard(TimeSeriesOutput.Format format, String fileName) {
        Path file = directory.resolve("series").resolve(fileName);
        RunFixture fixture = new RunFixture();
        fixture.listen(new TimeSeriesWriter(file, format));
        fixture.recordSeconds(10, 1);
        fixture.finish();
        return file;
    }

    private static JsonNode point(List<JsonNode> lines, String metric, String name, String time) {
        return lines.stream()
                .filter(line -> line.path("type").asText().equals("Point"))
                .filter(line -> line.path("metric").asText().equals(metric))
                .filter(line -> name == null ? line.path("data").path("tags").isNull()
                        : line.path("data").path("tags").path("name").asText().equals(name))
                .filter(line -> line.path("data").path("time").asText().equals(time))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point of " + metric + " " + name + " at " + time));
    }

    @Test
    void jsonDeclaresMetricBeforePoints() throws Exception {
        List<JsonNode> lines = jsonLines(runStandard(TimeSeriesOutput.Format.JSON, "metrics.json"));

        Set<String> declared = new LinkedHashSet<>();
        for (JsonNode line : lines) {
            String metric = line.path("metric").asText();
            if (line.path("type").asText().equals("Metric")) {
                assertThat(declared.add(metric)).as("declared once: %s", metric).isTrue();
            } else {
                assertThat(line.path("type").asText()).isEqualTo("Point");
                assertThat(declared).as("declared before its points: %s", metric).contains(metric);
            }
        }
    }

    @Test
    void jsonMetricLineAsK6() throws Exception {
        List<JsonNode> lines = jsonLines(runStandard(TimeSeriesOutput.Format.JSON, "metrics.json"));

        JsonNode metric = lines.stream()
                .filter(line -> line.path("type").asText().equals("Metric"))
                .filter(line -> line.path("metric").asText().equals("http_req_duration"))
                .findFirst().orElseThrow();
        assertThat(metric.path("data").path("type").asText()).isEqualTo("trend");
        assertThat(metric.path("data").path("contains").asText()).isEqualTo("time");
        assertThat(metric.path("data").path("thresholds").toString()).isEqualTo("[\"p(95)<500\"]");
        assertThat(metric.path("data").path("submetrics").path(0).path("name").asText())
                .isEqualTo("http_req_duration{name:settings}");
        assertThat(metric.path("data").path("submetrics").path(0).path("tags").path("name").asText())
                .isEqualTo("settings");
    }

    @Test
    void jsonTrendPointAggregatesInterval() throws Exception {
        List<JsonNode> lines = jsonLines(runStandard(TimeSeriesOutput.Format.JSON, "metrics.json"));

        // In the first second, home took 10, 11, 12 and 13 ms.
        JsonNode data = point(lines, "http_req_duration", "home", "2024-05-01T10:00:01Z").path("data");
        Histogram expected = new Histogram(3);
        for (long millis = 10; millis <= 13; millis++) {
            expected.recordValue(millis * 1000);
        }
        assertThat(data.path("value").asDouble()).isCloseTo(11.5, within(1e-9));
        assertThat(data.path("count").asLong()).isEqualTo(4);
        assertThat(data.path("p(95)").asDouble()).isEqualTo(RunFixture.percentileMillis(expected, 95));
        assertThat(data.path("max").asDouble()).isEqualTo(RunFixture.percentileMillis(expected, 100));
        assertThat(data.path("tags").path("method").asText()).isEqualTo("GET");
        assertThat(data.path("tags").path("scenario").asText()).isEqualTo("browse");
    }

    @Test
    void jsonPointPerSeriesPerInterval() throws Exception {
        List<JsonNode> lines = jsonLines(runStandard(TimeSeriesOutput.Format.JSON, "metrics.json"));

        long homePoints = lines.stream()
                .filter(line -> line.path("metric").asText().equals("http_req_duration"))
                .filter(line -> line.path("data").path("tags").path("name").asText().equals("home"))
                .count();
        // Saves happen in even seconds only, so they have a point in 5 of 10 intervals.
        long savePoints = lines.stream()
                .filter(line -> line.path("metric").asText().equals("http_req_duration"))
                .filter(line -> line.path("data").path("tags").path("name").asText().equals("save"))
                .count();
        assertThat(homePoints).isEqualTo(10);
        assertThat(savePoints).isEqualTo(5);
    }

    @Test
    void jsonCounterRateAndGaugePoints() throws Exception {
        List<JsonNode> lines = jsonLines(runStandard(TimeSeriesOutput.Format.JSON, "metrics.json"));

        assertThat(point(lines, "http_reqs", "home", "2024-05-01T10:00:03Z").path("data").path("value").asDouble())
                .isEqualTo(4);
        JsonNode vus = point(lines, "vus", null, "2024-05-01T10:00:03Z").path("data");
        assertThat(vus.path("value").asDouble()).isEqualTo(10);
        JsonNode failed = lines.stream()
                .filter(line -> line.path("metric").asText().equals("http_req_failed"))
                .filter(line -> line.path("data").path("tags").path("status").asText().equals("500"))
                .findFirst().orElseThrow().path("data");
        assertThat(failed.path("value").asDouble()).isEqualTo(1.0);
        assertThat(failed.path("passes").asLong()).isEqualTo(1);
        assertThat(failed.path("fails").asLong()).isEqualTo(0);
    }

    @Test
    void csvHasHeader() throws Exception {
        List<String> lines = Files.readAllLines(runStandard(TimeSeriesOutput.Format.CSV, "metrics.csv"));

        assertThat(lines.get(0)).isEqualTo("metric_name,timestamp,metric_value,sample_count,min,med,p90,p95,p99,max,"
                + "check,error_code,expected_response,group,method,name,scenario,status,url,extra_tags");
    }

    @Test
    void csvTrendRow() throws Exception {
        List<String> lines = Files.readAllLines(runStandard(TimeSeriesOutput.Format.CSV, "metrics.csv"));

        String row = lines.stream()
                .filter(line -> line.startsWith("http_req_duration,2024-05-01T10:00:01Z,"))
                .filter(line -> line.contains(",GET,home,"))
                .findFirst().orElseThrow();
        String[] fields = row.split(",", -1);
        assertThat(fields).hasSize(20);
        assertThat(Double.parseDouble(fields[2])).isCloseTo(11.5, within(1e-9));
        assertThat(fields[3]).isEqualTo("4");
        assertThat(fields[12]).isEqualTo("true");
        assertThat(fields[16]).isEqualTo("browse");
        assertThat(fields[17]).isEqualTo("200");
        assertThat(fields[19]).isEmpty();
    }

    @Test
    void csvQuotesAndExtraTags() throws Exception {
        Path file = directory.resolve("metrics.csv");
        RunFixture fixture = new RunFixture();
        fixture.listen(new TimeSeriesWriter(file, TimeSeriesOutput.Format.CSV));
        fixture.registry.counter(BuiltinMetrics.HTTP_REQS, TagSet.of("url", "http://127.0.0.1/a,b", "tenant", "a b"))
                .increment();
        fixture.endSecond(1);
        fixture.finish();

        String row = Files.readAllLines(file).stream().filter(line -> line.startsWith("http_reqs,")).findFirst()
                .orElseThrow();
        assertThat(row).endsWith(",\"http://127.0.0.1/a,b\",tenant=a+b");
    }

    @Test
    void csvFieldQuotesQuotes() {
        assertThat(CsvPointFormat.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvPointFormat.field("plain")).isEqualTo("plain");
    }

    @Test
    void fileFlushedEachInterval() throws Exception {
        Path file = directory.resolve("metrics.json");
        RunFixture fixture = new RunFixture();
        fixture.listen(new TimeSeriesWriter(file, TimeSeriesOutput.Format.JSON));
        fixture.recordSeconds(2, 1);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Files.exists(file) && Files.readString(file).contains("2024-05-01T10:00:02Z"));
        fixture.finish();
    }

    @Test
    void unwritableFileDoesNotThrow() throws Exception {
        Path occupied = Files.writeString(directory.resolve("occupied"), "a file, not a directory");
        RunFixture fixture = new RunFixture();
        fixture.listen(new TimeSeriesWriter(occupied.resolve("metrics.json"), TimeSeriesOutput.Format.JSON));
        fixture.recordSeconds(2, 1);

        fixture.finish();

        assertThat(Files.readString(occupied)).isEqualTo("a file, not a directory");
    }

    @Test
    void rejectsFormatNone() {
        assertThatThrownBy(() -> new TimeSeriesWriter(directory.resolve("x"), TimeSeriesOutput.Format.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json or csv");
    }
}
