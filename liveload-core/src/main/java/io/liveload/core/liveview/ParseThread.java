package io.liveload.core.liveview;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs jsoup parsing on a thread of the run's executor instead of the calling one. jsoup keeps per-thread
 * state in {@code ThreadLocal}s: a soft pool of parse buffers, and the match memos of structural selectors,
 * which stay in the thread's map after the selector is gone. A VU's thread and a socket's reader thread live
 * as long as the VU or the socket, so that state would stay with every held page. On Java 21+ the executor
 * gives each task a new virtual thread, whose thread-locals end with it. On Java 17 it is a pool of platform
 * threads, as many as parse at once, which end after 10 idle seconds.
 */
final class ParseThread {

    private ParseThread() {
    }

    /**
     * Runs {@code work} on the executor and waits for it, or runs it on the calling thread when the executor
     * no longer takes tasks (the run is ending). The caller's locks stay held while it waits, so the work may
     * read what they guard.
     */
    static <T> T call(ExecutorService executor, Supplier<T> work) {
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return work.get();
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
