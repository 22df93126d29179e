package io.liveload.junit;

/**
 * Carries the full text summary as the cause of a load test's failure, so that the body of Surefire's
 * {@code <failure>} element (the stack trace) shows the whole summary while the message stays short.
 */
final class RunSummary extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RunSummary(String summary) {
        super("Summary of the run:" + System.lineSeparator() + summary, null, false, false);
    }
}
