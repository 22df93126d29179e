package io.liveload.junit;

import io.liveload.core.ConfigurationException;
import io.liveload.core.plan.ConstantArrivalRate;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RampingArrivalRate;
import io.liveload.core.plan.RampingVus;
import io.liveload.core.plan.SharedIterations;
import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link WorkloadOptions} into the executor record of the plan. Every problem fails here with a
 * {@link ConfigurationException} that names the option and the fix, before any load is sent: an option the
 * executor does not take, a missing required one, two options that each choose a different executor, an invalid
 * value. A configuration parameter that does not apply to a scenario's executor is ignored with a log line instead,
 * because one parameter often tunes a whole suite of different tests.
 */
final class ExecutorResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorResolver.class);
    private static final Set<Option> ARRIVAL_ONLY = EnumSet.of(Option.RATE, Option.TIME_UNIT, Option.START_RATE,
            Option.PRE_ALLOCATED_VUS, Option.MAX_VUS);

    private final WorkloadOptions options;
    private final String testName;

    private ExecutorResolver(WorkloadOptions options, String testName) {
        this.options = options;
        this.testName = testName;
    }

    /**
     * Returns the executor the options describe.
     *
     * @param testName names the test in the log line of an ignored configuration parameter
     * @throws ConfigurationException naming the invalid, missing or conflicting option
     */
    static ExecutorSpec resolve(WorkloadOptions options, String testName) {
        return new ExecutorResolver(options, testName).resolve();
    }

    private ExecutorSpec resolve() {
        rejectNegatives();
        ExecutorType type = options.executor() == ExecutorType.AUTO ? infer() : options.executor();
        Set<Option> present = options.present();
        boolean configChoseShape = options.executor() == ExecutorType.AUTO
                && options.configured().stream().anyMatch(WorkloadOptions.SHAPE::contains);
        for (Option option : present) {
            if (type.options().contains(option)) {
                continue;
            }
            if (options.configured().contains(option) || configChoseShape) {
                LOG.info("[{}] {} ({}) does not apply to the {} executor of {}; ignored", testName,
                        options.written(option), options.origin(option), type.k6Name(), options.source());
            } else {
                throw new ConfigurationException(notApplicable(type, option));
            }
        }
        for (Option option : type.required()) {
            if (!present.contains(option)) {
                throw new ConfigurationException(options.source() + " with executor = " + type + " needs "
                        + option.attribute() + ", " + option.meaning() + ": add e.g. " + option.example());
            }
        }
        try {
            return build(type);
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (" + options.source() + ")", e);
        }
    }

    private void rejectNegatives() {
        rejectBelow(Option.VUS, options.vus(), 0, "a positive number");
        rejectBelow(Option.ITERATIONS, options.iterations(), 0, "a positive number");
        rejectBelow(Option.START_VUS, options.startVus(), -1, "zero or more");
        rejectBelow(Option.RATE, options.rate(), 0, "a positive number");
        rejectBelow(Option.START_RATE, options.startRate(), -1, "zero or more");
        rejectBelow(Option.PRE_ALLOCATED_VUS, options.preAllocatedVus(), 0, "a positive number");
        rejectBelow(Option.MAX_VUS, options.maxVus(), 0, "a positive number");
    }

    private void rejectBelow(Option option, long value, long lowestUnsetMarker, String expected) {
        if (value < lowestUnsetMarker) {
            throw new ConfigurationException("Invalid " + options.written(option) + " (" + options.source()
                    + "): it must be " + expected);
        }
    }

    /** Chooses the executor as k6 does for its shortcut options; arrival rates are never inferred. */
    private ExecutorType infer() {
        for (Option option : options.present()) {
            if (ARRIVAL_ONLY.contains(option) && !options.configured().contains(option)) {
                throw new ConfigurationException("Invalid " + options.source() + ": " + options.written(option)
                        + " needs an arrival-rate executor; add executor = CONSTANT_ARRIVAL_RATE (with rate and"
                        + " duration) or executor = RAMPING_ARRIVAL_RATE (with stages)");
            }
        }
        List<Option> shape = new ArrayList<>();
        for (Option option : options.present()) {
            if (WorkloadOptions.SHAPE.contains(option)) {
                shape.add(option);
            }
        }
        if (shape.size() > 1) {
            throw new ConfigurationException("Conflicting " + options.source() + " options "
                    + options.written(shape.get(0)) + " and " + options.written(shape.get(1)) + ": "
                    + shape.get(0).attribute() + " makes " + article(inferFrom(shape.get(0))) + " test and "
                    + shape.get(1).attribute() + " " + article(inferFrom(shape.get(1)))
                    + " test; set only one of them, or name the executor");
        }
        return shape.isEmpty() ? ExecutorType.PER_VU_ITERATIONS : inferFrom(shape.get(0));
    }

    private static ExecutorType inferFrom(Option shape) {
        return switch (shape) {
            case STAGES -> ExecutorType.RAMPING_VUS;
            case DURATION -> ExecutorType.CONSTANT_VUS;
            default -> ExecutorType.PER_VU_ITERATIONS;
        };
    }

    private static String article(ExecutorType type) {
        return "a " + type.k6Name();
    }

    private String notApplicable(ExecutorType type, Option option) {
        String takes = type.options().stream().map(Option::attribute).collect(Collectors.joining(", "));
        List<String> owners = new ArrayList<>();
        for (ExecutorType candidate : ExecutorType.values()) {
            if (candidate.options().contains(option)) {
                owners.add("executor = " + candidate.name());
            }
        }
        String chosen = options.executor() == ExecutorType.AUTO ? type.k6Name() + " (inferred from the options)"
                : type.k6Name();
        return "Invalid " + options.source() + ": " + options.written(option) + " does not apply to " + chosen
                + ", which takes " + takes + "; " + option.attribute() + " belongs to "
                + String.join(" or ", owners);
    }

    private ExecutorSpec build(ExecutorType type) {
        return switch (type) {
            case CONSTANT_VUS -> new ConstantVus(vus(), duration(Option.DURATION, options.duration()));
            case PER_VU_ITERATIONS -> new PerVuIterations(vus(), iterations(), maxDuration());
            case SHARED_ITERATIONS -> new SharedIterations(vus(), iterations(), maxDuration());
            case RAMPING_VUS -> new RampingVus(options.startVus() == -1 ? 1 : options.startVus(), stages(),
                    options.gracefulRampDown().isBlank() ? RampingVus.DEFAULT_GRACEFUL_RAMP_DOWN
                            : duration(Option.GRACEFUL_RAMP_DOWN, options.gracefulRampDown()));
            case CONSTANT_ARRIVAL_RATE -> new ConstantArrivalRate(options.rate(), timeUnit(),
                    duration(Option.DURATION, options.duration()), options.preAllocatedVus(), maxVus());
            case RAMPING_ARRIVAL_RATE -> new RampingArrivalRate(options.startRate() == -1 ? 0 : options.startRate(),
                    timeUnit(), stages(), options.preAllocatedVus(), maxVus());
            case AUTO -> throw new IllegalStateException("AUTO is resolved before building");
        };
    }

    private int vus() {
        return options.vus() == 0 ? 1 : options.vus();
    }

    private long iterations() {
        return options.iterations() == 0 ? 1 : options.iterations();
    }

    private int maxVus() {
        return options.maxVus() == 0 ? options.preAllocatedVus() : options.maxVus();
    }

    private Duration maxDuration() {
        return options.maxDuration().isBlank() ? ExecutorSpec.DEFAULT_MAX_DURATION
                : duration(Option.MAX_DURATION, options.maxDuration());
    }

    private Duration timeUnit() {
        return options.timeUnit().isBlank() ? Duration.ofSeconds(1) : duration(Option.TIME_UNIT, options.timeUnit());
    }

    private Duration duration(Option option, String text) {
        try {
            return DurationFormat.parse(text, options.origin(option));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    private List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        for (String text : options.stages()) {
            try {
                stages.add(Stage.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage() + " (" + options.origin(Option.STAGES) + ")", e);
            }
        }
        return stages;
    }
}
