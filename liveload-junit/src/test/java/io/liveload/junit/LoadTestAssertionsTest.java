package io.liveload.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liveload.core.RunResult;
import io.liveload.core.dsl.Liveload;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.testing.LocalHttpServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadTestAssertionsTest {

    private static LocalHttpServer server;
    private static RunResult result;

    @BeforeAll
    static void runOnce() {
        server = new LocalHttpServer().text("/ok", 200, "fine").text("/missing", 404, "nope");
        result = Liveload.plan("assertions")
                .baseUrl(server.baseUrl())
                .progress(RunOptions.Progress.OFF)
                .scenario("default", s -> s.perVuIterations(5).vus(2).exec(vu -> {
                    vu.check(vu.http().get("/ok"), "status 200", r -> r.status() == 200);
                    vu.check(vu.http().get("/missing"), "found", r -> r.status() == 200);
                }))
                .run();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void percentileWithinLimitPasses() {
        LoadTestAssertions.assertThat(result).metric("http_req_duration").percentile(95)
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void percentileOverLimitNamesMetricAndValue() {
        assertThatThrownBy(() -> LoadTestAssertions.assertThat(result).metric("http_req_duration").percentile(95)
                .isLessThan(Duration.ofNanos(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected p(95) of http_req_duration to be less than ")
                .hasMessageContaining("(20 samples)");
    }

    @Test
    void checkPassRateShowsPercent() {
        assertThatThrownBy(() -> LoadTestAssertions.assertThat(result).checks().passRate().isEqualTo(1.0))
                .hasMessage("Expected rate of checks to be equal to 1 (100.00%), but was 0.5 (50.00%) (20 samples)");
    }

    @Test
    void singleCheckPassRate() {
        LoadTestAssertions.assertThat(result).checks().check("status 200").passRate().isEqualTo(1.0);
    }

    @Test
    void subMetricCount() {
        LoadTestAssertions.assertThat(result).metric("http_reqs{status:404}").count().isEqualTo(10);
    }

    @Test
    void emptySubMetricSaysNoSamples() {
        assertThatThrownBy(() -> LoadTestAssertions.assertThat(result).metric("http_req_duration{status:500}")
                .percentile(95).isLessThan(Duration.ofSeconds(1)))
                .hasMessageContaining("has no samples");
    }

    @Test
    void unknownMetricIsNamed() {
        assertThatThrownBy(() -> LoadTestAssertions.assertThat(result).metric("http_req_durations").hasSamples())
                .hasMessageContaining("there is no metric named \"http_req_durations\"");
    }

    @Test
    void failedThresholdsListedByPassed() {
        RunResult breached = Liveload.plan("breached")
                .baseUrl(server.baseUrl())
                .progress(RunOptions.Progress.OFF)
                .scenario("default", s -> s.perVuIterations(1).exec(vu -> vu.http().get("/missing")))
                .threshold("http_req_failed", "rate == 0")
                .run();

        assertThatThrownBy(() -> LoadTestAssertions.assertThat(breached).passed())
                .hasMessageContaining("✗ http_req_failed rate == 0: observed 1 (100.00%)");
    }
}
