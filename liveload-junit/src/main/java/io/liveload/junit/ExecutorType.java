package io.liveload.junit;

import java.util.EnumSet;
import java.util.Set;

/**
 * The k6 executor of a {@link LoadTest} or {@link Scenario}: how VUs and iterations are scheduled. Each executor
 * takes only its own options; an option it does not take fails the test before any load is sent.
 */
public enum ExecutorType {

    /**
     * The executor inferred from the options, as k6 infers it from its shortcut options: {@code stages} give
     * {@link #RAMPING_VUS}, {@code duration} gives {@link #CONSTANT_VUS}, anything else gives
     * {@link #PER_VU_ITERATIONS} (with {@code iterations} per VU, 1 by default). Arrival rates are never inferred,
     * so their executor must be named.
     */
    AUTO("auto", EnumSet.noneOf(Option.class), EnumSet.noneOf(Option.class)),

    /** {@code vus} VUs loop over the method for {@code duration} (k6 {@code constant-vus}). */
    CONSTANT_VUS("constant-vus", EnumSet.of(Option.VUS, Option.DURATION), EnumSet.of(Option.DURATION)),

    /** Each of {@code vus} VUs runs exactly {@code iterations} iterations (k6 {@code per-vu-iterations}). */
    PER_VU_ITERATIONS("per-vu-iterations", EnumSet.of(Option.VUS, Option.ITERATIONS, Option.MAX_DURATION),
            EnumSet.noneOf(Option.class)),

    /** {@code vus} VUs share exactly {@code iterations} iterations in total (k6 {@code shared-iterations}). */
    SHARED_ITERATIONS("shared-iterations", EnumSet.of(Option.VUS, Option.ITERATIONS, Option.MAX_DURATION),
            EnumSet.noneOf(Option.class)),

    /** A number of looping VUs that follows {@code stages}, from {@code startVus} (k6 {@code ramping-vus}). */
    RAMPING_VUS("ramping-vus", EnumSet.of(Option.START_VUS, Option.STAGES, Option.GRACEFUL_RAMP_DOWN),
            EnumSet.of(Option.STAGES)),

    /**
     * {@code rate} iterations per {@code timeUnit} for {@code duration}, on a pool of {@code preAllocatedVus} VUs
     * that may grow to {@code maxVus} (k6 {@code constant-arrival-rate}).
     */
    CONSTANT_ARRIVAL_RATE("constant-arrival-rate",
            EnumSet.of(Option.RATE, Option.TIME_UNIT, Option.DURATION, Option.PRE_ALLOCATED_VUS, Option.MAX_VUS),
            EnumSet.of(Option.RATE, Option.DURATION, Option.PRE_ALLOCATED_VUS)),

    /**
     * A rate of iterations per {@code timeUnit} that follows {@code stages} from {@code startRate}, on a VU pool
     * like {@link #CONSTANT_ARRIVAL_RATE}'s (k6 {@code ramping-arrival-rate}).
     */
    RAMPING_ARRIVAL_RATE("ramping-arrival-rate",
            EnumSet.of(Option.START_RATE, Option.TIME_UNIT, Option.STAGES, Option.PRE_ALLOCATED_VUS, Option.MAX_VUS),
            EnumSet.of(Option.STAGES, Option.PRE_ALLOCATED_VUS));

    private final String k6Name;
    private final Set<Option> options;
    private final Set<Option> required;

    ExecutorType(String k6Name, Set<Option> options, Set<Option> required) {
        this.k6Name = k6Name;
        this.options = options;
        this.required = required;
    }

    /** Returns k6's name of the executor, e.g. {@code constant-arrival-rate}. */
    public String k6Name() {
        return k6Name;
    }

    /** Returns the options this executor takes. */
    Set<Option> options() {
        return options;
    }

    /** Returns the options this executor cannot do without. */
    Set<Option> required() {
        return required;
    }
}
