package io.liveload.core.dsl;

/**
 * The first step of a scenario: the choice of its k6 executor. Closed models ({@code constantVus},
 * {@code rampingVus}, {@code perVuIterations}, {@code sharedIterations}) start an iteration when a VU finishes the
 * previous one, so a slow server slows the load; open models ({@code constantArrivalRate},
 * {@code rampingArrivalRate}) start iterations on a schedule whatever the server does. Each choice returns a step
 * that offers only that executor's options.
 */
public final class ScenarioStart {

    ScenarioStart() {
    }

    /**
     * Runs {@code vus} VUs that loop over the script for a fixed time (k6 {@code constant-vus}); continue with
     * {@link ConstantVusDuration#during(java.time.Duration) during(...)}.
     *
     * @param vus the number of VUs, at least 1
     */
    public ConstantVusDuration constantVus(int vus) {
        return new ConstantVusDuration(Times.positive(vus, "vus"));
    }

    /**
     * Runs each VU for exactly {@code iterations} iterations (k6 {@code per-vu-iterations}), on one VU by default
     * (see {@link PerVuIterationsScenario#vus(int) vus(...)}).
     *
     * @param iterations the iterations of each VU, at least 1
     */
    public PerVuIterationsScenario perVuIterations(long iterations) {
        return new PerVuIterationsScenario(Times.positive(iterations, "iterations"), 1, null, CommonOptions.DEFAULTS);
    }

    /**
     * Runs exactly {@code iterations} iterations in total, taken by whichever VU is free first (k6
     * {@code shared-iterations}), on one VU by default (see {@link SharedIterationsScenario#vus(int) vus(...)}).
     *
     * @param iterations the iterations of all VUs together, at least 1
     */
    public SharedIterationsScenario sharedIterations(long iterations) {
        return new SharedIterationsScenario(Times.positive(iterations, "iterations"), 1, null, CommonOptions.DEFAULTS);
    }

    /**
     * Runs a number of looping VUs that follows stages (k6 {@code ramping-vus}); continue with
     * {@link RampingVusStart#stage(java.time.Duration, int) stage(...)}.
     */
    public RampingVusStart rampingVus() {
        return new RampingVusStart(1);
    }

    /**
     * Starts {@code rate} iterations per time unit, evenly spaced, whether or not earlier ones finished (k6
     * {@code constant-arrival-rate}); continue with the unit, e.g. {@link RateUnit#perSecond() perSecond()}.
     *
     * @param rate the iterations per time unit, at least 1
     */
    public RateUnit<ConstantArrivalRateDuration> constantArrivalRate(long rate) {
        long checked = Times.positive(rate, "rate");
        return new RateUnit<>(timeUnit -> new ConstantArrivalRateDuration(checked, timeUnit));
    }

    /**
     * Starts iterations at a rate that follows stages (k6 {@code ramping-arrival-rate}); continue with the unit
     * of the rates, e.g. {@link RateUnit#perSecond() perSecond()}.
     */
    public RateUnit<RampingArrivalRateStart> rampingArrivalRate() {
        return new RateUnit<>(timeUnit -> new RampingArrivalRateStart(timeUnit, 0));
    }
}
