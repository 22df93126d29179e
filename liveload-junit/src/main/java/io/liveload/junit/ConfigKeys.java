package io.liveload.junit;

/**
 * Names of the JUnit configuration parameters liveload reads ({@code -D} system properties or
 * {@code junit-platform.properties}). They win over annotation values.
 */
public final class ConfigKeys {

    /**
     * Number of VUs, overriding {@code vus} of every scenario whose executor takes it (constant-vus,
     * per-vu-iterations, shared-iterations). Scenarios of other executors ignore it, with a log line.
     */
    public static final String VUS = "liveload.vus";
    /**
     * k6 duration string, overriding {@code duration} of every scenario whose executor takes it. With
     * {@link ExecutorType#AUTO} it also replaces the annotation's iterations or stages, so the test becomes a
     * constant-vus test.
     */
    public static final String DURATION = "liveload.duration";
    /**
     * Iterations (per VU or shared, as the executor counts them), overriding {@code iterations}. With
     * {@link ExecutorType#AUTO} it also replaces the annotation's duration or stages.
     */
    public static final String ITERATIONS = "liveload.iterations";
    /**
     * Iterations per time unit, overriding {@code rate} of every constant-arrival-rate scenario; others ignore it,
     * with a log line.
     */
    public static final String RATE = "liveload.rate";
    /**
     * Stages separated by commas, e.g. {@code 30s -> 100, 1m -> 100, 10s -> 0}, overriding {@code stages} of every
     * ramping scenario (VU targets for ramping-vus, rates for ramping-arrival-rate). With {@link ExecutorType#AUTO}
     * it also replaces the annotation's duration or iterations, so the test becomes a ramping-vus test.
     */
    public static final String STAGES = "liveload.stages";
    /** k6 duration string, overriding the graceful stop of every scenario. */
    public static final String GRACEFUL_STOP = "liveload.gracefulStop";
    /**
     * k6 duration string, overriding {@link LoadTest#warmup()}: how long the plan runs before the measured run,
     * with its samples, checks and errors discarded; {@code 0s} turns the warm-up off.
     */
    public static final String WARMUP = "liveload.warmup";
    /** Base URL, overriding {@link LoadTest#baseUrl()} and {@link BaseUrl} methods. */
    public static final String BASE_URL = "liveload.baseUrl";
    /** Prefix of variables scripts read with {@code vu.env(NAME)}: {@code liveload.env.NAME=value}. */
    public static final String ENV_PREFIX = "liveload.env.";
    /** Cookies put in every VU's jar for the base URL, in Cookie header form: {@code a=1; b=2}. */
    public static final String COOKIES = "liveload.cookies";
    /** Comma-separated hosts that requests may go to; others are rejected before sending. */
    public static final String HOSTS = "liveload.hosts";
    /** {@code true} turns TLS certificate verification off (logged as a warning). */
    public static final String INSECURE_SKIP_TLS_VERIFY = "liveload.insecureSkipTlsVerify";
    /** Default HTTP request timeout as a k6 duration string (60s). */
    public static final String HTTP_TIMEOUT = "liveload.httpTimeout";
    /**
     * How long a VU keeps an idle HTTP connection for reuse, as a k6 duration string (5m); see
     * {@code RunOptions.withHttpIdleTimeout}.
     */
    public static final String HTTP_IDLE_TIMEOUT = "liveload.httpIdleTimeout";
    /** The largest response body kept in memory, in bytes (64 MiB); a larger one fails with error code 1900. */
    public static final String MAX_RESPONSE_BODY_BYTES = "liveload.maxResponseBodyBytes";
    /** Comma-separated trend statistics of the summary, e.g. {@code avg,med,p(95),p(99.9),max}. */
    public static final String SUMMARY_TREND_STATS = "liveload.summaryTrendStats";
    /** Directory of the reports, {@code target/liveload} by default; each test writes to a folder below it. */
    public static final String OUTPUT_DIR = "liveload.outputDir";
    /** Progress lines: {@code auto} (default), {@code quiet} (every 10 s) or {@code off}. */
    public static final String PROGRESS = "liveload.progress";

    /**
     * Time-series output while the run goes: {@code json} (k6's JSON lines shape), {@code csv} or {@code none}
     * (default); written as metrics.json or metrics.csv in the test's output folder.
     */
    public static final String TIME_SERIES = "liveload.timeSeries";
    /** {@code true} writes an HdrHistogram interval log ({@code <metric>.hlog}) per trend metric. */
    public static final String HISTOGRAM_LOGS = "liveload.histogramLogs";

    private ConfigKeys() {
    }
}
