package io.liveload.junit;

import io.liveload.core.ConfigurationException;
import io.liveload.core.VuScript;
import io.liveload.core.plan.BaseUrl;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.TimeSeriesOutput;
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
 * Turns a {@link LoadTest} method, its {@link Scenario} and {@link Threshold} annotations and the configuration
 * parameters into a {@link LoadPlan}. Configuration parameters win over annotation values; every invalid value
 * fails here with a message naming it, before any load is sent.
 */
final class PlanFactory {

    private static final String DEFAULT_SCENARIO = "default";

    private final Function<String, Optional<String>> config;
    private final Set<String> systemPropertyNames;

    /** @param config looks up a JUnit configuration parameter */
    PlanFactory(Function<String, Optional<String>> config) {
        this(config, Set.of());
    }

    /**
     * @param config              looks up a JUnit configuration parameter
     * @param systemPropertyNames the JVM's system property names, checked for misspelled {@code liveload.} keys
     */
    PlanFactory(Function<String, Optional<String>> config, Set<String> systemPropertyNames) {
        this.config = config;
        this.systemPropertyNames = Set.copyOf(systemPropertyNames);
    }

    /**
     * Returns the plan of a {@link LoadTest} method.
     *
     * @param scripts returns the iteration script of a method of the test class: the test method itself, or a
     *                method that a {@link Scenario} names as its {@code exec}
     */
    LoadPlan create(Class<?> testClass, Method method, Function<Method, VuScript> scripts,
                    Supplier<Optional<URI>> codeBaseUrl) {
        UnknownKeys.reject(systemPropertyNames);
        LoadTest loadTest = method.getAnnotation(LoadTest.class);
        String testName = testClass.getName() + "." + method.getName();
        Scenario[] declared = method.getAnnotationsByType(Scenario.class);
        List<io.liveload.core.plan.Scenario> scenarios = declared.length == 0
                ? List.of(singleScenario(loadTest, method, scripts, testName))
                : declaredScenarios(testClass, method, loadTest, declared, scripts, testName);
        List<io.liveload.core.threshold.Threshold> thresholds = thresholds(testClass, method);
        RunOptions options = options(testName, testClass, method, loadTest, codeBaseUrl);
        try {
            return new LoadPlan(scenarios, thresholds, customMetrics(testClass), options);
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (" + method.getName() + ")", e);
        }
    }

    /** Returns the one scenario of a {@code @LoadTest} without {@code @Scenario}, named {@code default} as k6 does. */
    private io.liveload.core.plan.Scenario singleScenario(LoadTest loadTest, Method method,
                                                           Function<Method, VuScript> scripts, String testName) {
        ExecutorSpec executor = ExecutorResolver.resolve(WorkloadOptions.of(loadTest).withConfiguration(config),
                testName);
        Duration gracefulStop = gracefulStop("@LoadTest", loadTest.gracefulStop());
        return io.liveload.core.plan.Scenario.of(DEFAULT_SCENARIO, executor, scripts.apply(method))
                .withGracefulStop(gracefulStop);
    }

    private List<io.liveload.core.plan.Scenario> declaredScenarios(Class<?> testClass, Method method,
                                                                   LoadTest loadTest, Scenario[] declared,
                                                                   Function<Method, VuScript> scripts,
                                                                   String testName) {
        rejectWorkloadOnLoadTest(loadTest, method);
        List<io.liveload.core.plan.Scenario> scenarios = new ArrayList<>();
        for (Scenario annotation : declared) {
            WorkloadOptions workload = WorkloadOptions.of(annotation).withConfiguration(config);
            ExecutorSpec executor = ExecutorResolver.resolve(workload, testName);
            Method exec = annotation.exec().isBlank() ? method : ExecMethods.find(testClass, annotation);
            String source = workload.source();
            Duration startTime = parseDuration(annotation.startTime(), source + " startTime");
            try {
                scenarios.add(new io.liveload.core.plan.Scenario(annotation.name(), executor, startTime,
                        gracefulStop(source, annotation.gracefulStop()), scripts.apply(exec),
                        pairs(annotation.tags(), "tag", source), configured(pairs(annotation.env(), "env entry", source))));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage() + " (" + source + ")", e);
            }
        }
        return scenarios;
    }

    /** Rejects executor options on a {@code @LoadTest} whose {@code @Scenario} annotations describe the workload. */
    private static void rejectWorkloadOnLoadTest(LoadTest loadTest, Method method) {
        WorkloadOptions options = WorkloadOptions.of(loadTest);
        List<String> set = new ArrayList<>();
        if (loadTest.executor() != ExecutorType.AUTO) {
            set.add("executor = " + loadTest.executor());
        }
        for (Option option : options.present()) {
            set.add(options.written(option));
        }
        if (!loadTest.gracefulStop().equals("30s")) {
            set.add("gracefulStop = \"" + loadTest.gracefulStop() + "\"");
        }
        if (!set.isEmpty()) {
            throw new ConfigurationException("@LoadTest on " + method.getName() + " sets " + String.join(", ", set)
                    + ", but the method's @Scenario annotations describe the whole workload: move these options"
                    + " into the @Scenario annotations");
        }
    }

    private Duration gracefulStop(String source, String annotationValue) {
        Optional<String> configured = config.apply(ConfigKeys.GRACEFUL_STOP);
        if (configured.isPresent()) {
            return parseDuration(configured.get(), "configuration parameter " + ConfigKeys.GRACEFUL_STOP);
        }
        return parseDuration(annotationValue, source + " gracefulStop");
    }

    private static Duration parseDuration(String text, String what) {
        try {
            return DurationFormat.parse(text, what);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    /** Parses {@code "key=value"} entries of an annotation, keeping their order. */
    /** Returns the annotation's variables with the value of {@code liveload.env.NAME} where that is set. */
    private Map<String, String> configured(Map<String, String> env) {
        Map<String, String> result = new LinkedHashMap<>(env);
        result.replaceAll((name, value) -> config.apply(ConfigKeys.ENV_PREFIX + name).orElse(value));
        return result;
    }

    private static Map<String, String> pairs(String[] entries, String what, String source) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                throw new ConfigurationException("Invalid " + what + " \"" + entry + "\" in " + source
                        + ": expected \"key=value\", e.g. \"team=checkout\"");
            }
            pairs.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return pairs;
    }

    private List<io.liveload.core.threshold.Threshold> thresholds(Class<?> testClass, Method method) {
        List<Threshold> annotations = new ArrayList<>();
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getEnclosingClass()) {
            annotations.addAll(Arrays.asList(type.getAnnotationsByType(Threshold.class)));
        }
        annotations.addAll(Arrays.asList(method.getAnnotationsByType(Threshold.class)));
        List<io.liveload.core.threshold.Threshold> thresholds = new ArrayList<>();
        for (Threshold annotation : annotations) {
            Duration delay = parseDuration(annotation.delayAbortEval(),
                    "@Threshold delayAbortEval of \"" + annotation.condition() + "\"");
            try {
                thresholds.add(io.liveload.core.threshold.Threshold.parse(annotation.metric(), annotation.condition(),
                        annotation.abortOnFail(), delay));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage() + " (@Threshold)", e);
            }
        }
        return thresholds;
    }

    /** Returns the custom metrics declared as static fields of the test class and its enclosing classes. */
    private static List<io.liveload.core.metrics.Metric> customMetrics(Class<?> testClass) {
        List<io.liveload.core.metrics.Metric> metrics = new ArrayList<>();
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers())
                        && io.liveload.core.metrics.CustomMetric.class.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        Object value = field.get(null);
                        if (value != null) {
                            metrics.add(((io.liveload.core.metrics.CustomMetric) value).metric());
                        }
                    } catch (IllegalAccessException | RuntimeException e) {
                        throw new ConfigurationException("Cannot read custom metric field " + type.getName() + "."
                                + field.getName() + ": " + e, e);
                    }
                }
            }
        }
        return metrics;
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
        Optional<String> idleTimeout = config.apply(ConfigKeys.HTTP_IDLE_TIMEOUT);
        if (idleTimeout.isPresent()) {
            options = options.withHttpIdleTimeout(positiveDuration(ConfigKeys.HTTP_IDLE_TIMEOUT, idleTimeout.get()));
        }
        Optional<String> bodyLimit = config.apply(ConfigKeys.MAX_RESPONSE_BODY_BYTES);
        if (bodyLimit.isPresent()) {
            options = options.withMaxResponseBodyBytes(positiveBytes(ConfigKeys.MAX_RESPONSE_BODY_BYTES,
                    bodyLimit.get()));
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
        if (loadTest.tags().length > 0) {
            options = options.withTags(pairs(loadTest.tags(), "tag", "@LoadTest"));
        }
        if (loadTest.env().length > 0) {
            options = options.withEnv(configured(pairs(loadTest.env(), "env entry", "@LoadTest")));
        }
        Optional<String> timeSeries = config.apply(ConfigKeys.TIME_SERIES);
        Optional<String> histogramLogs = config.apply(ConfigKeys.HISTOGRAM_LOGS);
        if (timeSeries.isPresent() || histogramLogs.isPresent()) {
            options = options.withTimeSeries(new TimeSeriesOutput(timeSeriesFormat(timeSeries.orElse("none")), null,
                    histogramLogs.map(value -> bool(ConfigKeys.HISTOGRAM_LOGS, value)).orElse(false)));
        }
        Duration warmup = warmup(loadTest);
        if (!warmup.isZero()) {
            options = options.withWarmup(warmup);
        }
        Path outputRoot = Path.of(config.apply(ConfigKeys.OUTPUT_DIR).orElse("target/liveload"));
        options = options.withOutputDir(outputRoot.resolve(testClass.getName()).resolve(method.getName()));
        return options.withEnvironment(name -> config.apply(ConfigKeys.ENV_PREFIX + name).orElseGet(() -> System.getenv(name)));
    }

    /** Returns the warm-up from the configuration parameter, else from the annotation; zero when neither sets it. */
    private Duration warmup(LoadTest loadTest) {
        Optional<String> configured = config.apply(ConfigKeys.WARMUP);
        if (configured.isPresent()) {
            return parseDuration(configured.get(), "configuration parameter " + ConfigKeys.WARMUP);
        }
        if (loadTest.warmup().isBlank()) {
            return Duration.ZERO;
        }
        return parseDuration(loadTest.warmup(), "@LoadTest warmup");
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

    private static TimeSeriesOutput.Format timeSeriesFormat(String value) {
        try {
            return TimeSeriesOutput.Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid configuration parameter " + ConfigKeys.TIME_SERIES + "=" + value
                    + ": expected json, csv or none");
        }
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

    private static long positiveBytes(String key, String value) {
        long bytes;
        try {
            bytes = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            bytes = 0;
        }
        if (bytes <= 0) {
            throw new ConfigurationException("Invalid configuration parameter " + key + "=" + value
                    + ": expected a positive whole number of bytes, e.g. 67108864 for 64 MiB");
        }
        return bytes;
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
}
