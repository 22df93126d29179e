package io.liveload.bench;

import static io.liveload.junit.ExecutorType.CONSTANT_ARRIVAL_RATE;

import io.liveload.core.Vu;
import io.liveload.core.http.HttpResponse;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;

/**
 * The open-model benchmark: 2,000 iterations per second for 10 s, each one request for the 1 KiB page. The
 * figures are the achieved rate and the scheduled-start latencies ({@code iteration_start_delay},
 * {@code iteration_latency}). Run by {@code bench/open-model.sh}.
 */
class OpenModelLoadTest {

    @LoadTest(executor = CONSTANT_ARRIVAL_RATE, rate = 2000, duration = "10s", preAllocatedVus = 50, maxVus = 500,
            warmup = "5s")
    @Threshold(metric = "checks", condition = "rate == 1")
    @Threshold(metric = "dropped_iterations", condition = "count == 0")
    void arrivals(Vu vu) {
        HttpResponse response = vu.http().get("/1k.html");
        vu.check(response, "status is 200", r -> r.status() == 200);
    }
}
