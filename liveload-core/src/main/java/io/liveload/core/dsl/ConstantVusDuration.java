package io.liveload.core.dsl;

import java.time.Duration;

/** The step of {@code constantVus(n)} that sets how long the VUs loop. */
public final class ConstantVusDuration {

    private final int vus;

    ConstantVusDuration(int vus) {
        this.vus = vus;
    }

    /**
     * Sets how long the VUs start new iterations; iterations still running then get the graceful stop.
     *
     * @throws IllegalArgumentException when the duration is not longer than zero
     */
    public ConstantVusScenario during(Duration duration) {
        return new ConstantVusScenario(vus, Times.positive(duration, "duration"), CommonOptions.DEFAULTS);
    }

    /** Sets the duration as a k6 duration string such as {@code "30s"}; see {@link #during(Duration)}. */
    public ConstantVusScenario during(String duration) {
        return during(Times.parse(duration, "duration"));
    }
}
