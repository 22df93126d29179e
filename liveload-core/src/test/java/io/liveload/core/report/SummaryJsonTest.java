package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.RunResult;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.MetricsSnapshot;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double[] PERCENTILES = {0, 1, 50, 90, 95, 99, 99.9, 100};

    private final RunFixture fixture = RunFixture.standard();

    private JsonNode json() throws Exception {
        return MAPPER.readTree(SummaryJson.render(fixture.result()));
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static TrendValue trend(MetricsSnapshot metrics, String name, TagSet filter) {
        return (TrendValue) metrics.aggregate(name, filter).orElseThrow();
    }

    @Test
    void topLevelKeysAsK6() throws Exception {
        JsonNode json = json();

        assertThat(json.has("root_group")).isTrue();
        assertThat(json.has("metrics")).isTrue();
        assertThat(json.path("state").path("testRunDurationMs").asDouble()).isEqualTo(10_000.0);
        assertThat(json.path("options").path("summaryTrendStats").toString())
                .isEqualTo("[\"avg\",\"min\",\"med\",\"max\",\"p(90)\",\"p(95)\"]");
    }

    @Test
    void trendHasTypeContainsAndStats() throws Exception {
        JsonNode metric = json().path("metrics").path("http_req_duration");

        assertThat(metric.path("type").asText()).isEqualTo("trend");
        assertThat(metric.path("contains").asText()).isEqualTo("time");
        assertThat(metric.path("values").fieldNames()).toIterable()
                .containsExactly("avg", "min", "med", "max", "p(90)", "p(95)");
    }

    @Test
    void trendValuesEqualHistogram() throws Exception {
        JsonNode values = json().path("metrics").path("http_req_duration").path("values");

        assertThat(values.path("p(95)").asDouble()).isEqualTo(RunFixture.percentileMillis(fixture.allDurations, 95));
        assertThat(values.path("p(90)").asDouble()).isEqualTo(RunFixture.percentileMillis(fixture.allDurations, 90));
        assertThat(values.path("med").asDouble()).isEqualTo(RunFixture.percentileMillis(fixture.allDurations, 50));
        assertThat(values.path("max").asDouble())
                .isEqualTo(fixture.allDurations.highestEquivalentValue(fixture.allDurations.getMaxValue()) / 1000.0);
        assertThat(values.path("min").asDouble())
                .isEqualTo(fixture.allDurations.lowestEquivalentValue(fixture.allDurations.getMinValue()) / 1000.0);
        assertThat(values.path("avg").asDouble())
                .isCloseTo(fixture.durationSumMicros / 1000.0 / fixture.allDurations.getTotalCount(), within(1e-9));
    }

    @Test
    void trendValuesEqualSnapshot() throws Exception {
        JsonNode values = json().path("metrics").path("http_req_waiting").path("values");

        TrendValue waiting = trend(fixture.totals(), "http_req_waiting", TagSet.EMPTY);
        assertThat(values.path("p(95)").asDouble()).isEqualTo(waiting.percentile(95));
        assertThat(values.path("med").asDouble()).isEqualTo(waiting.med());
        assertThat(values.path("avg").asDouble()).isEqualTo(waiting.avg());
    }

    @Test
    void subMetricOfThresholdHasOwnKey() throws Exception {
        JsonNode metric = json().path("metrics").path("http_req_duration{name:settings}");

        assertThat(metric.path("type").asText()).isEqualTo("trend");
        assertThat(metric.path("values").path("p(95)").asDouble())
                .isEqualTo(RunFixture.percentileMillis(fixture.settingsDurations, 95));
        assertThat(metric.path("thresholds").path("p(95) < 200ms").path("ok").asBoolean(true)).isFalse();
    }

    @Test
    void expectedResponseSubMetric() throws Exception {
        JsonNode values = json().path("metrics").path("http_req_duration{expected_response:true}").path("values");

        TrendValue expected = trend(fixture.totals(), "http_req_duration", TagSet.of("expected_response", "true"));
        assertThat(values.path("p(95)").asDouble()).isEqualTo(expected.percentile(95));
    }

    @Test
    void thresholdsKeyedByCondition() throws Exception {
        JsonNode metrics = json().path("metrics");

        assertThat(metrics.path("http_req_duration").path("thresholds").path("p(95)<500").path("ok").asBoolean())
                .isTrue();
        assertThat(metrics.path("http_req_failed").path("thresholds").path("rate<0.01").path("ok").asBoolean(true))
                .isFalse();
        assertThat(metrics.path("http_reqs").has("thresholds")).isFalse();
    }

    @Test
    void metricWithoutSamplesHasNulls() throws Exception {
        JsonNode metric = json().path("metrics").path("lv_join_duration");

        assertThat(metric.path("values").path("p(95)").isNull()).isTrue();
        assertThat(metric.path("thresholds").path("p(95)<100").path("ok").asBoolean(true)).isFalse();
    }

    @Test
    void counterHasCountAndRate() throws Exception {
        JsonNode values = json().path("metrics").path("http_reqs").path("values");

        assertThat(values.path("count").asLong()).isEqualTo(75);
        assertThat(values.path("rate").asDouble()).isEqualTo(7.5);
    }

    @Test
    void rateHasRatePassesFails() throws Exception {
        JsonNode values = json().path("metrics").path("http_req_failed").path("values");

        assertThat(values.path("rate").asDouble()).isEqualTo(3 / 75.0);
        assertThat(values.path("passes").asLong()).isEqualTo(3);
        assertThat(values.path("fails").asLong()).isEqualTo(72);
    }

    @Test
    void gaugeHasValueMinMax() throws Exception {
        JsonNode values = json().path("metrics").path("vus").path("values");

        assertThat(values.path("value").asDouble()).isEqualTo(10);
        assertThat(values.path("min").asDouble()).isEqualTo(5);
        assertThat(values.path("max").asDouble()).isEqualTo(10);
    }

    @Test
    void checksInRootGroup() throws Exception {
        JsonNode root = json().path("root_group");

        assertThat(root.path("name").asText()).isEmpty();
        assertThat(root.path("path").asText()).isEmpty();
        assertThat(root.path("id").asText()).isEqualTo(md5(""));
        JsonNode check = root.path("checks").path(0);
        assertThat(check.path("name").asText()).isEqualTo("status is 200");
        assertThat(check.path("path").asText()).isEqualTo("::status is 200");
        assertThat(check.path("id").asText()).isEqualTo(md5("::status is 200"));
        assertThat(check.path("passes").asLong()).isEqualTo(27);
        assertThat(check.path("fails").asLong()).isEqualTo(3);
    }

    @Test
    void checksInNestedGroup() throws Exception {
        JsonNode group = json().path("root_group").path("groups").path(0);

        assertThat(group.path("name").asText()).isEqualTo("login");
        assertThat(group.path("path").asText()).isEqualTo("::login");
        assertThat(group.path("id").asText()).isEqualTo(md5("::login"));
        JsonNode check = group.path("checks").path(0);
        assertThat(check.path("path").asText()).isEqualTo("::login::logged in");
        assertThat(check.path("passes").asLong()).isEqualTo(9);
        assertThat(check.path("fails").asLong()).isEqualTo(1);
    }

    @Test
    void liveloadSectionDescribesRun() throws Exception {
        JsonNode liveload = json().path("liveload");

        assertThat(liveload.path("formatVersion").asInt()).isEqualTo(SummaryJson.FORMAT_VERSION);
        assertThat(liveload.path("testName").asText()).isEqualTo("SettingsLoadTest.settingsPage");
        assertThat(liveload.path("start").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(liveload.path("end").asText()).isEqualTo("2024-05-01T10:00:10Z");
        assertThat(liveload.path("scenarios").path(0).path("completeIterations").asLong()).isEqualTo(10);
        assertThat(liveload.path("abort").isNull()).isTrue();
        assertThat(liveload.path("series").size()).isEqualTo(fixture.totals().series().size());
    }

    @Test
    void liveloadSeriesHasRawTrend() throws Exception {
        JsonNode series = json().path("liveload").path("series");

        JsonNode home = null;
        for (JsonNode node : series) {
            if (node.path("metric").asText().equals("http_req_duration")
                    && node.path("tags").path("name").asText().equals("home")) {
                home = node;
            }
        }
        assertThat(home).isNotNull();
        assertThat(home.path("data").path("count").asLong()).isEqualTo(fixture.homeDurations.getTotalCount());
        TrendValue decoded = TrendValue.decodeBase64(home.path("data").path("histogram").asText(), true, 0);
        assertThat(decoded.percentile(99)).isEqualTo(RunFixture.percentileMillis(fixture.homeDurations, 99));
    }

    @Test
    void roundTripKeepsEverySeries() {
        MetricsSnapshot original = fixture.totals();

        MetricsSnapshot decoded = SummaryJson.readMetrics(SummaryJson.render(fixture.result()));

        assertThat(decoded.series()).hasSameSizeAs(original.series());
        for (SeriesValue series : original.series()) {
            Aggregate copy = find(decoded, series);
            assertSameValues(series, copy, true);
        }
    }

    @Test
    void roundTripKeepsDefinitions() {
        MetricsSnapshot decoded = SummaryJson.readMetrics(SummaryJson.render(fixture.result()));

        assertThat(decoded.metric("http_req_duration")).isEqualTo(fixture.totals().metric("http_req_duration"));
        assertThat(decoded.metric("lv_join_duration")).isPresent();
    }

    @Test
    void mergedDecodedEqualsOneRegistry() {
        RunFixture first = RunFixture.standard();
        RunFixture second = new RunFixture();
        second.recordSeconds(10, 7);
        RunFixture both = new RunFixture();
        both.recordSeconds(10, 1);
        both.recordSeconds(10, 7);

        MetricsSnapshot merged = SummaryJson.readMetrics(SummaryJson.render(first.result()))
                .merge(SummaryJson.readMetrics(SummaryJson.render(second.result())));

        MetricsSnapshot expected = both.totals();
        assertThat(merged.series()).hasSameSizeAs(expected.series());
        for (SeriesValue series : expected.series()) {
            assertSameValues(series, find(merged, series), false);
        }
    }

    @Test
    void mergedDecodedPercentilesOfMetric() {
        RunFixture first = RunFixture.standard();
        RunFixture second = new RunFixture();
        second.recordSeconds(10, 7);
        RunFixture both = new RunFixture();
        both.recordSeconds(10, 1);
        both.recordSeconds(10, 7);

        MetricsSnapshot merged = SummaryJson.readMetrics(SummaryJson.render(first.result()))
                .merge(SummaryJson.readMetrics(SummaryJson.render(second.result())));

        TrendValue mergedDuration = trend(merged, "http_req_duration", TagSet.EMPTY);
        for (double percentile : PERCENTILES) {
            assertThat(mergedDuration.percentile(percentile)).as("p(%s)", percentile)
                    .isEqualTo(RunFixture.percentileMillis(both.allDurations, percentile));
        }
    }

    @Test
    void emptyRunRoundTrips() {
        RunFixture empty = new RunFixture();

        MetricsSnapshot decoded = SummaryJson.readMetrics(SummaryJson.render(
                empty.result(List.of(), options -> options, List.of(), Optional.empty())));

        assertThat(decoded.series()).isEmpty();
        assertThat(decoded.metric("http_reqs")).isPresent();
    }

    @Test
    void rejectsOtherFormatVersion() throws Exception {
        ObjectNode json = (ObjectNode) json();
        ((ObjectNode) json.path("liveload")).put("formatVersion", 2);

        assertThatThrownBy(() -> SummaryJson.readMetrics(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void rejectsSummaryWithoutSection() {
        assertThatThrownBy(() -> SummaryJson.readMetrics("{\"metrics\": {}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"liveload\" section is missing");
    }

    @Test
    void rejectsBrokenHistogram() throws Exception {
        ObjectNode json = (ObjectNode) json();
        for (JsonNode series : json.path("liveload").path("series")) {
            if (series.path("type").asText().equals("trend")) {
                ((ObjectNode) series.path("data")).put("histogram", "bm90IGEgaGlzdG9ncmFt");
            }
        }

        assertThatThrownBy(() -> SummaryJson.readMetrics(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid histogram in series");
    }

    @Test
    void abortWritten() throws Exception {
        RunResult result = fixture.result(List.of(), options -> options, List.of(),
                Optional.of(new RunResult.Abort("stopped by a test", 1_234)));

        JsonNode abort = MAPPER.readTree(SummaryJson.render(result)).path("liveload").path("abort");

        assertThat(abort.path("reason").asText()).isEqualTo("stopped by a test");
        assertThat(abort.path("afterMs").asLong()).isEqualTo(1_234);
    }

    private static Aggregate find(MetricsSnapshot snapshot, SeriesValue series) {
        return snapshot.series(series.metric().name()).stream()
                .filter(candidate -> candidate.tags().equals(series.tags()))
                .map(SeriesValue::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("missing series " + series.metric().name() + series.tags()));
    }

    private static void assertSameValues(SeriesValue expected, Aggregate actual, boolean exact) {
        String series = expected.metric().name() + expected.tags();
        assertThat(actual.sampleCount()).as(series).isEqualTo(expected.value().sampleCount());
        if (expected.value() instanceof TrendValue trend) {
            TrendValue copy = (TrendValue) actual;
            assertThat(copy.isTime()).as(series).isEqualTo(trend.isTime());
            for (double percentile : PERCENTILES) {
                assertThat(copy.percentile(percentile)).as("%s p(%s)", series, percentile)
                        .isEqualTo(trend.percentile(percentile));
            }
            assertThat(copy.min()).as(series).isEqualTo(trend.min());
            assertThat(copy.max()).as(series).isEqualTo(trend.max());
            if (exact) {
                assertThat(copy.sum()).as(series).isEqualTo(trend.sum());
            } else {
                // Sums of two files add in another order than in one registry, so the last bit may differ.
                assertThat(copy.sum()).as(series).isCloseTo(trend.sum(), within(1e-9 * Math.max(1, trend.sum())));
            }
        } else if (expected.value() instanceof CounterValue counter) {
            assertThat(((CounterValue) actual).sum()).as(series).isEqualTo(counter.sum());
        } else if (expected.value() instanceof RateValue rate) {
            assertThat(actual).as(series).isEqualTo(rate);
        } else if (expected.value() instanceof GaugeValue gauge) {
            GaugeValue copy = (GaugeValue) actual;
            assertThat(copy.min()).as(series).isEqualTo(gauge.min());
            assertThat(copy.max()).as(series).isEqualTo(gauge.max());
            if (exact) {
                assertThat(copy.value()).as(series).isEqualTo(gauge.value());
            }
        }
    }
}
