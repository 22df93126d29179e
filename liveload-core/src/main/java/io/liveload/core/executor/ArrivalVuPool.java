package io.liveload.core.executor;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * The VUs of an arrival-rate scenario. The scheduler thread hands each iteration to an idle VU, or to a new one
 * while the pool is below {@code maxVus}; every VU of the pool counts as active, as in k6. Hand-offs take no lock:
 * an idle VU parks on its own thread and the scheduler unparks it, so the scheduler keeps its pace at thousands of
 * iterations per second.
 *
 * <p>Threading: {@link #tryStart(long)}, {@link #close()} and {@link #vus()} are called by the scheduler thread
 * only; each VU's loop runs on its own thread.
 */
final class ArrivalVuPool {

    private static final long NO_ITERATION = Long.MIN_VALUE;

    private final ExecutionContext context;
    private final int maxVus;
    /** Idle VUs, the most recently used first, so that a low rate keeps using the same few VUs. */
    private final Deque<PooledVu> idle = new ConcurrentLinkedDeque<>();
    private final List<PooledVu> all = new ArrayList<>();
    private final List<VuHandle> handles = new ArrayList<>();
    private volatile boolean closed;

    ArrivalVuPool(ExecutionContext context, int maxVus) {
        this.context = context;
        this.maxVus = maxVus;
    }

    /** Starts VUs that wait for iterations, up to {@code maxVus} in all. */
    void preAllocate(int count) {
        for (int i = 0; i < count && all.size() < maxVus; i++) {
            idle.addFirst(allocate(NO_ITERATION));
        }
    }

    /**
     * Hands an iteration to an idle VU, or to a new VU while the pool is below {@code maxVus}.
     *
     * @param scheduledNanos the iteration's scheduled start ({@link System#nanoTime()})
     * @return false when every VU is busy and the pool is full: the caller drops the iteration
     */
    boolean tryStart(long scheduledNanos) {
        PooledVu vu = idle.pollFirst();
        if (vu != null) {
            vu.assign(scheduledNanos);
            return true;
        }
        if (all.size() < maxVus) {
            allocate(scheduledNanos);
            return true;
        }
        return false;
    }

    private PooledVu allocate(long firstIteration) {
        PooledVu vu = new PooledVu(firstIteration);
        all.add(vu);
        handles.add(context.startVu(vu));
        return vu;
    }

    /** Returns the number of VUs started so far. */
    int size() {
        return all.size();
    }

    /** Returns every VU started so far. */
    List<VuHandle> vus() {
        return List.copyOf(handles);
    }

    /** Lets idle VUs end now and busy ones after their iteration; no iteration is handed out afterwards. */
    void close() {
        closed = true;
        for (PooledVu vu : all) {
            vu.wake();
        }
    }

    /** One VU's loop: park until an iteration is assigned, run it, go back to the idle deque. */
    private final class PooledVu implements VuLoop {

        private volatile long assignedNanos;
        private volatile Thread thread;

        PooledVu(long firstIteration) {
            this.assignedNanos = firstIteration;
        }

        void assign(long scheduledNanos) {
            assignedNanos = scheduledNanos;
            wake();
        }

        void wake() {
            // A null thread means the loop has not started yet. The loop reads the volatile assignedNanos and
            // closed before it parks, so it sees the assignment or the close either way.
            LockSupport.unpark(thread);
        }

        @Override
        public void run(VuHandle vu) {
            thread = Thread.currentThread();
            while (true) {
                long scheduled = awaitIteration();
                if (scheduled == NO_ITERATION) {
                    return;
                }
                vu.runScheduledIteration(scheduled);
                idle.addFirst(this);
            }
        }

        private long awaitIteration() {
            while (true) {
                long scheduled = assignedNanos;
                if (scheduled != NO_ITERATION) {
                    assignedNanos = NO_ITERATION;
                    return scheduled;
                }
                if (closed) {
                    return NO_ITERATION;
                }
                LockSupport.park(this);
                if (Thread.interrupted() && context.hardStopRequested()) {
                    return NO_ITERATION;
                }
            }
        }
    }
}
