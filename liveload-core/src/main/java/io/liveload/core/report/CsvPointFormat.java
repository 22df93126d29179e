package io.liveload.core.report;

import io.liveload.core.metrics.Interval;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TrendValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180) with a header line, in the spirit of k6's CSV output. The columns are {@code metric_name},
 * {@code timestamp} (RFC 3339, the interval's end, as k6 writes it with {@code timeFormat=rfc3339}) and
 * {@code metric_value}, then liveload's {@code sample_count} and the trend statistics (empty for other metrics),
 * then one column per common tag and {@code extra_tags} with the other tags as URL-encoded {@code key=value} pairs
 * joined by {@code &}. Each row aggregates one series over one interval.
 */
final class CsvPointFormat implements PointFormat {

    /** Tags with their own column: the tag columns of k6's CSV output that liveload records, and expected_response. */
    static final List<String> TAG_COLUMNS = List.of("check", "error_code", "expected_response", "group", "method",
            "name", "scenario", "status", "url");

    @Override
    public String header() {
        StringBuilder header = new StringBuilder("metric_name,timestamp,metric_value,sample_count");
        for (String stat : TREND_STATS) {
            header.append(',').append(stat.replace("(", "").replace(")", ""));
        }
        for (String tag : TAG_COLUMNS) {
            header.append(',').append(tag);
        }
        return header.append(",extra_tags\n").toString();
    }

    @Override
    public String lines(Interval interval) {
        StringBuilder lines = new StringBuilder();
        String time = Instant.ofEpochMilli(interval.endEpochMillis()).toString();
        for (SeriesValue series : interval.series()) {
            if (PointFormat.hasPoint(series)) {
                line(lines, series, time);
            }
        }
        return lines.toString();
    }

    private static void line(StringBuilder line, SeriesValue series, String time) {
        line.append(series.metric().name()).append(',').append(time).append(',')
                .append(number(PointFormat.value(series.value()))).append(',')
                .append(series.value().sampleCount());
        for (String stat : TREND_STATS) {
            line.append(',');
            if (series.value() instanceof TrendValue trend) {
                line.append(number(TrendStats.value(trend, stat)));
            }
        }
        Map<String, String> tags = series.tags().asMap();
        for (String tag : TAG_COLUMNS) {
            line.append(',').append(field(tags.getOrDefault(tag, "")));
        }
        StringBuilder extra = new StringBuilder();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (TAG_COLUMNS.contains(tag.getKey())) {
                continue;
            }
            if (extra.length() > 0) {
                extra.append('&');
            }
            extra.append(URLEncoder.encode(tag.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(tag.getValue(), StandardCharsets.UTF_8));
        }
        line.append(',').append(field(extra.toString())).append('\n');
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.valueOf(value);
    }

    /** Quotes a field that contains a comma, a quote or a line break, doubling its quotes. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
