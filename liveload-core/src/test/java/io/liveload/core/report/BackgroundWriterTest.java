package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundWriterTest {

    @Test
    void runsTasksInOrder() {
        List<Integer> done = new CopyOnWriteArrayList<>();
        BackgroundWriter writer = new BackgroundWriter("ordered", 10);

        for (int i = 0; i < 5; i++) {
            int task = i;
            writer.submit(() -> done.add(task));
        }
        boolean finished = writer.close(Duration.ofSeconds(10));

        assertThat(finished).isTrue();
        assertThat(done).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void fullQueueDropsWithoutBlocking() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundWriter writer = new BackgroundWriter("slow disk", 2);
        writer.submit(() -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        boolean first = writer.submit(() -> { });
        boolean second = writer.submit(() -> { });
        boolean third = writer.submit(() -> { });

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(third).isFalse();
        assertThat(writer.dropped()).isEqualTo(1);
        release.countDown();
        assertThat(writer.close(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void failingTaskDoesNotStopLaterOnes() {
        List<String> done = new CopyOnWriteArrayList<>();
        BackgroundWriter writer = new BackgroundWriter("failing", 10);

        writer.submit(() -> {
            throw new java.io.IOException("disk full");
        });
        writer.submit(() -> done.add("after"));
        writer.close(Duration.ofSeconds(10));

        assertThat(done).containsExactly("after");
    }

    @Test
    void closedWriterRejectsTasks() {
        BackgroundWriter writer = new BackgroundWriter("closed", 10);
        writer.close(Duration.ofSeconds(10));

        assertThat(writer.submit(() -> { })).isFalse();
    }

    @Test
    void stuckTaskTimesOut() {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundWriter writer = new BackgroundWriter("stuck", 10);
        writer.submit(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        boolean finished = writer.close(Duration.ofMillis(200));

        release.countDown();
        assertThat(finished).isFalse();
    }
}
