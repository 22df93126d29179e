package io.liveload.core.threshold;

/**
 * The verdict of one threshold.
 *
 * @param threshold the threshold
 * @param passed    whether the condition held
 * @param observed  the observed statistic in the metric's unit (milliseconds for time), NaN without samples
 * @param observedText the observed value formatted for people, or {@code "no samples"}
 */
public record ThresholdResult(Threshold threshold, boolean passed, double observed, String observedText) {

    /** Returns whether the metric had no samples for the threshold's filter. */
    public boolean noSamples() {
        return Double.isNaN(observed);
    }

    /** Returns one line for people: {@code http_req_duration p(95) < 500ms: observed 612.4ms}. */
    public String describe() {
        return threshold.metricSelector() + " " + threshold.condition() + ": "
                + (noSamples() ? "no samples" : "observed " + observedText);
    }
}
