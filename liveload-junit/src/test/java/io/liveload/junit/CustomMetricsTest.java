package io.liveload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.liveload.core.RunResult;
import io.liveload.core.Vu;
import io.liveload.core.metrics.Counter;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.Rate;
import io.liveload.core.metrics.Trend;
import io.liveload.core.metrics.TrendValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class CustomMetricsTest {

    private static final AtomicReference<RunResult> lastResult = new AtomicReference<>();

    @TempDir
    Path outputDir;

    private Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ConfigKeys.OUTPUT_DIR, outputDir.toString())
                .configurationParameter(ConfigKeys.PROGRESS, "off")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    @Test
    void declaredMetricsWorkInThresholds() {
        Events events = run(CartLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("cart"), finishedSuccessfully()));
    }

    @Test
    void counterSumsWithTags() {
        run(CartLoad.class);

        CounterValue eu = (CounterValue) lastResult.get().metrics()
                .aggregate("cart_items", io.liveload.core.metrics.TagSet.of("shop", "eu")).orElseThrow();
        assertThat(eu.sum()).isEqualTo(9);
    }

    @Test
    void timeTrendRecordsDurations() {
        run(CartLoad.class);

        TrendValue trend = (TrendValue) lastResult.get().metrics().aggregate("checkout_time").orElseThrow();
        assertThat(trend.max()).isBetween(12.0, 12.1);
    }

    @Test
    void thresholdOnEmptyMetricFailsWithNoSamples() {
        Events events = run(EmptyMetricLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("nothingRecorded"), finishedWithFailure(
                message(text -> text.contains("✗ payment_failed rate < 0.1: no samples")))));
    }

    @Test
    void undeclaredMetricInThresholdFailsBeforeLoad() {
        Events events = run(UndeclaredMetricLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("undeclared"), finishedWithFailure(
                message(text -> text.contains("unknown metric \"search_time\"")))));
    }

    static class CartLoad {

        static final Counter CART_ITEMS = Counter.named("cart_items");
        static final Trend CHECKOUT_TIME = Trend.time("checkout_time");

        @LoadTest(vus = 1, iterations = 3)
        @Threshold(metric = "cart_items{shop:eu}", condition = "count == 9")
        @Threshold(metric = "checkout_time", condition = "p(95) < 20ms")
        void cart(Vu vu) {
            vu.add(CART_ITEMS, 3, "shop", "eu");
            vu.add(CART_ITEMS, 1, "shop", "us");
            vu.add(CHECKOUT_TIME, Duration.ofMillis(12));
        }

        @AfterEach
        void keep(RunResult result) {
            lastResult.set(result);
        }
    }

    static class EmptyMetricLoad {

        static final Rate PAYMENT_FAILED = Rate.named("payment_failed");

        @LoadTest(vus = 1, iterations = 1)
        @Threshold(metric = "payment_failed", condition = "rate < 0.1")
        void nothingRecorded(Vu vu) {
            vu.sleep(Duration.ofMillis(1));
        }
    }

    static class UndeclaredMetricLoad {

        @LoadTest(vus = 1, iterations = 1)
        @Threshold(metric = "search_time", condition = "p(95) < 200")
        void undeclared(Vu vu) {
            vu.sleep(Duration.ofMillis(1));
        }
    }
}
