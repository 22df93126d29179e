package io.liveload.bench.jmh;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendSeries;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording one sample with tags, by the three paths a caller can take:
 * <ul>
 *   <li>{@code cachedSeries}: a {@link TrendSeries} looked up once and kept, as the HTTP client keeps its series;</li>
 *   <li>{@code registryLookup}: a tag set built once, the series looked up in the registry for each sample, as a
 *       script's {@code vu.add(trend, value)} does;</li>
 *   <li>{@code tagsPerSample}: the tag set built for each sample and then looked up, the cost the caches avoid.</li>
 * </ul>
 * Run single-threaded ({@code -t 1}) and with writers contending ({@code -t 8}); {@code bench/metrics-jmh.sh} does
 * both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RecordBenchmark {

    private MetricRegistry registry;
    private TagSet tags;
    private TrendSeries series;

    @Setup
    public void setUp() {
        registry = new MetricRegistry(System.currentTimeMillis());
        tags = TagSet.of("method", "GET", "name", "http://127.0.0.1:18080/1k.html", "status", "200",
                "expected_response", "true", "scenario", "default");
        series = registry.trend(BuiltinMetrics.HTTP_REQ_DURATION, tags);
    }

    private static long latencyMicros() {
        return ThreadLocalRandom.current().nextLong(100, 100_000);
    }

    @Benchmark
    public void cachedSeries() {
        series.recordMicros(latencyMicros());
    }

    @Benchmark
    public void registryLookup() {
        registry.trend(BuiltinMetrics.HTTP_REQ_DURATION, tags).recordMicros(latencyMicros());
    }

    @Benchmark
    public void tagsPerSample() {
        TagSet built = TagSet.of("scenario", "default").with("method", "GET").with("status", "200")
                .with("name", "http://127.0.0.1:18080/1k.html").with("expected_response", "true");
        registry.trend(BuiltinMetrics.HTTP_REQ_DURATION, built).recordMicros(latencyMicros());
    }
}
