package io.liveload.core.liveview;

/**
 * A LiveView request that did not succeed: an event or patch without a reply in time, an error reply, or a
 * view that went down before it replied. The message names the event, the page and what happened. An
 * iteration that lets it pass is counted as failed with this message, as any script exception is.
 */
public final class LiveViewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LiveViewException(String message) {
        super(message);
    }
}
