package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.RunResult;
import io.liveload.core.RunResult.Abort;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.ValueFormat;
import io.liveload.core.report.SummaryText.Marks;
import io.liveload.core.threshold.Threshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

    private final RunFixture fixture = RunFixture.standard();

    private static List<ErrorCount> errors(int kinds) {
        List<ErrorCount> errors = new ArrayList<>();
        for (int i = 0; i < kinds; i++) {
            errors.add(new ErrorCount("http", "1212", "connection refused by port " + (9000 + i), 100 - i));
        }
        return errors;
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    private static int indexOfLineStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static String lineStartingWith(String text, String prefix) {
        List<String> lines = lines(text);
        int index = indexOfLineStartingWith(lines, prefix);
        assertThat(index).as("line starting with %s in%n%s", prefix, text).isNotNegative();
        return lines.get(index).trim();
    }

    private static String millis(double value) {
        return ValueFormat.millis(value).replace("µs", "us");
    }

    @Test
    void sectionsInOrder() {
        RunResult result = fixture.result(RunFixture.standardThresholds(), options -> options, errors(3),
                Optional.of(new Abort("threshold checks rate>0.9 was breached", 9_500)));

        List<String> lines = lines(SummaryText.render(result));

        int header = indexOfLineStartingWith(lines, "SettingsLoadTest.settingsPage:");
        int thresholds = lines.indexOf("  THRESHOLDS");
        int checks = lines.indexOf("  CHECKS");
        int metrics = lines.indexOf("  METRICS");
        int errors = indexOfLineStartingWith(lines, "ERRORS (");
        int abort = indexOfLineStartingWith(lines, "ABORTED after");
        assertThat(header).isEqualTo(1);
        assertThat(thresholds).isGreaterThan(header);
        assertThat(checks).isGreaterThan(thresholds);
        assertThat(metrics).isGreaterThan(checks);
        assertThat(errors).isGreaterThan(metrics);
        assertThat(abort).isGreaterThan(errors);
    }

    @Test
    void headerShowsRunAndScenarios() {
        String text = SummaryText.render(fixture.result());

        assertThat(lineStartingWith(text, "SettingsLoadTest.settingsPage:"))
                .isEqualTo("SettingsLoadTest.settingsPage: FAILED, 4 of 5 thresholds failed");
        assertThat(lineStartingWith(text, "duration"))
                .isEqualTo("duration 10s, 10 complete, 2 interrupted and 0 dropped iterations");
        assertThat(lineStartingWith(text, "* browse:"))
                .isEqualTo("* browse: 10 looping VUs for 10s (gracefulStop: 30s); 10 complete, 2 interrupted,"
                        + " 0 dropped iterations, max 10 VUs");
    }

    @Test
    void headerPassedWithoutFailures() {
        RunResult result = fixture.result(List.of(Threshold.parse("http_reqs", "count>10")), options -> options,
                List.of(), Optional.empty());

        String text = SummaryText.render(result);

        assertThat(lineStartingWith(text, "SettingsLoadTest.settingsPage:"))
                .isEqualTo("SettingsLoadTest.settingsPage: passed");
    }

    @Test
    void thresholdsShowVerdictAndObservedValue() {
        String text = SummaryText.render(fixture.result());

        String allP95 = millis(RunFixture.percentileMillis(fixture.allDurations, 95));
        String settingsP95 = millis(RunFixture.percentileMillis(fixture.settingsDurations, 95));
        assertThat(lineStartingWith(text, "✓ 'p(95)<500'")).isEqualTo("✓ 'p(95)<500' p(95)=" + allP95);
        assertThat(lineStartingWith(text, "✗ 'p(95) < 200ms'")).isEqualTo("✗ 'p(95) < 200ms' p(95)=" + settingsP95);
        assertThat(lineStartingWith(text, "✗ 'rate<0.01'")).isEqualTo("✗ 'rate<0.01' rate=4.00%");
        assertThat(lineStartingWith(text, "✗ 'p(95)<100'")).isEqualTo("✗ 'p(95)<100' no samples");
    }

    @Test
    void thresholdsGroupedBySelector() {
        List<String> lines = lines(SummaryText.render(fixture.result()));

        int selector = lines.indexOf("    http_req_duration{name:settings}");
        assertThat(selector).isPositive();
        assertThat(lines.get(selector + 1)).startsWith("    ✗ 'p(95) < 200ms'");
    }

    @Test
    void abortOnFailThresholdMarked() {
        List<Threshold> thresholds = List.of(Threshold.parse("http_req_failed", "rate<0.5", true,
                java.time.Duration.ZERO));
        RunResult result = fixture.result(thresholds, options -> options, List.of(), Optional.empty());

        String text = SummaryText.render(result);

        assertThat(lineStartingWith(text, "✓ 'rate<0.5'")).endsWith("(abortOnFail)");
    }

    @Test
    void checksShowCountsAndRate() {
        String text = SummaryText.render(fixture.result());

        // Of 30 settings requests, the first ones in seconds 1, 5 and 9 failed. One login failed, in second 7.
        assertThat(lineStartingWith(text, "✗ status is 200"))
                .matches("✗ status is 200\\.+: 27 passed +3 failed +90\\.00%");
        assertThat(lineStartingWith(text, "✗ logged in")).matches("✗ logged in\\.+: +9 passed +1 failed +90\\.00%");
    }

    @Test
    void checksGroupedByGroupTag() {
        List<String> lines = lines(SummaryText.render(fixture.result()));

        int group = lines.indexOf("    group login");
        assertThat(group).isPositive();
        assertThat(lines.get(group + 1)).startsWith("      ✗ logged in");
        assertThat(indexOfLineStartingWith(lines, "✗ status is 200")).isLessThan(group);
    }

    @Test
    void checkNameOnOneLine() {
        fixture.check(RunFixture.BASE, "body\nhas\ttitle", true);
        fixture.endSecond(10);

        String text = SummaryText.render(fixture.result());

        assertThat(lineStartingWith(text, "✓ body has title")).startsWith("✓ body has title..");
    }

    @Test
    void trendColumnsFollowDefaultStats() {
        String text = SummaryText.render(fixture.result());

        String line = lineStartingWith(text, "http_req_duration..");
        Pattern columns = Pattern.compile("http_req_duration\\.+: avg=\\S+ +min=\\S+ +med=\\S+ +max=\\S+"
                + " +p\\(90\\)=\\S+ +p\\(95\\)=\\S+");
        assertThat(line).matches(columns);
        assertThat(line).contains("p(95)=" + millis(RunFixture.percentileMillis(fixture.allDurations, 95)));
    }

    @Test
    void trendColumnsFollowSummaryTrendStats() {
        RunResult result = fixture.result(RunFixture.standardThresholds(),
                options -> options.withSummaryTrendStats(List.of("min", "p(99.9)", "count")), List.of(),
                Optional.empty());

        String line = lineStartingWith(SummaryText.render(result), "http_req_duration..");

        String p999 = millis(RunFixture.percentileMillis(fixture.allDurations, 99.9));
        String min = millis(fixture.allDurations.lowestEquivalentValue(fixture.allDurations.getMinValue()) / 1000.0);
        assertThat(line).matches("http_req_duration\\.+: min=" + Pattern.quote(min) + " +p\\(99\\.9\\)="
                + Pattern.quote(p999) + " +count=75");
        assertThat(line).doesNotContain("avg=");
    }

    @Test
    void subMetricsIndentedUnderMetric() {
        List<String> lines = lines(SummaryText.render(fixture.result()));

        int metric = indexOfLineStartingWith(lines, "http_req_duration..");
        assertThat(lines.get(metric + 1)).startsWith("      { expected_response:true }...");
        assertThat(lines.get(metric + 2)).startsWith("      { name:settings }...");
    }

    @Test
    void counterShowsCountAndRate() {
        String text = SummaryText.render(fixture.result());

        // 75 requests in 10 s.
        assertThat(lineStartingWith(text, "http_reqs..")).matches("http_reqs\\.+: 75 +7\\.5/s");
    }

    @Test
    void dataCounterInDecimalUnits() {
        String text = SummaryText.render(fixture.result());

        // 75 responses of 2500 bytes in 10 s.
        assertThat(lineStartingWith(text, "data_received..")).matches("data_received\\.+: 188 kB +19 kB/s");
    }

    @Test
    void rateShowsPercentAndCounts() {
        String text = SummaryText.render(fixture.result());

        assertThat(lineStartingWith(text, "http_req_failed..")).matches("http_req_failed\\.+: 4\\.00% +✓ 3 +✗ 72");
    }

    @Test
    void gaugeShowsValueMinMax() {
        String text = SummaryText.render(fixture.result());

        assertThat(lineStartingWith(text, "vus..")).matches("vus\\.+: 10 +min=5 +max=10");
    }

    @Test
    void metricWithoutSamplesSaysSo() {
        String text = SummaryText.render(fixture.result());

        assertThat(lineStartingWith(text, "lv_join_duration..")).matches("lv_join_duration\\.+: no samples");
    }

    @Test
    void metricColumnsAligned() {
        List<String> lines = lines(SummaryText.render(fixture.result()));

        List<String> metricLines = lines.subList(lines.indexOf("  METRICS"), lines.size()).stream()
                .filter(line -> line.contains(".:"))
                .toList();
        assertThat(metricLines).hasSizeGreaterThan(10);
        int colon = metricLines.get(0).indexOf(".:") + 1;
        for (String line : metricLines) {
            assertThat(line.indexOf(".:") + 1).as(line).isEqualTo(colon);
        }
        List<String> trendLines = metricLines.stream().filter(line -> line.contains("p(95)=")).toList();
        int p95 = trendLines.get(0).indexOf("p(95)=");
        for (String line : trendLines) {
            assertThat(line.indexOf("p(95)=")).as(line).isEqualTo(p95);
        }
    }

    @Test
    void metricsGroupedByCategory() {
        List<String> lines = lines(SummaryText.render(fixture.result()));

        int http = lines.indexOf("    HTTP");
        int execution = lines.indexOf("    EXECUTION");
        int network = lines.indexOf("    NETWORK");
        assertThat(http).isPositive();
        assertThat(execution).isGreaterThan(http);
        assertThat(network).isGreaterThan(execution);
        assertThat(indexOfLineStartingWith(lines, "iterations..")).isBetween(execution, network);
    }

    @Test
    void errorsLimitedToTenLines() {
        RunResult result = fixture.result(RunFixture.standardThresholds(), options -> options, errors(12),
                Optional.empty());

        List<String> lines = lines(SummaryText.render(result));

        int heading = indexOfLineStartingWith(lines, "ERRORS (");
        // 12 kinds with counts 100 down to 89.
        assertThat(lines.get(heading).trim()).isEqualTo("ERRORS (12 kinds, 1134 in total)");
        assertThat(lines.get(heading + 2).trim()).isEqualTo("100  http 1212: connection refused by port 9000");
        assertThat(lines.get(heading + 11).trim()).isEqualTo("91  http 1212: connection refused by port 9009");
        assertThat(lines.get(heading + 12).trim()).isEqualTo("and 2 more (179 errors)");
    }

    @Test
    void abortReasonLast() {
        RunResult result = fixture.result(RunFixture.standardThresholds(), options -> options, List.of(),
                Optional.of(new Abort("threshold checks rate>0.9 was breached", 9_500)));

        String text = SummaryText.render(result);

        assertThat(lineStartingWith(text, "ABORTED after"))
                .isEqualTo("ABORTED after 9.5s: threshold checks rate>0.9 was breached");
        assertThat(lineStartingWith(text, "SettingsLoadTest.settingsPage:")).contains("ABORTED");
    }

    @Test
    void noThresholdsNoSection() {
        RunResult result = fixture.result(List.of(), options -> options, List.of(), Optional.empty());

        assertThat(lines(SummaryText.render(result))).doesNotContain("  THRESHOLDS");
    }

    @Test
    void emptyRunHasHeaderOnly() {
        RunFixture empty = new RunFixture();

        String text = SummaryText.render(empty.result(List.of(), options -> options, List.of(), Optional.empty()));

        assertThat(lineStartingWith(text, "SettingsLoadTest.settingsPage:"))
                .isEqualTo("SettingsLoadTest.settingsPage: passed");
        assertThat(text).doesNotContain("METRICS").doesNotContain("CHECKS").doesNotContain("THRESHOLDS");
    }

    @Test
    void unicodeMarksOnlyNonAscii() {
        String text = SummaryText.render(fixture.result());

        String withoutMarks = text.replace("✓", "").replace("✗", "");
        assertThat(withoutMarks.chars().filter(character -> character > 127)).isEmpty();
    }

    @Test
    void asciiMarksPureAscii() {
        fixture.check(RunFixture.BASE, "größe stimmt", true);
        fixture.endSecond(10);

        String text = SummaryText.render(fixture.result(), Marks.ASCII);

        assertThat(text.chars().filter(character -> character > 127)).isEmpty();
        assertThat(lineStartingWith(text, "FAIL 'p(95) < 200ms'")).startsWith("FAIL 'p(95) < 200ms' p(95)=");
        assertThat(lineStartingWith(text, "ok   'p(95)<500'")).startsWith("ok   'p(95)<500' p(95)=");
        assertThat(lineStartingWith(text, "ok   gr??e stimmt")).startsWith("ok   gr??e stimmt..");
        assertThat(lineStartingWith(text, "http_req_failed..")).matches("http_req_failed\\.+: 4\\.00% +true 3 +false 72");
    }
}
