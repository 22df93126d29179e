package io.liveload.junit;

/**
 * Names of the JUnit configuration parameters liveload reads ({@code -D} system properties or
 * {@code junit-platform.properties}). They win over annotation values.
 */
public final class ConfigKeys {

    /** Number of VUs, overriding {@link LoadTest#vus()}. */
    public static final String VUS = "liveload.vus";
    /** k6 duration string, overriding {@link LoadTest#duration()} (and the iterations of the annotation). */
    public static final String DURATION = "liveload.duration";
    /** Iterations per VU, overriding {@link LoadTest#iterations()} (and the duration of the annotation). */
    public static final String ITERATIONS = "liveload.iterations";
    /** k6 duration string, overriding {@link LoadTest#gracefulStop()}. */
    public static final String GRACEFUL_STOP = "liveload.gracefulStop";
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
    /** Comma-separated trend statistics of the summary, e.g. {@code avg,med,p(95),p(99.9),max}. */
    public static final String SUMMARY_TREND_STATS = "liveload.summaryTrendStats";
    /** Directory of the reports, {@code target/liveload} by default; each test writes to a folder below it. */
    public static final String OUTPUT_DIR = "liveload.outputDir";
    /** Progress lines: {@code auto} (default), {@code quiet} (every 10 s) or {@code off}. */
    public static final String PROGRESS = "liveload.progress";

    private ConfigKeys() {
    }
}
