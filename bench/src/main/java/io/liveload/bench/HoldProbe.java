package io.liveload.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts the VUs that hold a joined view and, once all of them have held theirs for the hold time, measures
 * this JVM once: heap used after a full GC, resident memory, threads and open file descriptors. It prints
 * the figures as one line of {@code key=value} pairs that starts with {@code hold-figures}, and the platform
 * threads by name on a line that starts with {@code hold-threads}. Thread-safe.
 *
 * <p>The heap figure relies on {@link System#gc()} running a full collection, which the JVM's default
 * collectors do unless {@code -XX:+DisableExplicitGC} is set. The resident memory, OS thread and file
 * descriptor figures are read from {@code /proc/self}, so they need Linux.
 */
final class HoldProbe {

    private final AtomicInteger joinedViews = new AtomicInteger();
    private final AtomicBoolean measured = new AtomicBoolean();
    private volatile long allJoinedNanos;

    /** Counts one more VU with a joined view; the one that reaches {@code views} starts the hold window. */
    void viewJoined(int views) {
        if (joinedViews.incrementAndGet() == views) {
            allJoinedNanos = System.nanoTime();
            System.out.printf("hold-start views=%d epochMillis=%d%n", views, System.currentTimeMillis());
        }
    }

    /**
     * Measures and prints the figures when the hold window has passed and no VU has measured yet; otherwise
     * returns at once. The caller's own view stays open while it measures.
     */
    void measureWhenHeld(Duration hold) {
        long start = allJoinedNanos;
        if (start == 0 || System.nanoTime() - start < hold.toNanos() || !measured.compareAndSet(false, true)) {
            return;
        }
        // A second collection frees what finalization or reference processing kept through the first.
        System.gc();
        System.gc();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long heapCommitted = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        int jvmThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        System.out.printf("hold-figures views=%d heldSeconds=%.1f heapUsedBytes=%d heapCommittedBytes=%d rssKiB=%s"
                        + " osThreads=%s jvmThreads=%d fds=%d epochMillis=%d%n",
                joinedViews.get(), (System.nanoTime() - start) / 1e9, heapUsed, heapCommitted,
                statusValue("VmRSS:"), statusValue("Threads:"), jvmThreads, openFileDescriptors(),
                System.currentTimeMillis());
        System.out.println("hold-threads " + platformThreadNames());
    }

    /** Returns the live platform threads by name, digits replaced with {@code #}, most frequent first. */
    private static String platformThreadNames() {
        Map<String, Long> counts = Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(thread -> thread.getName().replaceAll("[0-9]+", "#"),
                        Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey().replace(' ', '_') + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String statusValue(String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(key.length()).trim().split("\\s+")[0];
                }
            }
        } catch (IOException e) {
            return "-";
        }
        return "-";
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
