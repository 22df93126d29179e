package io.liveload.core.plan;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of a run that are not about scheduling. Build with {@link #defaults(String)} and the
 * {@code with...} methods; each returns a validated copy.
 *
 * @param testName             names the run in the summary and reports, e.g. {@code SettingsLoadTest.settingsPage}
 * @param baseUrl              resolves relative request URLs; null means relative URLs are an error
 * @param allowedHosts         hosts that requests may go to (lower case, IPv6 addresses without brackets); empty
 *                             allows every host. A request to another host fails before it is sent, and stops the
 *                             run as a configuration error
 * @param insecureSkipTlsVerify whether TLS certificates and host names go unchecked (logged as a warning)
 * @param httpTimeout          default time limit of one HTTP request, k6's default is 60 s
 * @param httpIdleTimeout      how long a VU keeps an idle HTTP connection in its pool for reuse before closing
 *                             it; 5 min by default (OkHttp's default). Each VU has its own pool, so a VU that
 *                             loaded a page keeps its connection to that host open for this long
 * @param maxRedirects         default number of redirects followed, k6's default is 10
 * @param maxResponseBodyBytes the largest response body kept in memory, in bytes; a larger one fails the request
 *                             with error code 1900 without reading the rest. Discarded bodies have no limit.
 *                             Default 64 MiB
 * @param userAgent            the default {@code User-Agent} header
 * @param cookies              cookies put into every VU's cookie jar for the base URL before its first iteration
 * @param env                  variables scripts read with {@code vu.env(name)}
 * @param environment          looks up variables missing from {@code env}; by default the process environment
 * @param tags                 tags added to every sample of the run
 * @param summaryTrendStats    the trend statistics the summary shows, e.g. avg, min, med, max, p(90), p(95)
 * @param outputDir            where summary.json and reports go; null writes no files
 * @param progress             when progress lines are printed while the run goes
 * @param timeSeries           the time-series files the run writes while it goes
 * @param warmup               how long the VUs run the script before the measured run; zero for no warm-up.
 *                             Samples, checks and errors of the warm-up are discarded, so they count in no
 *                             metric, threshold, summary or report
 */
public record RunOptions(String testName, URI baseUrl, Set<String> allowedHosts, boolean insecureSkipTlsVerify,
                         Duration httpTimeout, Duration httpIdleTimeout, int maxRedirects, long maxResponseBodyBytes, String userAgent,
                         Map<String, String> cookies,
                         Map<String, String> env, Environment environment, Map<String, String> tags, List<String> summaryTrendStats,
                         Path outputDir, Progress progress, TimeSeriesOutput timeSeries, Duration warmup) {

    /** k6's default summary statistics for trends. */
    public static final List<String> DEFAULT_TREND_STATS = List.of("avg", "min", "med", "max", "p(90)", "p(95)");
    /** The default of {@link #maxResponseBodyBytes()}: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BODY_BYTES = 64L * 1024 * 1024;
    /** The default of {@link #httpIdleTimeout()}: 5 minutes, the keep-alive of OkHttp's default connection pool. */
    public static final Duration DEFAULT_HTTP_IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern TREND_STAT = Pattern.compile("avg|min|med|max|count|p\\(\\d+(\\.\\d+)?\\)");

    /** Looks up a variable by name; returns null when it is not set. */
    @FunctionalInterface
    public interface Environment {
        String get(String name);
    }

    /** When progress lines are printed. */
    public enum Progress {
        /** Once a second on an interactive terminal; every 10 s otherwise or when the {@code CI} variable is set. */
        AUTO,
        /** Every 10 s. */
        QUIET,
        /** Never. */
        OFF
    }

    public RunOptions {
        if (testName == null || testName.isBlank()) {
            throw new IllegalArgumentException("A run needs a test name, e.g. the test class and method");
        }
        allowedHosts = Set.copyOf(allowedHosts.stream().map(RunOptions::normalizeHost).toList());
        if (httpTimeout == null || httpTimeout.isZero() || httpTimeout.isNegative()) {
            throw new IllegalArgumentException("Invalid HTTP timeout " + httpTimeout + ": it must be longer than zero");
        }
        if (httpIdleTimeout == null || httpIdleTimeout.isZero() || httpIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("Invalid HTTP idle timeout " + httpIdleTimeout
                    + ": it must be longer than zero, e.g. PT10S");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("Invalid maxRedirects " + maxRedirects + ": it must be zero or more");
        }
        if (maxResponseBodyBytes <= 0) {
            throw new IllegalArgumentException("Invalid maxResponseBodyBytes " + maxResponseBodyBytes
                    + ": it must be a positive number of bytes, e.g. 67108864 for 64 MiB");
        }
        cookies = Map.copyOf(cookies);
        env = Map.copyOf(env);
        Objects.requireNonNull(environment, "environment");
        tags = Map.copyOf(tags);
        summaryTrendStats = List.copyOf(summaryTrendStats);
        for (String stat : summaryTrendStats) {
            if (!TREND_STAT.matcher(stat).matches()) {
                throw new IllegalArgumentException("Invalid summaryTrendStats entry \"" + stat
                        + "\": use avg, min, med, max, count or p(N), e.g. p(99.9)");
            }
        }
        Objects.requireNonNull(timeSeries, "timeSeries (use TimeSeriesOutput.NONE for no time-series files)");
        if (warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("Invalid warm-up " + warmup + ": it must be zero (no warm-up) or longer");
        }
    }

    /** Returns the host as URLs show it: lower case, an IPv6 address without its brackets. */
    private static String normalizeHost(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** Returns k6's defaults, no base URL and no warm-up. */
    public static RunOptions defaults(String testName) {
        return new RunOptions(testName, null, Set.of(), false, Duration.ofSeconds(60), DEFAULT_HTTP_IDLE_TIMEOUT, 10,
                DEFAULT_MAX_RESPONSE_BODY_BYTES, "liveload/0.1.0",
                Map.of(), Map.of(), System::getenv, Map.of(), DEFAULT_TREND_STATS, null, Progress.AUTO,
                TimeSeriesOutput.NONE, Duration.ZERO);
    }

    public RunOptions withTestName(String name) {
        return copy(change -> change.testName = name);
    }

    public RunOptions withBaseUrl(URI newBaseUrl) {
        return copy(change -> change.baseUrl = newBaseUrl);
    }

    public RunOptions withBaseUrl(String newBaseUrl) {
        return withBaseUrl(BaseUrl.parse(newBaseUrl));
    }

    public RunOptions withAllowedHosts(Set<String> hosts) {
        return copy(change -> change.allowedHosts = hosts);
    }

    public RunOptions withInsecureSkipTlsVerify(boolean skip) {
        return copy(change -> change.insecureSkipTlsVerify = skip);
    }

    public RunOptions withHttpTimeout(Duration timeout) {
        return copy(change -> change.httpTimeout = timeout);
    }

    /**
     * Sets how long a VU keeps an idle HTTP connection for reuse. A shorter time releases the connection that
     * loading a page leaves behind sooner, e.g. when every VU then keeps a websocket open for minutes.
     */
    public RunOptions withHttpIdleTimeout(Duration timeout) {
        return copy(change -> change.httpIdleTimeout = timeout);
    }

    public RunOptions withMaxRedirects(int redirects) {
        return copy(change -> change.maxRedirects = redirects);
    }

    public RunOptions withMaxResponseBodyBytes(long bytes) {
        return copy(change -> change.maxResponseBodyBytes = bytes);
    }

    public RunOptions withUserAgent(String agent) {
        return copy(change -> change.userAgent = agent);
    }

    public RunOptions withCookies(Map<String, String> newCookies) {
        return copy(change -> change.cookies = newCookies);
    }

    public RunOptions withEnv(Map<String, String> newEnv) {
        return copy(change -> change.env = newEnv);
    }

    public RunOptions withEnvironment(Environment lookup) {
        return copy(change -> change.environment = lookup);
    }

    public RunOptions withTags(Map<String, String> newTags) {
        return copy(change -> change.tags = newTags);
    }

    public RunOptions withSummaryTrendStats(List<String> stats) {
        return copy(change -> change.summaryTrendStats = stats);
    }

    public RunOptions withOutputDir(Path directory) {
        return copy(change -> change.outputDir = directory);
    }

    public RunOptions withProgress(Progress newProgress) {
        return copy(change -> change.progress = newProgress);
    }

    public RunOptions withTimeSeries(TimeSeriesOutput output) {
        return copy(change -> change.timeSeries = output);
    }

    /**
     * Sets a warm-up: before the measured run, the plan runs for this long (or until its scenarios end, if
     * sooner) with everything it records thrown away. Zero turns the warm-up off.
     */
    public RunOptions withWarmup(Duration duration) {
        return copy(change -> change.warmup = duration);
    }

    /** Returns whether a warm-up runs before the measured run. */
    public boolean hasWarmup() {
        return !warmup.isZero();
    }

    private RunOptions copy(java.util.function.Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The components of a RunOptions while one of them changes; the record's constructor validates the result. */
    private static final class Copy {
        String testName;
        URI baseUrl;
        Set<String> allowedHosts;
        boolean insecureSkipTlsVerify;
        Duration httpTimeout;
        Duration httpIdleTimeout;
        int maxRedirects;
        long maxResponseBodyBytes;
        String userAgent;
        Map<String, String> cookies;
        Map<String, String> env;
        Environment environment;
        Map<String, String> tags;
        List<String> summaryTrendStats;
        Path outputDir;
        Progress progress;
        TimeSeriesOutput timeSeries;
        Duration warmup;

        Copy(RunOptions options) {
            testName = options.testName;
            baseUrl = options.baseUrl;
            allowedHosts = options.allowedHosts;
            insecureSkipTlsVerify = options.insecureSkipTlsVerify;
            httpTimeout = options.httpTimeout;
            httpIdleTimeout = options.httpIdleTimeout;
            maxRedirects = options.maxRedirects;
            maxResponseBodyBytes = options.maxResponseBodyBytes;
            userAgent = options.userAgent;
            cookies = options.cookies;
            env = options.env;
            environment = options.environment;
            tags = options.tags;
            summaryTrendStats = options.summaryTrendStats;
            outputDir = options.outputDir;
            progress = options.progress;
            timeSeries = options.timeSeries;
            warmup = options.warmup;
        }

        RunOptions build() {
            return new RunOptions(testName, baseUrl, allowedHosts, insecureSkipTlsVerify, httpTimeout, httpIdleTimeout,
                    maxRedirects,
                    maxResponseBodyBytes, userAgent, cookies, env, environment, tags, summaryTrendStats, outputDir,
                    progress, timeSeries, warmup);
        }
    }
}
