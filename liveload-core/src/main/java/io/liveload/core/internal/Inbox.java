package io.liveload.core.internal;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded first-in first-out queue of inbound messages, filled by a network thread and read by the VU
 * thread. When it is full, {@link #offer} drops the oldest message to make room, so a script that reads
 * slowly loses old messages instead of memory. The backing array is allocated with the first message, so an
 * idle inbox costs a few dozen bytes. Waiting uses a {@link ReentrantLock} condition rather than a monitor,
 * so a waiting virtual thread releases its carrier thread. Thread-safe.
 *
 * @param <T> the message type
 */
public final class Inbox<T> {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private ArrayDeque<T> items;
    private long dropped;
    private boolean closed;

    /**
     * Creates an inbox that keeps up to {@code capacity} messages.
     *
     * @throws IllegalArgumentException when the capacity is less than 1
     */
    public Inbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Invalid inbox capacity " + capacity + ": it must be at least 1");
        }
        this.capacity = capacity;
    }

    /**
     * Appends a message, dropping the oldest one when the inbox is full. Messages offered after
     * {@link #close()} are still queued, because they arrived before the close was processed.
     *
     * @return whether a message was dropped to make room
     */
    public boolean offer(T item) {
        lock.lock();
        try {
            if (items == null) {
                items = new ArrayDeque<>(Math.min(capacity, 16));
            }
            boolean full = items.size() >= capacity;
            if (full) {
                items.pollFirst();
                dropped++;
            }
            items.addLast(item);
            changed.signalAll();
            return full;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end of input: waiting readers wake up, and reads return null once the inbox is drained. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the oldest message, or null when the inbox is empty, without waiting for one. */
    public T poll() {
        lock.lock();
        try {
            return items == null ? null : items.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the oldest message, waiting up to the timeout for one to arrive.
     *
     * @return the message, or null when the timeout passed or the inbox is closed and empty
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public T poll(long timeoutNanos) throws InterruptedException {
        long remaining = timeoutNanos;
        lock.lockInterruptibly();
        try {
            while (true) {
                T item = items == null ? null : items.pollFirst();
                if (item != null || closed || remaining <= 0) {
                    return item;
                }
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting reader without adding a message, so it can check for a stop. */
    public void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the number of queued messages. */
    public int size() {
        lock.lock();
        try {
            return items == null ? 0 : items.size();
        } finally {
            lock.unlock();
        }
    }

    /** Returns how many messages were dropped because the inbox was full. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the maximum number of queued messages. */
    public int capacity() {
        return capacity;
    }
}
