package io.liveload.core.engine;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread factories for VUs and background tasks: virtual threads on Java 21+, daemon platform threads on 17.
 * liveload is built for Java 17, so the virtual-thread API is reached through reflection once per factory.
 */
public final class Threads {

    private static final Method OF_VIRTUAL = findOfVirtual();

    private Threads() {
    }

    private static Method findOfVirtual() {
        try {
            return Thread.class.getMethod("ofVirtual");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Returns whether this JVM has virtual threads (Java 21+). */
    public static boolean virtualThreadsAvailable() {
        return OF_VIRTUAL != null;
    }

    /**
     * Returns a factory of threads named {@code prefix + n}: virtual threads when available, else daemon
     * platform threads.
     */
    public static ThreadFactory factory(String prefix) {
        if (OF_VIRTUAL != null) {
            try {
                Object builder = OF_VIRTUAL.invoke(null);
                Class<?> builderType = Class.forName("java.lang.Thread$Builder");
                builder = builderType.getMethod("name", String.class, long.class).invoke(builder, prefix, 1L);
                return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create virtual threads on this JVM", e);
            }
        }
        return platformFactory(prefix);
    }

    /** Returns a factory of daemon platform threads named {@code prefix + n}. */
    public static ThreadFactory platformFactory(String prefix) {
        AtomicLong counter = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Returns an executor that runs each task on a new thread from {@link #factory(String)} (virtual threads),
     * or a cached pool of daemon platform threads that end after 10 idle seconds on Java 17.
     */
    public static ExecutorService executor(String prefix) {
        ThreadFactory factory = factory(prefix);
        if (OF_VIRTUAL != null) {
            try {
                Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
                return (ExecutorService) perTask.invoke(null, factory);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create a virtual-thread executor on this JVM", e);
            }
        }
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }
}
