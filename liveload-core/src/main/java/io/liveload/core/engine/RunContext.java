package io.liveload.core.engine;

import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.plan.RunOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * The state one run shares among its VUs: metrics, errors, options, the base HTTP client (its dispatcher
 * and executor) and the timer. Everything here belongs to the run and is released when it ends; nothing is
 * static.
 *
 * @param metrics    the run's metric registry
 * @param errors     the run's error counts
 * @param options    the run's options
 * @param httpClient the base client; each VU derives its own with its cookie jar and connection pool
 * @param executor   the run's executor for background tasks (websocket readers), virtual threads on 21+
 * @param scheduler  the run's timer: one platform thread for short tasks that must not block, such as
 *                   websocket heartbeats, reconnect back-off and reply timeouts
 */
public record RunContext(MetricRegistry metrics, ErrorLog errors, RunOptions options, OkHttpClient httpClient,
                         ExecutorService executor, ScheduledExecutorService scheduler) {
}
