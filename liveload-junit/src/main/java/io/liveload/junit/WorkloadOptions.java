package io.liveload.junit;

import io.liveload.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The executor options of one {@link LoadTest} or {@link Scenario}, as written, with configuration parameters
 * applied on top by {@link #withConfiguration(Function)}. Unset values use the annotations' markers (0, -1 or an
 * empty text); {@link ExecutorResolver} turns the options into an executor. Immutable.
 *
 * @param source     names the annotation in error messages, e.g. {@code @Scenario "buy"}
 * @param configured the options whose value came from a configuration parameter
 */
record WorkloadOptions(String source, ExecutorType executor, int vus, String duration, long iterations,
                       List<String> stages, int startVus, long rate, String timeUnit, long startRate,
                       int preAllocatedVus, int maxVus, String gracefulRampDown, String maxDuration,
                       Set<Option> configured) {

    /** The options that each decide the executor that {@link ExecutorType#AUTO} infers. */
    static final Set<Option> SHAPE = EnumSet.of(Option.DURATION, Option.ITERATIONS, Option.STAGES);

    WorkloadOptions {
        stages = List.copyOf(stages);
        configured = configured.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(configured);
    }

    static WorkloadOptions of(LoadTest loadTest) {
        return new WorkloadOptions("@LoadTest", loadTest.executor(), loadTest.vus(), loadTest.duration(),
                loadTest.iterations(), Arrays.asList(loadTest.stages()), loadTest.startVus(), loadTest.rate(),
                loadTest.timeUnit(), loadTest.startRate(), loadTest.preAllocatedVus(), loadTest.maxVus(),
                loadTest.gracefulRampDown(), loadTest.maxDuration(), Set.of());
    }

    static WorkloadOptions of(Scenario scenario) {
        return new WorkloadOptions("@Scenario \"" + scenario.name() + "\"", scenario.executor(), scenario.vus(),
                scenario.duration(), scenario.iterations(), Arrays.asList(scenario.stages()), scenario.startVus(),
                scenario.rate(), scenario.timeUnit(), scenario.startRate(), scenario.preAllocatedVus(),
                scenario.maxVus(), scenario.gracefulRampDown(), scenario.maxDuration(), Set.of());
    }

    /** Returns the options that have a value. */
    Set<Option> present() {
        Set<Option> present = EnumSet.noneOf(Option.class);
        addIf(present, Option.VUS, vus != 0);
        addIf(present, Option.DURATION, !duration.isBlank());
        addIf(present, Option.ITERATIONS, iterations != 0);
        addIf(present, Option.STAGES, !stages.isEmpty());
        addIf(present, Option.START_VUS, startVus != -1);
        addIf(present, Option.RATE, rate != 0);
        addIf(present, Option.TIME_UNIT, !timeUnit.isBlank());
        addIf(present, Option.START_RATE, startRate != -1);
        addIf(present, Option.PRE_ALLOCATED_VUS, preAllocatedVus != 0);
        addIf(present, Option.MAX_VUS, maxVus != 0);
        addIf(present, Option.GRACEFUL_RAMP_DOWN, !gracefulRampDown.isBlank());
        addIf(present, Option.MAX_DURATION, !maxDuration.isBlank());
        return present;
    }

    private static void addIf(Set<Option> options, Option option, boolean condition) {
        if (condition) {
            options.add(option);
        }
    }

    /** Returns the option's value as written, for messages: {@code vus = 10}, {@code duration = "30s"}. */
    String written(Option option) {
        return option.attribute() + " = " + switch (option) {
            case VUS -> String.valueOf(vus);
            case DURATION -> quoted(duration);
            case ITERATIONS -> String.valueOf(iterations);
            case STAGES -> stages.stream().map(WorkloadOptions::quoted).toList().toString()
                    .replace('[', '{').replace(']', '}');
            case START_VUS -> String.valueOf(startVus);
            case RATE -> String.valueOf(rate);
            case TIME_UNIT -> quoted(timeUnit);
            case START_RATE -> String.valueOf(startRate);
            case PRE_ALLOCATED_VUS -> String.valueOf(preAllocatedVus);
            case MAX_VUS -> String.valueOf(maxVus);
            case GRACEFUL_RAMP_DOWN -> quoted(gracefulRampDown);
            case MAX_DURATION -> quoted(maxDuration);
        };
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** Returns where an option's value came from, for messages: a configuration parameter or the annotation. */
    String origin(Option option) {
        return configured.contains(option) ? "configuration parameter " + option.configKey()
                : source + " " + option.attribute();
    }

    /**
     * Returns these options with the configuration parameters {@code liveload.vus}, {@code liveload.duration},
     * {@code liveload.iterations}, {@code liveload.rate} and {@code liveload.stages} applied. With
     * {@link ExecutorType#AUTO}, a configured duration, iterations or stages replaces the other two of the
     * annotation, because it chooses the executor.
     *
     * @throws ConfigurationException when a value is invalid, or two parameters that each choose the executor
     *                                are set together
     */
    WorkloadOptions withConfiguration(Function<String, Optional<String>> config) {
        Optional<String> configVus = config.apply(ConfigKeys.VUS);
        Optional<String> configDuration = config.apply(ConfigKeys.DURATION);
        Optional<String> configIterations = config.apply(ConfigKeys.ITERATIONS);
        Optional<String> configStages = config.apply(ConfigKeys.STAGES);
        Optional<String> configRate = config.apply(ConfigKeys.RATE);
        rejectTogether(ConfigKeys.DURATION, configDuration, ConfigKeys.ITERATIONS, configIterations);
        rejectTogether(ConfigKeys.DURATION, configDuration, ConfigKeys.STAGES, configStages);
        rejectTogether(ConfigKeys.ITERATIONS, configIterations, ConfigKeys.STAGES, configStages);

        boolean replacesShape = executor == ExecutorType.AUTO
                && (configDuration.isPresent() || configIterations.isPresent() || configStages.isPresent());
        Set<Option> fromConfig = EnumSet.noneOf(Option.class);
        int newVus = vus;
        if (configVus.isPresent()) {
            newVus = (int) Math.min(Integer.MAX_VALUE, positive(ConfigKeys.VUS, configVus.get()));
            fromConfig.add(Option.VUS);
        }
        String newDuration = replacesShape ? "" : duration;
        if (configDuration.isPresent() && configDuration.get().isBlank()) {
            // A blank duration would read as "not set" below, so the parameter would be ignored.
            throw new ConfigurationException("Invalid configuration parameter " + ConfigKeys.DURATION
                    + "=\"\": it is empty; expected a k6 duration such as 30s or 1m30s, or remove the parameter");
        }
        if (configDuration.isPresent()) {
            newDuration = configDuration.get().trim();
            fromConfig.add(Option.DURATION);
        }
        long newIterations = replacesShape ? 0 : iterations;
        if (configIterations.isPresent()) {
            newIterations = positive(ConfigKeys.ITERATIONS, configIterations.get());
            fromConfig.add(Option.ITERATIONS);
        }
        List<String> newStages = replacesShape ? List.of() : stages;
        if (configStages.isPresent()) {
            newStages = split(configStages.get());
            fromConfig.add(Option.STAGES);
        }
        long newRate = rate;
        if (configRate.isPresent()) {
            newRate = positive(ConfigKeys.RATE, configRate.get());
            fromConfig.add(Option.RATE);
        }
        return new WorkloadOptions(source, executor, newVus, newDuration, newIterations, newStages, startVus,
                newRate, timeUnit, startRate, preAllocatedVus, maxVus, gracefulRampDown, maxDuration, fromConfig);
    }

    private static void rejectTogether(String key, Optional<String> value, String otherKey, Optional<String> other) {
        if (value.isPresent() && other.isPresent()) {
            throw new ConfigurationException("Conflicting configuration parameters " + key + "=" + value.get()
                    + " and " + otherKey + "=" + other.get() + ": set only one of them");
        }
    }

    private static List<String> split(String stagesText) {
        List<String> parts = new ArrayList<>();
        for (String part : stagesText.split(",")) {
            parts.add(part.trim());
        }
        return parts;
    }

    private static long positive(String key, String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            parsed = 0;
        }
        if (parsed <= 0) {
            throw new ConfigurationException("Invalid configuration parameter " + key + "=" + value
                    + ": expected a positive whole number, e.g. " + key + "=10");
        }
        return parsed;
    }
}
