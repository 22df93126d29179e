package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liveload.core.RunResult;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.report.SummaryText.Marks;
import io.liveload.core.threshold.Threshold;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;

    private Document html;
    private JsonNode summary;

    /** Writes both files of the run with ReportWriter and reads them back. */
    private void write(RunResult result) throws Exception {
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new ReportWriter(console, Marks.UNICODE).runFinished(result);
        html = Jsoup.parse(directory.resolve(HtmlReport.FILE_NAME).toFile(), "UTF-8");
        summary = MAPPER.readTree(directory.resolve(ReportWriter.SUMMARY_FILE).toFile());
    }

    private RunResult standardRun(RunFixture fixture) {
        List<ErrorCount> errors = List.of(new ErrorCount("http", "1212", "connection refused", 3));
        return fixture.result(RunFixture.standardThresholds(), options -> options.withOutputDir(directory), errors,
                Optional.empty());
    }

    private static double value(Element cell) {
        return Double.parseDouble(cell.attr("data-value"));
    }

    /** Returns the summary.json series of a metric for one request name and method. */
    private List<JsonNode> series(String metric, String name, String method) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode series : summary.path("liveload").path("series")) {
            JsonNode tags = series.path("tags");
            if (series.path("metric").asText().equals(metric) && tags.path("name").asText().equals(name)
                    && tags.path("method").asText().equals(method)) {
                matching.add(series);
            }
        }
        return matching;
    }

    private TrendValue durations(String name, String method) {
        TrendValue merged = null;
        for (JsonNode series : series("http_req_duration", name, method)) {
            JsonNode data = series.path("data");
            TrendValue trend = TrendValue.decodeBase64(data.path("histogram").asText(), true,
                    data.path("sum").asDouble());
            merged = merged == null ? trend : merged.merge(trend);
        }
        return merged;
    }

    private Map<String, JsonNode> checksByPath(JsonNode group, Map<String, JsonNode> checks) {
        for (JsonNode check : group.path("checks")) {
            checks.put(check.path("path").asText(), check);
        }
        for (JsonNode nested : group.path("groups")) {
            checksByPath(nested, checks);
        }
        return checks;
    }

    @Test
    void requestCountsMatchSummary() throws Exception {
        write(standardRun(RunFixture.standard()));

        List<Element> rows = html.select("#requests tbody tr");
        assertThat(rows).hasSize(3);
        for (Element row : rows) {
            long expected = 0;
            for (JsonNode series : series("http_reqs", row.attr("data-name"), row.attr("data-method"))) {
                expected += series.path("data").path("sum").asLong();
            }
            assertThat(value(row.selectFirst("td[data-stat=count]"))).as(row.attr("data-name")).isEqualTo(expected);
        }
    }

    @Test
    void requestTotalMatchesSummary() throws Exception {
        write(standardRun(RunFixture.standard()));

        Element total = html.selectFirst("#requests tfoot tr");
        JsonNode metrics = summary.path("metrics");
        assertThat(value(total.selectFirst("td[data-stat=count]")))
                .isEqualTo(metrics.path("http_reqs").path("values").path("count").asDouble());
        assertThat(value(total.selectFirst("td[data-stat=p(95)]")))
                .isEqualTo(metrics.path("http_req_duration").path("values").path("p(95)").asDouble());
        assertThat(value(total.selectFirst("td[data-stat=failed]")))
                .isEqualTo(metrics.path("http_req_failed").path("values").path("rate").asDouble());
    }

    @Test
    void requestPercentilesMatchSummary() throws Exception {
        write(standardRun(RunFixture.standard()));

        for (Element row : html.select("#requests tbody tr")) {
            TrendValue expected = durations(row.attr("data-name"), row.attr("data-method"));
            String name = row.attr("data-name");
            assertThat(value(row.selectFirst("td[data-stat=p(50)]"))).as(name).isEqualTo(expected.percentile(50));
            assertThat(value(row.selectFirst("td[data-stat=p(90)]"))).as(name).isEqualTo(expected.percentile(90));
            assertThat(value(row.selectFirst("td[data-stat=p(95)]"))).as(name).isEqualTo(expected.percentile(95));
            assertThat(value(row.selectFirst("td[data-stat=p(99)]"))).as(name).isEqualTo(expected.percentile(99));
            assertThat(value(row.selectFirst("td[data-stat=max]"))).as(name).isEqualTo(expected.max());
            assertThat(value(row.selectFirst("td[data-stat=avg]"))).as(name).isCloseTo(expected.avg(), within(1e-9));
        }
    }

    @Test
    void requestFailuresMatchSummary() throws Exception {
        write(standardRun(RunFixture.standard()));

        Element settings = html.selectFirst("#requests tbody tr[data-name=settings]");
        long failures = 0;
        long outcomes = 0;
        for (JsonNode series : series("http_req_failed", "settings", "GET")) {
            failures += series.path("data").path("passes").asLong();
            outcomes += series.path("data").path("passes").asLong() + series.path("data").path("fails").asLong();
        }
        Element failed = settings.selectFirst("td[data-stat=failed]");
        assertThat(Long.parseLong(failed.attr("data-count"))).isEqualTo(failures);
        assertThat(value(failed)).isEqualTo((double) failures / outcomes);
        assertThat(failed.hasClass("bad")).isTrue();
    }

    @Test
    void requestRowsShowFormattedValues() throws Exception {
        write(standardRun(RunFixture.standard()));

        Element home = html.selectFirst("#requests tbody tr[data-name=home]");
        assertThat(home.selectFirst("td[data-stat=count]").text()).isEqualTo("40");
        assertThat(home.selectFirst("td[data-stat=failed]").text()).isEqualTo("0.00% (0)");
        assertThat(home.select("td").get(1).text()).isEqualTo("GET");
    }

    @Test
    void checkCountsMatchSummary() throws Exception {
        write(standardRun(RunFixture.standard()));

        Map<String, JsonNode> checks = checksByPath(summary.path("root_group"), new HashMap<>());
        List<Element> rows = html.select("#checks tr[data-path]");
        assertThat(rows).hasSize(checks.size());
        for (Element row : rows) {
            JsonNode check = checks.get(row.attr("data-path"));
            assertThat(check).as(row.attr("data-path")).isNotNull();
            assertThat(value(row.selectFirst("td[data-stat=passes]"))).isEqualTo(check.path("passes").asDouble());
            assertThat(value(row.selectFirst("td[data-stat=fails]"))).isEqualTo(check.path("fails").asDouble());
        }
    }

    @Test
    void checkGroupsHaveHeadings() throws Exception {
        write(standardRun(RunFixture.standard()));

        List<String> headings = html.select("#checks tr.group").eachText();
        assertThat(headings).containsExactly("group login");
    }

    @Test
    void thresholdVerdictsMatchSummary() throws Exception {
        write(standardRun(RunFixture.standard()));

        List<Element> rows = html.select("#thresholds tbody tr");
        JsonNode listed = summary.path("liveload").path("thresholds");
        assertThat(rows).hasSize(listed.size());
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            JsonNode k6 = summary.path("metrics").path(row.attr("data-metric")).path("thresholds")
                    .path(row.attr("data-condition"));
            String threshold = row.attr("data-metric") + " " + row.attr("data-condition");
            assertThat(row.attr("data-ok")).as(threshold).isEqualTo(String.valueOf(k6.path("ok").asBoolean()));
            assertThat(row.hasClass("fail")).as(threshold).isEqualTo(!k6.path("ok").asBoolean());
            JsonNode observed = listed.path(i).path("observed");
            assertThat(row.selectFirst("td.num").attr("data-value")).as(threshold)
                    .isEqualTo(observed.isNull() ? "" : observed.asText());
        }
    }

    @Test
    void failedThresholdsListedAtTop() throws Exception {
        write(standardRun(RunFixture.standard()));

        Element alert = html.selectFirst(".alert");
        assertThat(alert.selectFirst("h2").text()).isEqualTo("4 of 5 thresholds failed");
        assertThat(alert.select("li")).hasSize(4);
        assertThat(alert.select("li").get(0).text())
                .startsWith("http_req_duration{name:settings} p(95) < 200ms: observed ");
    }

    @Test
    void verdictMatchesSummary() throws Exception {
        write(standardRun(RunFixture.standard()));

        Element verdict = html.selectFirst(".verdict");
        assertThat(summary.path("liveload").path("passed").asBoolean()).isFalse();
        assertThat(verdict.attr("data-verdict")).isEqualTo("failed");
        assertThat(verdict.text()).isEqualTo("FAILED");
    }

    @Test
    void passedRunHasNoAlert() throws Exception {
        RunFixture fixture = RunFixture.standard();
        write(fixture.result(List.of(Threshold.parse("http_reqs", "count>10")),
                options -> options.withOutputDir(directory), List.of(), Optional.empty()));

        assertThat(html.selectFirst(".verdict").attr("data-verdict")).isEqualTo("passed");
        assertThat(html.select(".alert")).isEmpty();
    }

    @Test
    void abortedRunShowsReason() throws Exception {
        RunFixture fixture = RunFixture.standard();
        write(fixture.result(List.of(), options -> options.withOutputDir(directory), List.of(),
                Optional.of(new RunResult.Abort("threshold checks rate>0.9 was breached", 9_500))));

        assertThat(html.selectFirst(".verdict").attr("data-verdict")).isEqualTo("aborted");
        assertThat(html.selectFirst(".alert li").text())
                .isEqualTo("Aborted after 9.5s: threshold checks rate>0.9 was breached");
    }

    @Test
    void figuresMatchSummary() throws Exception {
        write(standardRun(RunFixture.standard()));

        JsonNode metrics = summary.path("metrics");
        assertThat(value(html.selectFirst("[data-figure=http_reqs] .value")))
                .isEqualTo(metrics.path("http_reqs").path("values").path("count").asDouble());
        assertThat(value(html.selectFirst("[data-figure=http_req_failed] .value")))
                .isEqualTo(metrics.path("http_req_failed").path("values").path("rate").asDouble());
        assertThat(value(html.selectFirst("[data-figure=http_req_duration_p95] .value")))
                .isEqualTo(metrics.path("http_req_duration").path("values").path("p(95)").asDouble());
        assertThat(value(html.selectFirst("[data-figure=checks] .value")))
                .isEqualTo(metrics.path("checks").path("values").path("rate").asDouble());
        assertThat(value(html.selectFirst("[data-figure=iterations] .value")))
                .isEqualTo(summary.path("liveload").path("scenarios").path(0).path("completeIterations").asDouble());
    }

    @Test
    void failingFiguresMarked() throws Exception {
        write(standardRun(RunFixture.standard()));

        assertThat(html.selectFirst("[data-figure=http_req_failed]").hasClass("bad")).isTrue();
        assertThat(html.selectFirst("[data-figure=checks]").hasClass("bad")).isTrue();
        assertThat(html.selectFirst("[data-figure=http_reqs]").hasClass("bad")).isFalse();
    }

    @Test
    void chartsDrawTimeline() throws Exception {
        write(standardRun(RunFixture.standard()));

        List<Element> charts = html.select("#charts figure.chart");
        assertThat(charts).extracting(chart -> chart.selectFirst("figcaption").ownText().trim())
                .containsExactly("Requests per second", "Active VUs", "HTTP request duration",
                        "Failed requests per second");
        assertThat(charts.get(2).select("path.line")).hasSize(5);
        assertThat(charts.get(2).select(".legend span").eachText())
                .containsExactly("p(50)", "p(90)", "p(95)", "p(99)", "max");
        assertThat(charts.get(0).select("text.tick").eachText()).contains("0:00", "0:10");
    }

    @Test
    void chartsCarryHoverValues() throws Exception {
        RunFixture fixture = RunFixture.standard();
        write(standardRun(fixture));

        Element chart = html.select("#charts figure.chart").get(0);
        String[] seconds = chart.selectFirst("svg").attr("data-seconds").split(",");
        String[] requestsPerSecond = chart.selectFirst("path.line").attr("data-values").split(",", -1);
        assertThat(seconds).hasSize(fixture.timeline.size());
        assertThat(seconds[0]).isEqualTo("1");
        // The first second has 4 home, 3 settings and 1 save request.
        assertThat(requestsPerSecond[0]).isEqualTo("8");
        assertThat(chart.attr("data-unit")).isEqualTo("req/s");
    }

    @Test
    void chartPathHasPointPerInterval() throws Exception {
        RunFixture fixture = RunFixture.standard();
        write(standardRun(fixture));

        String path = html.select("#charts figure.chart").get(0).selectFirst("path.line").attr("d");
        long points = path.chars().filter(character -> character == 'M' || character == 'L').count();
        assertThat(points).isEqualTo(fixture.timeline.size());
    }

    @Test
    void errorsListed() throws Exception {
        write(standardRun(RunFixture.standard()));

        List<Element> cells = html.select("#errors tbody tr").get(0).select("td");
        assertThat(cells.get(0).text()).isEqualTo("3");
        assertThat(cells.get(1).text()).isEqualTo("http 1212");
        assertThat(cells.get(2).text()).isEqualTo("connection refused");
    }

    @Test
    void pageLoadsNothing() throws Exception {
        write(standardRun(RunFixture.standard()));

        assertThat(html.select("link, script[src], img, iframe, object, embed")).isEmpty();
        assertThat(html.selectFirst("script").data()).doesNotContain("fetch(").doesNotContain("XMLHttpRequest")
                .doesNotContain("import(").doesNotContain("http");
        assertThat(html.select("[src], [href]")).isEmpty();
        assertThat(html.select("style").html()).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void secretsRedacted() throws Exception {
        RunFixture fixture = RunFixture.standard();
        write(fixture.result(List.of(), options -> options
                        .withBaseUrl(URI.create("http://admin:hunter2@127.0.0.1:8080"))
                        .withCookies(Map.of("_app_session", "SFMyNTY.cookie-value"))
                        .withEnv(Map.of("API_TOKEN", "token-value", "USERS", "50", "PROXY", "Bearer abc.def"))
                        .withOutputDir(directory),
                List.of(), Optional.empty()));

        String page = Files.readString(directory.resolve(HtmlReport.FILE_NAME));
        assertThat(page).doesNotContain("hunter2");
        assertThat(page).doesNotContain("cookie-value");
        assertThat(page).doesNotContain("token-value");
        assertThat(page).doesNotContain("abc.def");
        assertThat(page).contains("USERS=50");
        assertThat(page).contains("_app_session=[redacted]");
    }

    @Test
    void configurationShowsTimeSeries() throws Exception {
        RunFixture fixture = RunFixture.standard();
        write(fixture.result(List.of(), options -> options.withOutputDir(directory)
                        .withTimeSeries(io.liveload.core.plan.TimeSeriesOutput.csv().withHistogramLogs(true)),
                List.of(), Optional.empty()));

        Element row = html.select("#configuration tr").stream()
                .filter(candidate -> candidate.selectFirst("th") != null
                        && candidate.selectFirst("th").text().equals("Time series"))
                .findFirst().orElseThrow();
        assertThat(row.selectFirst("td").text())
                .isEqualTo("csv to " + directory.resolve("metrics.csv") + ", HdrHistogram logs per trend metric");
    }

    @Test
    void emptyRunRenders() throws Exception {
        RunFixture fixture = new RunFixture();
        write(fixture.result(List.of(), options -> options.withOutputDir(directory), List.of(), Optional.empty()));

        assertThat(html.selectFirst(".verdict").attr("data-verdict")).isEqualTo("passed");
        assertThat(html.select("#charts, #requests, #checks, #thresholds, #errors")).isEmpty();
        assertThat(html.select("#configuration")).hasSize(1);
    }

    @Test
    void requestNameTokensRedacted() throws Exception {
        RunFixture fixture = RunFixture.standard();
        fixture.request(RunFixture.BASE.with("name", "http://127.0.0.1/feed?page=2&token=s3cr3t").with("method", "GET")
                .with("status", "200").with("expected_response", "true"), 5_000);
        fixture.endSecond(10);
        List<ErrorCount> errors = List.of(new ErrorCount("http", "401", "rejected Authorization: Bearer abc.def", 1));
        write(fixture.result(List.of(), options -> options.withOutputDir(directory), errors, Optional.empty()));

        String page = Files.readString(directory.resolve(HtmlReport.FILE_NAME));
        assertThat(page).doesNotContain("s3cr3t");
        assertThat(page).doesNotContain("abc.def");
        assertThat(page).contains("http://127.0.0.1/feed?page=2&amp;token=[redacted]");
    }

    @Test
    void scriptNamesEscaped() throws Exception {
        RunFixture fixture = RunFixture.standard();
        fixture.check(RunFixture.BASE, "<script>alert(1)</script>", true);
        fixture.endSecond(10);
        write(standardRun(fixture));

        assertThat(html.select("script")).hasSize(1);
        assertThat(html.selectFirst("script").data()).doesNotContain("alert(1)");
        assertThat(html.select("#checks").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void metricsTableListsEveryTrend() throws Exception {
        write(standardRun(RunFixture.standard()));

        JsonNode metrics = summary.path("metrics");
        for (String metric : List.of("http_req_duration", "http_req_waiting", "iteration_duration")) {
            Element row = html.selectFirst("#metrics tr[data-metric=" + metric + "]");
            assertThat(row).as(metric).isNotNull();
            assertThat(value(row.selectFirst("td[data-stat=p(95)]"))).as(metric)
                    .isEqualTo(metrics.path(metric).path("values").path("p(95)").asDouble());
        }
    }

    @Test
    void metricsTableShowsCountersAndRates() throws Exception {
        write(standardRun(RunFixture.standard()));

        JsonNode metrics = summary.path("metrics");
        Element requests = html.selectFirst("#metrics tr[data-metric=http_reqs]");
        assertThat(value(requests.selectFirst("td.num")))
                .isEqualTo(metrics.path("http_reqs").path("values").path("count").asDouble());
        Element failed = html.selectFirst("#metrics tr[data-metric=http_req_failed]");
        assertThat(value(failed.selectFirst("td.num")))
                .isEqualTo(metrics.path("http_req_failed").path("values").path("rate").asDouble());
    }

    @Test
    void liveViewRowsPerViewAndEvent() throws Exception {
        RunFixture fixture = RunFixture.standard();
        TagSet counter = RunFixture.BASE.with("view", "/counter");
        Histogram joins = new Histogram(3);
        Histogram clicks = new Histogram(3);
        for (int i = 1; i <= 20; i++) {
            fixture.registry.trend(BuiltinMetrics.LV_JOIN_DURATION, counter).recordMicros(i * 1_000L);
            joins.recordValue(i * 1_000L);
            fixture.registry.trend(BuiltinMetrics.LV_EVENT_DURATION, counter.with("event", "inc"))
                    .recordMicros(i * 100L);
            clicks.recordValue(i * 100L);
        }
        fixture.registry.rate(BuiltinMetrics.LV_JOINS_FAILED, counter).add(false);
        fixture.registry.rate(BuiltinMetrics.LV_JOINS_FAILED, counter.with("reason", "stale")).add(true);
        fixture.endSecond(2);
        write(standardRun(fixture));

        Element join = html.selectFirst("#liveview tr[data-timed=join][data-view=\"/counter\"]");
        assertThat(value(join.selectFirst("td[data-stat=count]"))).isEqualTo(20);
        assertThat(value(join.selectFirst("td[data-stat=p(95)]")))
                .isEqualTo(RunFixture.percentileMillis(joins, 95));
        assertThat(value(join.selectFirst("td[data-stat=failed]"))).isEqualTo(0.5);
        Element event = html.selectFirst("#liveview tr[data-timed=event][data-view=\"/counter\"]");
        assertThat(event.select("td").get(2).text()).isEqualTo("inc");
        assertThat(value(event.selectFirst("td[data-stat=max]"))).isEqualTo(RunFixture.percentileMillis(clicks, 100));
    }

    @Test
    void liveViewSectionOmittedWithoutViews() throws Exception {
        write(standardRun(RunFixture.standard()));

        assertThat(html.select("#liveview")).isEmpty();
    }

    @Test
    void tenMinuteRunModestSize() throws Exception {
        RunFixture fixture = RunFixture.tenMinuteRun();
        write(fixture.result(RunFixture.standardThresholds(), options -> options.withOutputDir(directory),
                List.of(), Optional.empty()));

        long bytes = Files.size(directory.resolve(HtmlReport.FILE_NAME));
        assertThat(bytes).isLessThan(200_000);
        String path = html.select("#charts figure.chart").get(0).selectFirst("path.line").attr("d");
        assertThat(path.chars().filter(character -> character == 'L').count()).isEqualTo(599);
    }

    @Test
    void longRunChartsBucketed() {
        RunFixture fixture = new RunFixture();
        for (int second = 0; second < 2 * ChartData.MAX_POINTS + 1; second++) {
            fixture.request(RunFixture.HOME, 10_000);
            fixture.endSecond(1);
        }

        ChartData data = ChartData.of(fixture.timeline, RunFixture.START.toEpochMilli());

        assertThat(data.size()).isEqualTo(ChartData.MAX_POINTS / 3 * 2 + 1);
        assertThat(data.requestsPerSecond()[0]).isEqualTo(1.0);
        assertThat(data.seconds()[0]).isEqualTo(3.0);
    }
}
