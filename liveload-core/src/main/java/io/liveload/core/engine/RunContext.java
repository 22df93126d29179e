package io.liveload.core.engine;

import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.plan.RunOptions;
import java.util.concurrent.ExecutorService;
import okhttp3.OkHttpClient;

/**
 * The state one run shares among its VUs: metrics, errors, options and the base HTTP client (its dispatcher
 * and executor). Everything here belongs to the run and is released when it ends; nothing is static.
 *
 * @param metrics    the run's metric registry
 * @param errors     the run's error counts
 * @param options    the run's options
 * @param httpClient the base client; each VU derives its own with its cookie jar and connection pool
 * @param executor   the run's executor for background tasks (websocket readers, timers), virtual threads on 21+
 */
public record RunContext(MetricRegistry metrics, ErrorLog errors, RunOptions options, OkHttpClient httpClient,
                         ExecutorService executor) {
}
