package io.liveload.bench;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendSeries;
import io.liveload.core.metrics.TrendValue;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.SplittableRandom;

/**
 * Shows that a trend's memory does not grow with the number of samples. It records 10 million request durations
 * into one series of a registry, as the HTTP client does, and samples the registry every 100,000 samples as the
 * run's sampler does once a second. It prints the heap used after a full GC before the first sample, after 1
 * million and after 10 million. Durations are spread from 100 us to 10 s, so the histogram uses its full range.
 *
 * <p>Usage: {@code java -Xmx64m io.liveload.bench.MetricsMemory}; prints {@code key=value} lines.
 */
public final class MetricsMemory {

    private static final long SAMPLES = 10_000_000;
    private static final long SAMPLE_EVERY = 100_000;

    private MetricsMemory() {
    }

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MetricRegistry registry = new MetricRegistry(System.currentTimeMillis());
        TagSet tags = TagSet.of("method", "GET", "name", "http://127.0.0.1/1k.html", "status", "200",
                "expected_response", "true", "scenario", "default");
        TrendSeries series = registry.trend(BuiltinMetrics.HTTP_REQ_DURATION, tags);
        System.out.printf("samples=0 heapAfterGcBytes=%d%n", usedAfterGc(memory));

        SplittableRandom random = new SplittableRandom(42);
        long now = System.currentTimeMillis();
        for (long i = 1; i <= SAMPLES; i++) {
            // Log-uniform from 100 us to 10 s.
            series.recordMicros((long) Math.exp(random.nextDouble(Math.log(100), Math.log(10_000_000))));
            if (i % SAMPLE_EVERY == 0) {
                now += 1000;
                registry.sampleInterval(now);
            }
            if (i == 1_000_000 || i == SAMPLES) {
                System.out.printf("samples=%d heapAfterGcBytes=%d%n", i, usedAfterGc(memory));
            }
        }
        TrendValue total = (TrendValue) registry.totals().series().get(0).value();
        System.out.printf("recordedCount=%d%n", total.sampleCount());
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
