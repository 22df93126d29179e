package io.liveload.core.engine;

import java.time.Duration;

/**
 * A run's state at one moment, for progress lines.
 *
 * @param elapsed               time since the run started
 * @param plannedDuration       the longest the run can take, graceful stops included
 * @param activeVus             VUs running an iteration or waiting between iterations now
 * @param maxVus                VUs allocated so far
 * @param completeIterations    iterations completed so far, all scenarios
 * @param interruptedIterations iterations interrupted so far
 * @param requests              HTTP requests so far
 * @param failedRequests        failed HTTP requests so far
 */
public record RunStatus(Duration elapsed, Duration plannedDuration, int activeVus, int maxVus,
                        long completeIterations, long interruptedIterations, long requests, long failedRequests) {
}
