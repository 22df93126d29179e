package io.liveload.core.report;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs file writes of one output on its own daemon thread, so that the run's sampler thread only builds the data
 * of an interval and hands it over. {@link #submit(Task)} does not wait for space: when the queue is full because
 * the disk is slower than the run, the task is dropped and counted, and the first drop is logged. The first failing
 * task is logged with its message, and later failures are only counted.
 */
final class BackgroundWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWriter.class);

    /** One write, run on the writer thread. */
    @FunctionalInterface
    interface Task {
        void run() throws IOException;
    }

    private static final Task STOP = () -> {
    };

    private final String name;
    private final BlockingQueue<Task> queue;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;

    /**
     * Starts the writer thread.
     *
     * @param name     names the output in the thread name and in log lines, e.g. the file's path
     * @param capacity the number of tasks that may wait; one interval of an output is usually one task
     */
    BackgroundWriter(String name, int capacity) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::drain, "liveload-output-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a task without blocking; returns false when it was dropped because the queue is full or closed. */
    boolean submit(Task task) {
        if (closed || !queue.offer(task)) {
            if (dropped.getAndIncrement() == 0) {
                LOG.warn("Output {} cannot keep up with the run: dropping data (the count is logged at the end)", name);
            }
            return false;
        }
        return true;
    }

    /**
     * Runs the tasks already queued, then stops the thread. Waits at most {@code timeout}, then abandons the tasks
     * still queued and logs them.
     *
     * @return whether the thread finished, so that its files may be closed by the caller
     */
    boolean close(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (queue.offer(STOP, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                thread.join(Math.max(1, remainingMillis));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean finished = !thread.isAlive();
        if (!finished) {
            LOG.warn("Output {} did not finish writing within {} ms; {} writes abandoned", name, timeout.toMillis(),
                    queue.size());
            thread.interrupt();
        }
        if (dropped.get() > 0) {
            LOG.warn("Output {} dropped {} writes because the disk was slower than the run", name, dropped.get());
        }
        if (failed.get() > 1) {
            LOG.warn("Output {}: {} writes failed in total", name, failed.get());
        }
        return finished;
    }

    /** Returns the number of tasks dropped so far. */
    long dropped() {
        return dropped.get();
    }

    private void drain() {
        while (true) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            try {
                task.run();
            } catch (IOException | RuntimeException e) {
                if (failed.getAndIncrement() == 0) {
                    LOG.warn("Writing output {} failed: {} (later failures are counted)", name, e.toString());
                }
            }
        }
    }
}
