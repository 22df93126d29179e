package io.liveload.core.report;

import static io.liveload.core.report.HtmlElements.count;
import static io.liveload.core.report.HtmlElements.raw;

import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.MetricsView;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.metrics.ValueFormat;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * The report's table of HTTP requests by name and method: count, failure rate and {@code http_req_duration}
 * statistics per row, and a total row when there are several names. Request names (URLs for unnamed requests)
 * pass through {@link Redaction#url(String)}.
 */
final class RequestsSection {

    private static final String[] DURATION_STATS = {"avg", "p(50)", "p(90)", "p(95)", "p(99)", "max"};

    private RequestsSection() {
    }

    /** Appends the section to the page, or nothing when no request has a {@code name} tag. */
    static void render(Element main, MetricsView metrics) {
        List<RequestStats> requests = RequestStats.of(metrics);
        if (requests.isEmpty()) {
            return;
        }
        Element section = HtmlElements.section(main, "requests", "HTTP requests by name", requests.size()
                + (requests.size() == 1 ? " name" : " names"));
        String[] headings = {"Name", "Method", "Requests", "Failed", "avg", "p(50)", "p(90)", "p(95)", "p(99)", "max"};
        boolean[] numeric = {false, false, true, true, true, true, true, true, true, true};
        Element table = HtmlElements.table(section, headings, numeric);
        Element body = table.appendElement("tbody");
        for (RequestStats stats : requests) {
            Element row = body.appendElement("tr").attr("data-name", Redaction.url(stats.name()))
                    .attr("data-method", stats.method());
            cells(row, stats.name(), stats.method(), stats.requests(), stats.failures(), stats.failureRate(),
                    stats.duration());
        }

        Optional<Aggregate> count = aggregate(metrics, BuiltinMetrics.HTTP_REQS.name());
        if (requests.size() > 1 && count.isPresent()) {
            RateValue failures = (RateValue) aggregate(metrics, BuiltinMetrics.HTTP_REQ_FAILED.name())
                    .orElse(new RateValue(0, 0));
            TrendValue durations = (TrendValue) aggregate(metrics, BuiltinMetrics.HTTP_REQ_DURATION.name())
                    .orElse(null);
            Element row = table.appendElement("tfoot").appendElement("tr").attr("data-name", "").addClass("total");
            cells(row, "All requests", "", Math.round(((CounterValue) count.get()).sum()), failures.passes(),
                    failures.rate(), durations);
        }
    }

    private static Optional<Aggregate> aggregate(MetricsView metrics, String metric) {
        return metrics.aggregate(metric).filter(value -> value.sampleCount() > 0);
    }

    private static void cells(Element row, String name, String method, long requests, long failures,
                              double failureRate, TrendValue duration) {
        row.appendElement("td").addClass("name").appendElement("code").text(Redaction.url(name));
        row.appendElement("td").text(method);
        row.appendElement("td").addClass("num").attr("data-stat", "count").attr("data-value", raw(requests))
                .text(count(requests));
        Element failed = row.appendElement("td").addClass("num").attr("data-stat", "failed")
                .attr("data-value", raw(failureRate)).attr("data-count", raw(failures))
                .text(SummaryFormat.percent(failureRate) + " (" + count(failures) + ")");
        if (failures > 0) {
            failed.addClass("bad");
        }
        for (String stat : DURATION_STATS) {
            double value = duration == null ? Double.NaN
                    : stat.equals("p(50)") ? duration.med() : TrendStats.value(duration, stat);
            row.appendElement("td").addClass("num").attr("data-stat", stat).attr("data-value", raw(value))
                    .text(Double.isNaN(value) ? SummaryFormat.NOT_AVAILABLE : ValueFormat.millis(value));
        }
    }
}
