package io.liveload.core.report;

import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.MetricsView;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import io.liveload.core.metrics.TrendValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP figures per request name and method: the series of {@code http_reqs}, {@code http_req_failed} and
 * {@code http_req_duration} that carry a {@code name} tag, merged over their other tags (status, scenario, ...).
 *
 * @param name     the {@code name} tag: the request's name, or its URL for unnamed requests
 * @param method   the {@code method} tag, empty when absent
 * @param requests the sum of {@code http_reqs}
 * @param failures the failed requests: the true values of {@code http_req_failed}
 * @param outcomes the requests {@code http_req_failed} counted, failed or not
 * @param duration the merged {@code http_req_duration}, or null without samples
 */
record RequestStats(String name, String method, long requests, long failures, long outcomes, TrendValue duration) {

    /** Returns failures / outcomes, a fraction in [0, 1], or 0 without outcomes. */
    double failureRate() {
        return outcomes == 0 ? 0 : (double) failures / outcomes;
    }

    /** Returns one entry per name and method, most requests first, then by name and method. */
    static List<RequestStats> of(MetricsView metrics) {
        Map<List<String>, Accumulator> byKey = new LinkedHashMap<>();
        for (SeriesValue series : metrics.series()) {
            String name = series.tags().get("name");
            if (name == null) {
                continue;
            }
            String metric = series.metric().name();
            boolean http = metric.equals(BuiltinMetrics.HTTP_REQS.name())
                    || metric.equals(BuiltinMetrics.HTTP_REQ_FAILED.name())
                    || metric.equals(BuiltinMetrics.HTTP_REQ_DURATION.name());
            if (!http) {
                continue;
            }
            String method = series.tags().get("method");
            List<String> key = List.of(name, method == null ? "" : method);
            byKey.computeIfAbsent(key, ignored -> new Accumulator()).add(series.value());
        }
        List<RequestStats> stats = new ArrayList<>();
        byKey.forEach((key, accumulator) -> stats.add(new RequestStats(key.get(0), key.get(1),
                Math.round(accumulator.requests), accumulator.failures, accumulator.outcomes, accumulator.duration)));
        stats.sort(Comparator.comparingLong(RequestStats::requests).reversed()
                .thenComparing(RequestStats::name)
                .thenComparing(RequestStats::method));
        return stats;
    }

    private static final class Accumulator {

        private double requests;
        private long failures;
        private long outcomes;
        private TrendValue duration;

        void add(Aggregate value) {
            if (value instanceof CounterValue counter) {
                requests += counter.sum();
            } else if (value instanceof RateValue rate) {
                failures += rate.passes();
                outcomes += rate.sampleCount();
            } else if (value instanceof TrendValue trend && trend.sampleCount() > 0) {
                duration = duration == null ? trend : duration.merge(trend);
            }
        }
    }
}
