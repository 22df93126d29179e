package io.liveload.core.plan;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.Metric;
import io.liveload.core.threshold.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a run needs, validated when built: scenarios, thresholds, custom metrics and options. Every
 * configuration error fails here, before any load is sent. Immutable.
 *
 * @param scenarios     at least one; names are unique
 * @param thresholds    judged on the run's metrics
 * @param customMetrics metrics that scripts record besides the built-ins, so thresholds can name them
 * @param options       settings that are not about scheduling
 */
public record LoadPlan(List<Scenario> scenarios, List<Threshold> thresholds, List<Metric> customMetrics,
                       RunOptions options) {

    public LoadPlan {
        scenarios = List.copyOf(scenarios);
        thresholds = List.copyOf(thresholds);
        customMetrics = List.copyOf(customMetrics);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("A load plan needs at least one scenario");
        }
        Set<String> names = new HashSet<>();
        for (Scenario scenario : scenarios) {
            if (!names.add(scenario.name())) {
                throw new IllegalArgumentException("Two scenarios are named \"" + scenario.name()
                        + "\": give each scenario its own name");
            }
        }
        if (!options.cookies().isEmpty() && options.baseUrl() == null) {
            throw new IllegalArgumentException("Cookies " + options.cookies().keySet() + " are set up front, but there"
                    + " is no base URL to set them for: set the base URL (liveload.baseUrl)");
        }
        Map<String, Metric> known = new HashMap<>();
        for (Metric metric : BuiltinMetrics.all()) {
            known.put(metric.name(), metric);
        }
        for (Metric metric : customMetrics) {
            Metric existing = known.putIfAbsent(metric.name(), metric);
            if (existing != null && !existing.equals(metric)) {
                throw new IllegalArgumentException("Custom metric \"" + metric.name() + "\" clashes with "
                        + (BuiltinMetrics.all().contains(existing) ? "the built-in metric" : "another metric")
                        + " of that name: choose another name");
            }
        }
        for (Threshold threshold : thresholds) {
            threshold.validate(name -> Optional.ofNullable(known.get(name)));
        }
    }

    /** Returns a plan with one scenario named {@code default}, as k6 names a script's only scenario. */
    public static LoadPlan of(ExecutorSpec executor, io.liveload.core.VuScript script, List<Threshold> thresholds,
                              RunOptions options) {
        return new LoadPlan(List.of(Scenario.of("default", executor, script)), thresholds, List.of(), options);
    }

    /** Returns the longest time the run can take, graceful stops included. */
    public Duration maxDuration() {
        Duration max = Duration.ZERO;
        for (Scenario scenario : scenarios) {
            Duration end = scenario.maxEnd();
            if (end.compareTo(max) > 0) {
                max = end;
            }
        }
        return max;
    }

    /** Returns the plan with other thresholds, validated again. */
    public LoadPlan withThresholds(List<Threshold> newThresholds) {
        return new LoadPlan(scenarios, newThresholds, customMetrics, options);
    }

    /** Returns the plan with other options. */
    public LoadPlan withOptions(RunOptions newOptions) {
        return new LoadPlan(scenarios, thresholds, customMetrics, newOptions);
    }

    /** Returns the plan with another custom metric. */
    public LoadPlan withCustomMetric(Metric metric) {
        List<Metric> metrics = new ArrayList<>(customMetrics);
        metrics.add(metric);
        return new LoadPlan(scenarios, thresholds, metrics, options);
    }
}
