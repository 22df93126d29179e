package io.liveload.junit;

import io.liveload.core.RunResult;

/**
 * AssertJ entry point for run results, for those who prefer asserting in code to thresholds:
 * <pre>{@code
 * assertThat(result).metric("http_req_duration").percentile(95).isLessThan(Duration.ofMillis(500));
 * assertThat(result).checks().passRate().isEqualTo(1.0);
 * }</pre>
 * Statistics follow the same definitions as thresholds and the summary (HdrHistogram, 3 significant digits).
 */
public final class LoadTestAssertions {

    private LoadTestAssertions() {
    }

    /** Returns assertions on a run's result. */
    public static RunResultAssert assertThat(RunResult result) {
        return new RunResultAssert(result);
    }
}
