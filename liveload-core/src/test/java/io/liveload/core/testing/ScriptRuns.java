package io.liveload.core.testing;

import io.liveload.core.IterationInterruptedException;
import io.liveload.core.RunResult;
import io.liveload.core.VuScript;
import io.liveload.core.engine.Engine;
import io.liveload.core.engine.ErrorLog.ErrorCount;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendValue;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs scripts on the real engine for tests, and reads the results. A script's own assertion failure is
 * thrown again from the run, so the test report shows it in full instead of as a counted iteration error.
 */
public final class ScriptRuns {

    private ScriptRuns() {
    }

    /** Returns options for a test run against the base URL, with progress lines off. */
    public static RunOptions options(String baseUrl) {
        return RunOptions.defaults("test").withBaseUrl(baseUrl).withProgress(RunOptions.Progress.OFF);
    }

    /** Runs the script once on one VU. */
    public static RunResult runOnce(RunOptions options, VuScript script) {
        return run(options, new PerVuIterations(1, 1), script);
    }

    /** Runs the script with the executor's VUs and iterations. */
    public static RunResult run(RunOptions options, PerVuIterations executor, VuScript script) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LoadPlan plan = LoadPlan.of(executor, guard(script, failure), List.of(), options);
        RunResult result = Engine.run(plan);
        rethrow(failure);
        return result;
    }

    /** Runs a plan whose script was wrapped with {@link #guard}. */
    public static RunResult run(LoadPlan plan, AtomicReference<Throwable> failure) {
        RunResult result = Engine.run(plan);
        rethrow(failure);
        return result;
    }

    /** Wraps a script so that its first failure, other than an interruption by the engine, is kept. */
    public static VuScript guard(VuScript script, AtomicReference<Throwable> failure) {
        return vu -> {
            try {
                script.run(vu);
            } catch (IterationInterruptedException e) {
                throw e;
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                throw e;
            }
        };
    }

    private static void rethrow(AtomicReference<Throwable> failure) {
        Throwable thrown = failure.get();
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new AssertionError("The script failed: " + thrown, thrown);
        }
    }

    /** Returns the sum of a counter over the series whose tags contain the filter. */
    public static double counter(RunResult result, String metric, TagSet filter) {
        return result.metrics().aggregate(metric, filter).map(value -> ((CounterValue) value).sum()).orElse(0.0);
    }

    /** Returns the sum of a counter over all its series. */
    public static double counter(RunResult result, String metric) {
        return counter(result, metric, TagSet.EMPTY);
    }

    /** Returns the rate's passes and fails over the series whose tags contain the filter; 0 and 0 without any. */
    public static RateValue rate(RunResult result, String metric, TagSet filter) {
        return result.metrics().aggregate(metric, filter).map(value -> (RateValue) value).orElse(new RateValue(0, 0));
    }

    /** Returns how many samples a trend got over the series whose tags contain the filter. */
    public static long trendCount(RunResult result, String metric, TagSet filter) {
        return result.metrics().aggregate(metric, filter).map(value -> ((TrendValue) value).sampleCount()).orElse(0L);
    }

    /** Returns how many samples a trend got over all its series. */
    public static long trendCount(RunResult result, String metric) {
        return trendCount(result, metric, TagSet.EMPTY);
    }

    /** Returns the run's errors of one category and code. */
    public static List<ErrorCount> errors(RunResult result, String category, String code) {
        return result.errors().stream()
                .filter(error -> error.category().equals(category) && error.code().equals(code))
                .toList();
    }

    /** Returns how often errors of one category and code happened. */
    public static long errorCount(RunResult result, String category, String code) {
        return errors(result, category, code).stream().mapToLong(ErrorCount::count).sum();
    }
}
