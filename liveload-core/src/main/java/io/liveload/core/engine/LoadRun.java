package io.liveload.core.engine;

import io.liveload.core.ConfigurationException;
import io.liveload.core.RunResult;
import io.liveload.core.RunResult.Abort;
import io.liveload.core.metrics.Aggregate;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterValue;
import io.liveload.core.metrics.GaugeSeries;
import io.liveload.core.metrics.Interval;
import io.liveload.core.metrics.MetricRegistry;
import io.liveload.core.metrics.MetricsSnapshot;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TimelinePoint;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.plan.Scenario;
import io.liveload.core.threshold.Threshold;
import io.liveload.core.threshold.ThresholdResult;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a plan: starts the scenarios' driver threads and the sampler, waits for the scenarios to end,
 * judges the thresholds and releases every thread and connection it created.
 *
 * <p>A warm-up run ({@link #warmup(LoadPlan)}) runs the same plan with its own registry and error log and no
 * listeners or live thresholds, and asks its scenarios to stop, as a graceful stop, once the warm-up time is
 * over. The caller discards its result.
 */
final class LoadRun {

    private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);
    private static final long SAMPLE_PERIOD_MILLIS = 1000;

    private final LoadPlan plan;
    private final RunContext context;
    private final List<RunListener> listeners;
    private final List<ScenarioRun> scenarios = new ArrayList<>();
    private final List<TimelinePoint> timeline = new ArrayList<>();
    private final List<Thread> abandoned = new CopyOnWriteArrayList<>();
    private final Object stopSignal = new Object();
    private final AtomicInteger nextVuId = new AtomicInteger();
    private final AtomicInteger activeVus = new AtomicInteger();
    private final AtomicInteger allocatedVus = new AtomicInteger();
    private final GaugeSeries vusGauge;
    private final GaugeSeries vusMaxGauge;
    private final List<Threshold> liveThresholds;
    /** The warm-up time after which the scenarios are asked to stop, or null for a measured run. */
    private final Duration stopAfter;
    private volatile boolean stopRequested;
    private volatile boolean hardStopRequested;
    private volatile ConfigurationException configurationError;
    private volatile Throwable engineFailure;
    private volatile Abort abort;
    private long startNanos;
    private long startEpochMillis;
    private long requests;
    private long failedRequests;

    LoadRun(LoadPlan plan, List<RunListener> listeners) {
        this(plan, listeners, null);
    }

    /** Returns a warm-up run of the plan, which stops after {@code plan.options().warmup()}. */
    static LoadRun warmup(LoadPlan plan) {
        return new LoadRun(plan, List.of(), plan.options().warmup());
    }

    private LoadRun(LoadPlan plan, List<RunListener> listeners, Duration stopAfter) {
        this.plan = plan;
        this.stopAfter = stopAfter;
        this.listeners = new CopyOnWriteArrayList<>(listeners);
        this.startEpochMillis = System.currentTimeMillis();
        MetricRegistry registry = new MetricRegistry(startEpochMillis);
        plan.customMetrics().forEach(registry::define);
        ExecutorService executor = Threads.executor("liveload-io-");
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Threads.platformFactory("liveload-timer-"));
        scheduler.setRemoveOnCancelPolicy(true);
        String logName = stopAfter == null ? plan.options().testName() : plan.options().testName() + " warm-up";
        this.context = new RunContext(registry, new ErrorLog(logName), plan.options(),
                baseHttpClient(plan, executor), executor, scheduler);
        TagSet runTags = TagSet.of(plan.options().tags());
        this.vusGauge = registry.gauge(BuiltinMetrics.VUS, runTags);
        this.vusMaxGauge = registry.gauge(BuiltinMetrics.VUS_MAX, runTags);
        this.liveThresholds = stopAfter != null ? List.of()
                : plan.thresholds().stream().filter(Threshold::abortOnFail).toList();
        for (Scenario scenario : plan.scenarios()) {
            scenarios.add(new ScenarioRun(scenario, this));
        }
    }

    private static OkHttpClient baseHttpClient(LoadPlan plan, ExecutorService executor) {
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(1_000_000);
        dispatcher.setMaxRequestsPerHost(1_000_000);
        Duration timeout = plan.options().httpTimeout();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .followRedirects(false)
                .followSslRedirects(false)
                // Http repeats a request on a dead pooled connection once itself; OkHttp's retries would send
                // requests that the metrics never count.
                // NOTE: OkHttp (5.5) still repeats a 503 that carries "Retry-After: 0" once, whatever this setting
                // says; the target then gets two requests for the one counted.
                .retryOnConnectionFailure(false)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout);
        if (plan.options().insecureSkipTlsVerify()) {
            LOG.warn("[{}] TLS certificate verification is off (insecureSkipTlsVerify): use it only against test "
                    + "servers you control", plan.options().testName());
            X509TrustManager trustAll = new TrustAllCertificates();
            try {
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, new TrustManager[] {trustAll}, new SecureRandom());
                builder.sslSocketFactory(ssl.getSocketFactory(), trustAll).hostnameVerifier((host, session) -> true);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("Cannot turn off TLS verification: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** Accepts every certificate; only used when the user turned verification off explicitly. */
    private static final class TrustAllCertificates implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    RunContext context() {
        return context;
    }

    String testName() {
        return stopAfter == null ? plan.options().testName() : plan.options().testName() + " warm-up";
    }

    RunResult execute() {
        startNanos = System.nanoTime();
        startEpochMillis = System.currentTimeMillis();
        if (stopAfter == null) {
            LOG.info("[{}] starting: {} scenario(s), up to {}", testName(), scenarios.size(),
                    DurationFormat.format(plan.maxDuration()));
        } else {
            LOG.info("[{}] starting: {} scenario(s) for {}; samples, checks and errors are discarded", testName(),
                    scenarios.size(), DurationFormat.format(stopAfter));
            context.scheduler().schedule(this::endWarmup, stopAfter.toNanos(), TimeUnit.NANOSECONDS);
        }
        notifyListeners(listener -> listener.runStarted(plan, startEpochMillis));
        Thread sampler = Threads.platformFactory("liveload-sampler-").newThread(this::sampleLoop);
        sampler.start();
        context.scheduler().scheduleAtFixedRate(this::expireOverdueCalls, TimedBlocking.CHECK_PERIOD_MILLIS,
                TimedBlocking.CHECK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        List<Thread> drivers = new ArrayList<>();
        for (ScenarioRun scenario : scenarios) {
            Thread driver = Threads.platformFactory("liveload-scenario-" + scenario.scenario().name() + "-")
                    .newThread(() -> scenario.execute(startNanos));
            drivers.add(driver);
            driver.start();
        }
        boolean interrupted = awaitDrivers(drivers);
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
        sampler.interrupt();
        joinQuietly(sampler);
        RunResult result = finish();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (configurationError != null) {
            throw configurationError;
        }
        return result;
    }

    /** Waits for the scenario drivers; on an interrupt of the caller (a JUnit timeout), stops the run hard. */
    private boolean awaitDrivers(List<Thread> drivers) {
        boolean interrupted = false;
        for (Thread driver : drivers) {
            while (driver.isAlive()) {
                try {
                    driver.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    abort("the test thread was interrupted (a timeout?)", true);
                }
            }
        }
        return interrupted;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleLoop() {
        long next = startNanos + TimeUnit.MILLISECONDS.toNanos(SAMPLE_PERIOD_MILLIS);
        while (true) {
            long waitNanos = next - System.nanoTime();
            if (waitNanos > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(waitNanos);
                } catch (InterruptedException e) {
                    return;
                }
            }
            sample();
            next += TimeUnit.MILLISECONDS.toNanos(SAMPLE_PERIOD_MILLIS);
        }
    }

    /** Samples one interval; runs on the sampler thread, and once more on the run's thread at the end. */
    private synchronized void sample() {
        vusGauge.set(activeVus.get());
        vusMaxGauge.set(allocatedVus.get());
        Interval interval = context.metrics().sampleInterval(System.currentTimeMillis());
        timeline.add(interval.point());
        Aggregate reqs = interval.point().values().get(BuiltinMetrics.HTTP_REQS.name());
        if (reqs instanceof CounterValue counter) {
            requests += Math.round(counter.sum());
        }
        Aggregate failed = interval.point().values().get(BuiltinMetrics.HTTP_REQ_FAILED.name());
        if (failed instanceof RateValue rate) {
            failedRequests += rate.passes();
        }
        RunStatus status = status();
        notifyListeners(listener -> listener.intervalSampled(interval, status));
        checkLiveThresholds();
    }

    private RunStatus status() {
        long complete = 0;
        long interrupted = 0;
        for (ScenarioRun scenario : scenarios) {
            complete += scenario.completeIterations();
            interrupted += scenario.interruptedIterations();
        }
        return new RunStatus(Duration.ofNanos(System.nanoTime() - startNanos), plan.maxDuration(), activeVus.get(),
                allocatedVus.get(), complete, interrupted, requests, failedRequests);
    }

    private void checkLiveThresholds() {
        if (liveThresholds.isEmpty() || stopRequested) {
            return;
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        MetricsSnapshot totals = null;
        for (Threshold threshold : liveThresholds) {
            if (elapsedMillis < threshold.delayAbortEval().toMillis()) {
                continue;
            }
            if (totals == null) {
                totals = context.metrics().totals();
            }
            ThresholdResult result = threshold.evaluate(totals, elapsedMillis);
            if (!result.passed() && !result.noSamples()) {
                abort("threshold " + result.describe() + " was breached at "
                        + DurationFormat.format(Duration.ofMillis(elapsedMillis)) + " (abortOnFail)", false);
                return;
            }
        }
    }

    private RunResult finish() {
        sample();
        long endEpochMillis = System.currentTimeMillis();
        long durationMillis = Math.max(1, endEpochMillis - startEpochMillis);
        MetricsSnapshot totals = context.metrics().totals();
        List<ThresholdResult> verdicts = new ArrayList<>();
        if (stopAfter == null) {
            for (Threshold threshold : plan.thresholds()) {
                verdicts.add(threshold.evaluate(totals, durationMillis));
            }
        }
        context.errors().logCounts();
        RunResult result = new RunResult(plan, Instant.ofEpochMilli(startEpochMillis), Instant.ofEpochMilli(endEpochMillis),
                totals, timeline, verdicts, scenarios.stream().map(ScenarioRun::result).toList(),
                context.errors().counts(), Optional.ofNullable(abort));
        notifyListeners(listener -> listener.runFinished(result));
        release();
        if (stopAfter == null) {
            LOG.info("[{}] finished in {}: {}", testName(), DurationFormat.format(Duration.ofMillis(durationMillis)),
                    result.passed() ? "passed" : "failed");
        } else {
            LOG.info("[{}] finished in {}", testName(), DurationFormat.format(Duration.ofMillis(durationMillis)));
        }
        if (engineFailure != null) {
            throw new IllegalStateException("liveload engine error in " + testName() + ": " + engineFailure,
                    engineFailure);
        }
        return result;
    }

    private void release() {
        context.scheduler().shutdownNow();
        context.httpClient().connectionPool().evictAll();
        context.executor().shutdownNow();
        try {
            if (!context.executor().awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("[{}] background tasks did not end within 2 s of the run's end", testName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!abandoned.isEmpty()) {
            LOG.warn("[{}] {} VU threads are still running code that ignores interrupts; they were abandoned",
                    testName(), abandoned.size());
        }
    }

    private void notifyListeners(java.util.function.Consumer<RunListener> event) {
        for (RunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("[{}] run listener {} failed and was removed: {}", testName(),
                        listener.getClass().getName(), e.toString(), e);
                listeners.remove(listener);
            }
        }
    }

    /** Cancels the VUs' timed blocking operations (HTTP requests) whose deadline passed; the watchdog task. */
    private void expireOverdueCalls() {
        long now = System.nanoTime();
        for (ScenarioRun scenario : scenarios) {
            try {
                scenario.expireOverdue(now);
            } catch (RuntimeException e) {
                // The scheduler would stop a periodic task that throws, and no later request would time out.
                context.errors().record("engine", e.getClass().getSimpleName(), "cancelling a timed-out call failed: "
                        + e, e);
            }
        }
    }

    /** Asks every scenario to stop starting iterations, as a graceful stop does, without recording an abort. */
    private void endWarmup() {
        synchronized (stopSignal) {
            stopRequested = true;
            stopSignal.notifyAll();
        }
    }

    /** Asks every scenario to stop: gracefully (running iterations get their graceful stop) or hard. */
    void abort(String reason, boolean hard) {
        synchronized (stopSignal) {
            if (abort == null) {
                abort = new Abort(reason, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                LOG.warn("[{}] aborting: {}", testName(), reason);
            }
            stopRequested = true;
            if (hard) {
                hardStopRequested = true;
            }
            stopSignal.notifyAll();
        }
        if (hard) {
            scenarios.forEach(ScenarioRun::hardStopAll);
        }
    }

    void configurationError(ConfigurationException error) {
        synchronized (stopSignal) {
            if (configurationError == null) {
                configurationError = error;
            }
        }
        abort("configuration error: " + error.getMessage(), true);
    }

    void failed(Throwable error) {
        engineFailure = error;
        abort("liveload engine error: " + error, true);
    }

    boolean stopRequested() {
        return stopRequested;
    }

    boolean hardStopRequested() {
        return hardStopRequested;
    }

    boolean sleepUntil(long deadlineNanos) throws InterruptedException {
        synchronized (stopSignal) {
            while (!stopRequested) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return true;
                }
                TimeUnit.NANOSECONDS.timedWait(stopSignal, remaining);
            }
            return false;
        }
    }

    int nextVuId() {
        return nextVuId.incrementAndGet();
    }

    void vuAllocated() {
        allocatedVus.incrementAndGet();
    }

    void activeVusChanged(int delta) {
        activeVus.addAndGet(delta);
    }

    void abandoned(Thread thread) {
        if (thread != null) {
            abandoned.add(thread);
        }
    }
}
