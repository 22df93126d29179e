package io.liveload.bench;

import io.liveload.core.Vu;
import io.liveload.core.http.HttpResponse;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;

/**
 * W1 and W2 of the throughput benchmark, run through JUnit with metrics, checks and thresholds on, as a user's
 * load test runs. The script {@code bench/throughput.sh} sets the base URL, VUs, duration and warm-up with
 * configuration parameters ({@code -Dliveload.baseUrl=...}).
 */
class ThroughputLoadTest {

    /** The last characters of the 40 KiB page that {@code bench/lib.sh} writes, checked in W2. */
    static final String PAGE_END = "<!-- end of page -->";

    /** W1: no think time, a 1 KiB page, a status check. */
    @LoadTest(vus = 100, duration = "10s", warmup = "5s")
    @Threshold(metric = "checks", condition = "rate == 1")
    void smallPage(Vu vu) {
        HttpResponse response = vu.http().get("/1k.html");
        vu.check(response, "status is 200", r -> r.status() == 200);
    }

    /** W2: no think time, a 40 KiB page, a status check and a check that the body arrived whole. */
    @LoadTest(vus = 100, duration = "10s", warmup = "5s")
    @Threshold(metric = "checks", condition = "rate == 1")
    void largePage(Vu vu) {
        HttpResponse response = vu.http().get("/40k.html");
        vu.check(response, "status is 200", r -> r.status() == 200);
        vu.check(response, "body is complete", r -> r.body().contains(PAGE_END));
    }
}
