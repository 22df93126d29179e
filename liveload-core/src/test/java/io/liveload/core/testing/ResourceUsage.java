package io.liveload.core.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The resources the JVM uses at one moment: live threads by kind, open file descriptors and used heap after a full GC.
 * Linux only for the file descriptors ({@code /proc/self/fd}).
 *
 * @param threads         every live thread
 * @param liveloadThreads live threads that liveload's engine names ({@code liveload-}), which a finished run must
 *                        leave none of
 * @param okHttpThreads   live threads of OkHttp's and okio's JVM-wide pools ({@code OkHttp TaskRunner},
 *                        {@code Okio Watchdog}); they are shared by all clients and end after 60 idle seconds
 * @param fileDescriptors open file descriptors of the process, sockets included
 * @param heapBytes       used heap after {@link System#gc()}
 */
public record ResourceUsage(int threads, List<String> liveloadThreads, int okHttpThreads, long fileDescriptors,
                            long heapBytes) {

    /** Takes a measurement; runs the GC first. */
    public static ResourceUsage measure() {
        List<Thread> live = List.copyOf(Thread.getAllStackTraces().keySet());
        List<String> liveload = live.stream().map(Thread::getName).filter(name -> name.startsWith("liveload-"))
                .sorted().toList();
        int okHttp = (int) live.stream().map(Thread::getName)
                .filter(name -> name.startsWith("OkHttp") || name.startsWith("Okio")).count();
        return new ResourceUsage(live.size(), liveload, okHttp, countFileDescriptors(), usedHeapAfterGc());
    }

    /** Returns the number of open file descriptors, or -1 where {@code /proc/self/fd} does not exist. */
    public static long countFileDescriptors() {
        Path directory = Path.of("/proc/self/fd");
        if (!Files.isDirectory(directory)) {
            return -1;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            // The listing itself opens one descriptor, which is counted as well.
            return entries.count() - 1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Returns the figures on one line, heap in MiB, for the test output. */
    @Override
    public String toString() {
        return "threads=" + threads + " (liveload " + liveloadThreads.size() + ", OkHttp pools " + okHttpThreads
                + "), fds=" + fileDescriptors + ", heap=" + String.format(java.util.Locale.ROOT, "%.1f MiB",
                heapBytes / (1024.0 * 1024.0));
    }
}
