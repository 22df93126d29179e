package io.liveload.bench;

import io.liveload.core.Vu;
import io.liveload.core.http.HttpResponse;
import io.liveload.junit.LoadTest;
import io.liveload.junit.Threshold;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scale benchmark: many VUs, each requesting the 1 KiB page and then thinking. {@code bench/scale.sh} sets
 * the VUs with {@code -Dliveload.vus} and the mean think time with {@code -Dliveload.env.THINK_MS}, so that every
 * size sends about the same request rate and the client's CPU per request shows what each extra VU costs.
 */
class ScaleLoadTest {

    @LoadTest(vus = 100, duration = "20s", warmup = "5s")
    @Threshold(metric = "checks", condition = "rate == 1")
    void thinkTime(Vu vu) {
        HttpResponse response = vu.http().get("/1k.html");
        vu.check(response, "status is 200", r -> r.status() == 200);
        long meanMillis = Long.parseLong(vu.env("THINK_MS").orElse("50"));
        // Uniform in [0.5, 1.5] of the mean, so VUs that started together drift apart instead of arriving in waves.
        vu.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(meanMillis / 2, meanMillis * 3 / 2 + 1)));
    }
}
