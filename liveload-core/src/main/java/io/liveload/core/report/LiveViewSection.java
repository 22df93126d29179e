package io.liveload.core.report;

import static io.liveload.core.report.HtmlElements.count;
import static io.liveload.core.report.HtmlElements.raw;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.MetricsView;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TrendValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The report's LiveView table: joins per view, events per view and event name, and navigations per view and kind,
 * each with its count and duration distribution, merged over the other tags (scenario, group, ...). Failed joins
 * come from {@code lv_joins_failed} with the same {@code view} tag.
 */
final class LiveViewSection {

    private static final String[] DURATION_STATS = {"avg", "med", "p(90)", "p(95)", "p(99)", "max"};

    /** One row: the timed action ("join", "event", "navigation"), the view, the event name or navigation kind. */
    private record RowKey(String timed, String view, String detail) {
    }

    private static final Comparator<RowKey> ORDER = Comparator.comparing(RowKey::timed)
            .thenComparing(RowKey::view).thenComparing(RowKey::detail);

    private LiveViewSection() {
    }

    /** Appends the section to the page, or nothing when the run timed no LiveView join, event or navigation. */
    static void render(Element main, MetricsView metrics) {
        Map<RowKey, TrendValue> durations = new LinkedHashMap<>();
        Map<String, RateValue> failedJoins = new LinkedHashMap<>();
        for (SeriesValue series : metrics.series()) {
            String view = series.tags().get("view");
            if (view == null || series.value().sampleCount() == 0) {
                continue;
            }
            Metric metric = series.metric();
            if (metric.equals(BuiltinMetrics.LV_JOINS_FAILED)) {
                failedJoins.merge(view, (RateValue) series.value(), (a, b) -> (RateValue) a.merge(b));
                continue;
            }
            RowKey key = rowKey(metric, view, series);
            if (key != null) {
                durations.merge(key, (TrendValue) series.value(), (a, b) -> (TrendValue) a.merge(b));
            }
        }
        if (durations.isEmpty()) {
            return;
        }

        List<RowKey> keys = new ArrayList<>(durations.keySet());
        keys.sort(ORDER);
        Element section = HtmlElements.section(main, "liveview", "LiveView by view",
                keys.size() + (keys.size() == 1 ? " row" : " rows"));
        String[] headings = {"Timed", "View", "Event or kind", "Count", "Failed", "avg", "med", "p(90)", "p(95)",
                "p(99)", "max"};
        boolean[] numeric = {false, false, false, true, true, true, true, true, true, true, true};
        Element body = HtmlElements.table(section, headings, numeric).appendElement("tbody");
        for (RowKey key : keys) {
            Element row = body.appendElement("tr").attr("data-timed", key.timed()).attr("data-view", key.view());
            row.appendElement("td").text(key.timed());
            row.appendElement("td").addClass("name").appendElement("code").text(Redaction.url(key.view()));
            row.appendElement("td").appendElement("code").text(key.detail());
            TrendValue duration = durations.get(key);
            row.appendElement("td").addClass("num").attr("data-stat", "count")
                    .attr("data-value", raw(duration.sampleCount())).text(count(duration.sampleCount()));
            failedCell(row, key.timed().equals("join") ? failedJoins.get(key.view()) : null);
            for (String stat : DURATION_STATS) {
                double value = TrendStats.value(duration, stat);
                row.appendElement("td").addClass("num").attr("data-stat", stat).attr("data-value", raw(value))
                        .text(SummaryFormat.millis(value));
            }
        }
    }

    private static RowKey rowKey(Metric metric, String view, SeriesValue series) {
        if (metric.equals(BuiltinMetrics.LV_JOIN_DURATION)) {
            return new RowKey("join", view, "");
        }
        if (metric.equals(BuiltinMetrics.LV_EVENT_DURATION)) {
            return new RowKey("event", view, orEmpty(series.tags().get("event")));
        }
        if (metric.equals(BuiltinMetrics.LV_NAVIGATION_DURATION)) {
            return new RowKey("navigation", view, orEmpty(series.tags().get("kind")));
        }
        return null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void failedCell(Element row, RateValue failed) {
        Element cell = row.appendElement("td").addClass("num").attr("data-stat", "failed");
        if (failed == null) {
            cell.text(SummaryFormat.NOT_AVAILABLE);
            return;
        }
        cell.attr("data-value", raw(failed.rate())).attr("data-count", raw(failed.passes()))
                .text(SummaryFormat.percent(failed.rate()) + " (" + count(failed.passes()) + ")");
        if (failed.passes() > 0) {
            cell.addClass("bad");
        }
    }
}
