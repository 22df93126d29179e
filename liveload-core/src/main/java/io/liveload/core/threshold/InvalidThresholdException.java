package io.liveload.core.threshold;

/** Thrown when a threshold cannot be parsed or does not fit its metric; the message names the fix. */
public final class InvalidThresholdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidThresholdException(String message) {
        super(message);
    }
}
