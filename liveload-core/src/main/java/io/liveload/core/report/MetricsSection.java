package io.liveload.core.report;

import static io.liveload.core.report.HtmlElements.count;
import static io.liveload.core.report.HtmlElements.raw;

import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeValue;
import io.liveload.core.metrics.Metric;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.report.SummaryModel.MetricEntry;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * The report's tables of every metric the text summary lists, built-in and custom: one table of trends with their
 * distribution, and one of counters, rates and gauges. Sub-metrics that thresholds name follow their metric.
 */
final class MetricsSection {

    private static final String[] TREND_STATS = {"avg", "min", "med", "p(90)", "p(95)", "p(99)", "max"};

    private MetricsSection() {
    }

    /** Appends the section to the page, or nothing when the run has no metric with samples. */
    static void render(Element main, SummaryModel model) {
        List<MetricEntry> withSamples = model.metrics().stream().filter(MetricEntry::hasSamples).toList();
        if (withSamples.isEmpty()) {
            return;
        }
        Element section = HtmlElements.section(main, "metrics", "Metrics",
                withSamples.size() + (withSamples.size() == 1 ? " metric" : " metrics"));

        List<MetricEntry> trends = withSamples.stream().filter(entry -> entry.value() instanceof TrendValue).toList();
        if (!trends.isEmpty()) {
            String[] headings = {"Trend", "Count", "avg", "min", "med", "p(90)", "p(95)", "p(99)", "max"};
            Element body = HtmlElements.table(section, headings, numericAfterFirst(headings.length))
                    .appendElement("tbody");
            for (MetricEntry entry : trends) {
                trendRow(body.appendElement("tr"), entry);
            }
        }

        List<MetricEntry> others = withSamples.stream().filter(entry -> !(entry.value() instanceof TrendValue))
                .toList();
        if (!others.isEmpty()) {
            String[] headings = {"Metric", "Type", "Value", "Detail"};
            Element body = HtmlElements.table(section, headings, new boolean[] {false, false, true, true})
                    .appendElement("tbody");
            for (MetricEntry entry : others) {
                otherRow(body.appendElement("tr"), entry, model.durationMillis());
            }
        }
    }

    private static boolean[] numericAfterFirst(int columns) {
        boolean[] numeric = new boolean[columns];
        for (int i = 1; i < columns; i++) {
            numeric[i] = true;
        }
        return numeric;
    }

    private static Element nameCell(Element row, MetricEntry entry) {
        row.attr("data-metric", entry.key());
        Element cell = row.appendElement("td").addClass("name");
        if (entry.isSubMetric()) {
            cell.addClass("sub");
        }
        cell.appendElement("code").text(entry.key());
        return cell;
    }

    private static void trendRow(Element row, MetricEntry entry) {
        TrendValue trend = (TrendValue) entry.value();
        Metric metric = entry.metric();
        nameCell(row, entry);
        row.appendElement("td").addClass("num").attr("data-stat", "count").attr("data-value", raw(trend.sampleCount()))
                .text(count(trend.sampleCount()));
        for (String stat : TREND_STATS) {
            double value = TrendStats.value(trend, stat);
            row.appendElement("td").addClass("num").attr("data-stat", stat).attr("data-value", raw(value))
                    .text(SummaryFormat.value(metric, value));
        }
    }

    private static void otherRow(Element row, MetricEntry entry, long durationMillis) {
        Metric metric = entry.metric();
        Aggregate value = entry.value();
        nameCell(row, entry);
        row.appendElement("td").text(metric.type().name().toLowerCase(Locale.ROOT));
        Element valueCell = row.appendElement("td").addClass("num");
        Element detail = row.appendElement("td").addClass("num");
        if (value instanceof CounterValue counter) {
            valueCell.attr("data-value", raw(counter.sum())).text(SummaryFormat.value(metric, counter.sum()));
            detail.text(SummaryFormat.perSecond(metric, counter.ratePerSecond(durationMillis)));
        } else if (value instanceof RateValue rate) {
            valueCell.attr("data-value", raw(rate.rate())).text(SummaryFormat.percent(rate.rate()));
            detail.text(count(rate.passes()) + " of " + count(rate.passes() + rate.fails()));
        } else if (value instanceof GaugeValue gauge) {
            valueCell.attr("data-value", raw(gauge.value())).text(SummaryFormat.value(metric, gauge.value()));
            detail.text("min " + SummaryFormat.value(metric, gauge.min()) + ", max "
                    + SummaryFormat.value(metric, gauge.max()));
        }
    }
}
