package io.liveload.junit;

import io.liveload.core.ConfigurationException;
import io.liveload.core.VuScript;
import io.liveload.core.plan.BaseUrl;
import io.liveload.core.plan.ConstantVus;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.PerVuIterations;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.Scenario;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a {@link LoadTest} method, its {@link Threshold} annotations and the configuration parameters into a
 * {@link LoadPlan}. Configuration parameters win over annotation values; every invalid value fails here with a
 * message naming it, before any load is sent.
 */
final class PlanFactory {

    private final Function<String, Optional<String>> config;

    /** @param config looks up a JUnit configuration parameter */
    PlanFactory(Function<String, Optional<String>> config) {
        this.config = config;
    }

    LoadPlan create(Class<?> testClass, Method method, VuScript script, Supplier<Optional<URI>> codeBaseUrl) {
        LoadTest loadTest = method.getAnnotation(LoadTest.class);
        String testName = testClass.getName() + "." + method.getName();
        ExecutorSpec executor = executor(loadTest);
        Duration gracefulStop = duration(ConfigKeys.GRACEFUL_STOP, "gracefulStop", loadTest.gracefulStop());
        Scenario scenario = Scenario.of("default", executor, script).withGracefulStop(gracefulStop);
        return new LoadPlan(List.of(scenario), thresholds(testClass, method), List.of(),
                options(testName, testClass, method, loadTest, codeBaseUrl));
    }

    private ExecutorSpec executor(LoadTest loadTest) {
        int vus = config.apply(ConfigKeys.VUS).map(value -> positiveInt(ConfigKeys.VUS, value)).orElse(loadTest.vus());
        if (vus <= 0) {
            throw new ConfigurationException("Invalid @LoadTest(vus = " + vus + "): it must be a positive number");
        }
        Optional<String> configDuration = config.apply(ConfigKeys.DURATION);
        Optional<String> configIterations = config.apply(ConfigKeys.ITERATIONS);
        if (configDuration.isPresent() && configIterations.isPresent()) {
            throw new ConfigurationException("Conflicting configuration parameters " + ConfigKeys.DURATION + "="
                    + configDuration.get() + " and " + ConfigKeys.ITERATIONS + "=" + configIterations.get()
                    + ": set only one of them");
        }
        if (configDuration.isPresent()) {
            return new ConstantVus(vus, positiveDuration(ConfigKeys.DURATION, configDuration.get()));
        }
        if (configIterations.isPresent()) {
            return new PerVuIterations(vus, positiveLong(ConfigKeys.ITERATIONS, configIterations.get()));
        }
        boolean hasDuration = !loadTest.duration().isBlank();
        if (hasDuration && loadTest.iterations() != 0) {
            throw new ConfigurationException("Conflicting @LoadTest options duration = \"" + loadTest.duration()
                    + "\" and iterations = " + loadTest.iterations() + ": set only one of them");
        }
        if (hasDuration) {
            Duration duration = DurationFormat.parse(loadTest.duration(), "@LoadTest duration");
            if (duration.isZero()) {
                throw new ConfigurationException("Invalid @LoadTest duration \"" + loadTest.duration()
                        + "\": it must be longer than zero");
            }
            return new ConstantVus(vus, duration);
        }
        if (loadTest.iterations() < 0) {
            throw new ConfigurationException("Invalid @LoadTest(iterations = " + loadTest.iterations()
                    + "): it must be a positive number");
        }
        return new PerVuIterations(vus, loadTest.iterations() == 0 ? 1 : loadTest.iterations());
    }

    private List<io.liveload.core.threshold.Threshold> thresholds(Class<?> testClass, Method method) {
        List<Threshold> annotations = new ArrayList<>();
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getEnclosingClass()) {
            annotations.addAll(Arrays.asList(type.getAnnotationsByType(Threshold.class)));
        }
        annotations.addAll(Arrays.asList(method.getAnnotationsByType(Threshold.class)));
        List<io.liveload.core.threshold.Threshold> thresholds = new ArrayList<>();
        for (Threshold annotation : annotations) {
            thresholds.add(io.liveload.core.threshold.Threshold.parse(annotation.metric(), annotation.condition(),
                    annotation.abortOnFail(), DurationFormat.parse(annotation.delayAbortEval(),
                            "delayAbortEval of threshold \"" + annotation.condition() + "\"")));
        }
        return thresholds;
    }

    private RunOptions options(String testName, Class<?> testClass, Method method, LoadTest loadTest,
                               Supplier<Optional<URI>> codeBaseUrl) {
        RunOptions options = RunOptions.defaults(testName);
        Optional<String> configBaseUrl = config.apply(ConfigKeys.BASE_URL);
        if (configBaseUrl.isPresent()) {
            options = options.withBaseUrl(baseUrl(ConfigKeys.BASE_URL + " configuration parameter", configBaseUrl.get()));
        } else {
            Optional<URI> fromCode = codeBaseUrl.get();
            if (fromCode.isPresent()) {
                options = options.withBaseUrl(fromCode.get());
            } else if (!loadTest.baseUrl().isBlank()) {
                options = options.withBaseUrl(baseUrl("@LoadTest baseUrl", loadTest.baseUrl()));
            }
        }
        Optional<String> cookies = config.apply(ConfigKeys.COOKIES);
        if (cookies.isPresent()) {
            options = options.withCookies(cookies(cookies.get()));
        }
        Optional<String> hosts = config.apply(ConfigKeys.HOSTS);
        if (hosts.isPresent()) {
            options = options.withAllowedHosts(Arrays.stream(hosts.get().split(","))
                    .map(String::trim).filter(host -> !host.isEmpty()).collect(Collectors.toSet()));
        }
        Optional<String> insecure = config.apply(ConfigKeys.INSECURE_SKIP_TLS_VERIFY);
        if (insecure.isPresent()) {
            options = options.withInsecureSkipTlsVerify(bool(ConfigKeys.INSECURE_SKIP_TLS_VERIFY, insecure.get()));
        }
        Optional<String> timeout = config.apply(ConfigKeys.HTTP_TIMEOUT);
        if (timeout.isPresent()) {
            options = options.withHttpTimeout(positiveDuration(ConfigKeys.HTTP_TIMEOUT, timeout.get()));
        }
        Optional<String> stats = config.apply(ConfigKeys.SUMMARY_TREND_STATS);
        if (stats.isPresent()) {
            options = options.withSummaryTrendStats(Arrays.stream(stats.get().split(","))
                    .map(String::trim).filter(stat -> !stat.isEmpty()).toList());
        }
        Optional<String> progress = config.apply(ConfigKeys.PROGRESS);
        if (progress.isPresent()) {
            options = options.withProgress(progress(progress.get()));
        }
        Path outputRoot = Path.of(config.apply(ConfigKeys.OUTPUT_DIR).orElse("target/liveload"));
        options = options.withOutputDir(outputRoot.resolve(testClass.getName()).resolve(method.getName()));
        return options.withEnvironment(name -> config.apply(ConfigKeys.ENV_PREFIX + name).orElseGet(() -> System.getenv(name)));
    }

    private static URI baseUrl(String source, String value) {
        try {
            return BaseUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (from " + source + ")", e);
        }
    }

    private static Map<String, String> cookies(String header) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : header.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ConfigurationException("Invalid cookie \"" + pair.trim() + "\" in configuration parameter "
                        + ConfigKeys.COOKIES + ": expected name=value pairs separated by ';', e.g. session=abc; theme=dark");
            }
            cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return cookies;
    }

    private static RunOptions.Progress progress(String value) {
        try {
            return RunOptions.Progress.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid configuration parameter " + ConfigKeys.PROGRESS + "=" + value
                    + ": expected auto, quiet or off");
        }
    }

    private static boolean bool(String key, String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (Set.of("true", "false").contains(normalized)) {
            return Boolean.parseBoolean(normalized);
        }
        throw new ConfigurationException("Invalid configuration parameter " + key + "=" + value
                + ": expected true or false");
    }

    private static int positiveInt(String key, String value) {
        long parsed = positiveLong(key, value);
        if (parsed > Integer.MAX_VALUE) {
            throw new ConfigurationException("Invalid configuration parameter " + key + "=" + value + ": too large");
        }
        return (int) parsed;
    }

    private static long positiveLong(String key, String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid configuration parameter " + key + "=" + value
                    + ": expected a positive whole number");
        }
        if (parsed <= 0) {
            throw new ConfigurationException("Invalid configuration parameter " + key + "=" + value
                    + ": expected a positive whole number");
        }
        return parsed;
    }

    private static Duration positiveDuration(String key, String value) {
        Duration duration;
        try {
            duration = DurationFormat.parse(value, "configuration parameter " + key);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        if (duration.isZero()) {
            throw new ConfigurationException("Invalid configuration parameter " + key + "=" + value
                    + ": it must be longer than zero");
        }
        return duration;
    }

    private Duration duration(String key, String what, String annotationValue) {
        Optional<String> configured = config.apply(key);
        if (configured.isPresent()) {
            try {
                return DurationFormat.parse(configured.get(), "configuration parameter " + key);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage(), e);
            }
        }
        return DurationFormat.parse(annotationValue, "@LoadTest " + what);
    }
}
