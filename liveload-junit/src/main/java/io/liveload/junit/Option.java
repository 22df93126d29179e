package io.liveload.junit;

/** The executor options of {@link LoadTest} and {@link Scenario}, named as the annotation attributes are. */
enum Option {
    VUS("vus", "the number of VUs", "vus = 10", ConfigKeys.VUS),
    DURATION("duration", "how long iterations are started", "duration = \"30s\"", ConfigKeys.DURATION),
    ITERATIONS("iterations", "the number of iterations", "iterations = 100", ConfigKeys.ITERATIONS),
    STAGES("stages", "the targets to move to over time",
            "stages = {\"30s -> 100\", \"1m -> 100\", \"10s -> 0\"}", ConfigKeys.STAGES),
    START_VUS("startVus", "the VUs at the start", "startVus = 0", null),
    RATE("rate", "the iterations started per timeUnit", "rate = 50", ConfigKeys.RATE),
    TIME_UNIT("timeUnit", "the period of the rate", "timeUnit = \"1m\"", null),
    START_RATE("startRate", "the rate at the start", "startRate = 10", null),
    PRE_ALLOCATED_VUS("preAllocatedVus", "the VUs started before the first iteration", "preAllocatedVus = 10",
            null),
    MAX_VUS("maxVus", "the most VUs the pool may grow to", "maxVus = 50", null),
    GRACEFUL_RAMP_DOWN("gracefulRampDown", "the time a VU removed by a ramp-down may finish its iteration",
            "gracefulRampDown = \"10s\"", null),
    MAX_DURATION("maxDuration", "the time after which no iteration starts", "maxDuration = \"2m\"", null);

    private final String attribute;
    private final String meaning;
    private final String example;
    private final String configKey;

    Option(String attribute, String meaning, String example, String configKey) {
        this.attribute = attribute;
        this.meaning = meaning;
        this.example = example;
        this.configKey = configKey;
    }

    /** Returns what the option sets, for error messages: {@code the VUs started before the first iteration}. */
    String meaning() {
        return meaning;
    }

    /** Returns the annotation attribute's name, e.g. {@code preAllocatedVus}. */
    String attribute() {
        return attribute;
    }

    /** Returns the attribute with a typical value, for error messages: {@code preAllocatedVus = 10}. */
    String example() {
        return example;
    }

    /** Returns the configuration parameter that overrides the option, or null when none does. */
    String configKey() {
        return configKey;
    }
}
