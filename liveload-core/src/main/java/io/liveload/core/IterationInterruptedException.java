package io.liveload.core;

/**
 * Ends an iteration that was still running when its scenario stopped for good (after the graceful stop, or
 * when the run was aborted). Thrown from liveload's blocking calls ({@code vu.sleep}, HTTP, websocket and
 * LiveView waits); scripts should let it pass.
 */
public final class IterationInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IterationInterruptedException(String message) {
        super(message, null, false, false);
    }
}
