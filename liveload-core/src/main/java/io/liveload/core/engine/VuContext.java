package io.liveload.core.engine;

import io.liveload.core.ConfigurationException;
import io.liveload.core.IterationInterruptedException;
import io.liveload.core.Vu;
import io.liveload.core.executor.VuHandle;
import io.liveload.core.http.Http;
import io.liveload.core.liveview.LiveViewClient;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterSeries;
import io.liveload.core.metrics.RateSeries;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.metrics.TrendSeries;
import io.liveload.core.phoenix.PhoenixClient;
import io.liveload.core.plan.Scenario;
import io.liveload.core.ws.WebSockets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * One VU: the {@link Vu} that scripts see, the {@link VuRuntime} its protocol clients use and the
 * {@link VuHandle} its executor drives. All methods but {@link #hardStop()}, {@link #finished()} and
 * {@link #setActive(boolean)} run on the VU's own thread.
 */
final class VuContext implements Vu, VuRuntime, VuHandle {

    private final int id;
    private final ScenarioRun scenarioRun;
    private final Scenario scenario;
    private final RunContext run;
    private final Map<String, String> runEnv;
    /** The {@code checks} series of this VU by tags and check name. */
    private final Map<TagSet, Map<String, RateSeries>> checkSeries = new HashMap<>();
    /** The entry of {@link #checkSeries} for {@link #checkTags}, so a check takes no map lookup of its tags. */
    private Map<String, RateSeries> currentCheckSeries;
    private TagSet checkTags;
    private final Map<String, Object> values = new HashMap<>();
    /** Closers of the resources the current iteration opened, in opening order. */
    private final Map<Object, Runnable> iterationResources = new java.util.IdentityHashMap<>();
    private final java.util.List<Object> iterationOrder = new java.util.ArrayList<>();
    /** Closers of the resources kept with getOrCreate, closed when the VU ends. */
    private final Map<Object, Runnable> keptResources = new java.util.IdentityHashMap<>();
    private final TagSet scenarioTags;
    private TagSet vuTags;
    private TagSet currentTags;
    private String groupPath = "";
    private Http http;
    private WebSockets ws;
    private PhoenixClient phoenix;
    private LiveViewClient liveView;
    private long iteration;
    private boolean active;
    private volatile boolean hardStopped;
    /** Set by {@link #interruptIteration()}; cleared when the next iteration starts. */
    private volatile boolean iterationStopped;
    private volatile boolean finished;
    /** Guarded by this: whether the VU is inside an iteration, and whether the engine gave up waiting for it. */
    private boolean inIteration;
    private boolean abandoned;
    private volatile Runnable cancelBlocking;
    private volatile TimedBlocking timedBlocking;
    private volatile Thread thread;
    private TagSet iterationTags;
    private CounterSeries iterations;
    private TrendSeries iterationDuration;

    VuContext(int id, ScenarioRun scenarioRun) {
        this.id = id;
        this.scenarioRun = scenarioRun;
        this.scenario = scenarioRun.scenario();
        this.run = scenarioRun.run();
        this.runEnv = run.options().env();
        this.scenarioTags = TagSet.of(run.options().tags()).withAll(TagSet.of(scenario.tags()))
                .with("scenario", scenario.name());
        this.vuTags = scenarioTags;
        this.currentTags = scenarioTags;
    }

    void bind(Thread vuThread) {
        this.thread = vuThread;
    }

    // ---- Vu ----

    @Override
    public int id() {
        return id;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public String scenario() {
        return scenario.name();
    }

    @Override
    public Http http() {
        if (http == null) {
            http = new Http(this);
        }
        return http;
    }

    @Override
    public WebSockets ws() {
        if (ws == null) {
            ws = new WebSockets(this, http());
        }
        return ws;
    }

    @Override
    public PhoenixClient phoenix() {
        if (phoenix == null) {
            phoenix = new PhoenixClient(this, ws());
        }
        return phoenix;
    }

    @Override
    public LiveViewClient liveView() {
        if (liveView == null) {
            liveView = new LiveViewClient(this, http(), phoenix());
        }
        return liveView;
    }

    @Override
    public <T> boolean check(T value, String name, Predicate<? super T> condition) {
        Objects.requireNonNull(name, "check name");
        boolean passed;
        try {
            passed = condition.test(value);
        } catch (IterationInterruptedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            passed = false;
            run.errors().record("check", e.getClass().getName(), "check \"" + name + "\" threw " + e, e);
        }
        if (currentTags != checkTags) {
            checkTags = currentTags;
            currentCheckSeries = checkSeries.computeIfAbsent(currentTags, tags -> new HashMap<>());
        }
        RateSeries series = currentCheckSeries.get(name);
        if (series == null) {
            series = run.metrics().rate(BuiltinMetrics.CHECKS, currentTags.with("check", name));
            currentCheckSeries.put(name, series);
        }
        series.add(passed);
        return passed;
    }

    @Override
    public void sleep(Duration duration) {
        checkNotHardStopped();
        try {
            Thread.sleep(Math.max(0, duration.toMillis()), (int) (Math.max(0, duration.toNanos()) % 1_000_000));
        } catch (InterruptedException e) {
            throw new IterationInterruptedException("VU " + id + " was stopped while sleeping");
        }
    }

    @Override
    public void group(String name, Runnable body) {
        try {
            group(name, () -> {
                body.run();
                return null;
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> T group(String name, Callable<T> body) throws Exception {
        Objects.requireNonNull(name, "group name");
        if (name.contains("::")) {
            throw new IllegalArgumentException("Invalid group name \"" + name + "\": it cannot contain \"::\"");
        }
        String outer = groupPath;
        groupPath = outer + "::" + name;
        updateTags();
        long start = System.nanoTime();
        try {
            return body.call();
        } finally {
            long elapsed = System.nanoTime() - start;
            TagSet groupTags = currentTags;
            groupPath = outer;
            updateTags();
            if (!hardStopped()) {
                run.metrics().trend(BuiltinMetrics.GROUP_DURATION, groupTags).recordNanos(elapsed);
            }
        }
    }

    @Override
    public Optional<String> env(String name) {
        String value = scenario.env().get(name);
        if (value == null) {
            value = runEnv.get(name);
        }
        if (value == null) {
            value = run.options().environment().get(name);
        }
        return Optional.ofNullable(value);
    }

    @Override
    public void tag(String key, String value) {
        vuTags = vuTags.with(key, value);
        updateTags();
    }

    @Override
    public void add(io.liveload.core.metrics.Counter counter, double value, String... tags) {
        run.metrics().counter(counter.metric(), customTags(tags)).add(value);
    }

    @Override
    public void set(io.liveload.core.metrics.Gauge gauge, double value, String... tags) {
        run.metrics().gauge(gauge.metric(), customTags(tags)).set(value);
    }

    @Override
    public void add(io.liveload.core.metrics.Rate rate, boolean value, String... tags) {
        run.metrics().rate(rate.metric(), customTags(tags)).add(value);
    }

    @Override
    public void add(io.liveload.core.metrics.Trend trend, double value, String... tags) {
        run.metrics().trend(trend.metric(), customTags(tags)).record(value);
    }

    @Override
    public void add(io.liveload.core.metrics.Trend trend, Duration value, String... tags) {
        TrendSeries series = run.metrics().trend(trend.metric(), customTags(tags));
        if (trend.metric().isTime()) {
            series.record(value);
        } else {
            throw new IllegalArgumentException("Trend \"" + trend.name() + "\" holds plain values, not durations:"
                    + " declare it with Trend.time(name)");
        }
    }

    private TagSet customTags(String[] tags) {
        return tags.length == 0 ? currentTags : currentTags.withAll(TagSet.of(tags));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getOrCreate(String key, java.util.function.Supplier<? extends T> factory) {
        Objects.requireNonNull(key, "key");
        Object value = values.get(key);
        if (value == null) {
            value = Objects.requireNonNull(factory.get(), () -> "the factory of VU value \"" + key + "\" returned null");
            values.put(key, value);
            Runnable close = iterationResources.remove(value);
            if (close == null && value instanceof AutoCloseable resource) {
                close = () -> closeAutoCloseable(resource);
            }
            if (close != null) {
                iterationOrder.remove(value);
                keptResources.put(value, close);
            }
        }
        return (T) value;
    }

    @Override
    public void forget(String key) {
        Object value = values.remove(key);
        Runnable close = value == null ? null : keptResources.remove(value);
        if (close != null) {
            closeQuietly(value, close);
        }
    }

    @Override
    public void closeAtIterationEnd(Object resource, Runnable close) {
        if (iterationResources.put(resource, close) == null) {
            iterationOrder.add(resource);
        }
    }

    @Override
    public void keepOpen(Object resource) {
        if (iterationResources.remove(resource) != null) {
            iterationOrder.remove(resource);
        }
    }

    private void closeIterationResources() {
        if (iterationOrder.isEmpty()) {
            // Most iterations open nothing, and clearing an IdentityHashMap writes every slot of its table.
            return;
        }
        for (int i = iterationOrder.size() - 1; i >= 0; i--) {
            Object resource = iterationOrder.get(i);
            closeQuietly(resource, iterationResources.get(resource));
        }
        iterationOrder.clear();
        iterationResources.clear();
    }

    private static void closeAutoCloseable(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void closeQuietly(Object resource, Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            run.errors().record("engine", cause.getClass().getSimpleName(), "closing " + resource + " failed: " + cause,
                    cause);
        }
    }

    private void updateTags() {
        currentTags = groupPath.isEmpty() ? vuTags : vuTags.with("group", groupPath);
    }

    // ---- VuRuntime ----

    @Override
    public int vuId() {
        return id;
    }

    @Override
    public RunContext run() {
        return run;
    }

    @Override
    public TagSet tags() {
        return currentTags;
    }

    @Override
    public void beginBlocking(Runnable cancel) {
        checkNotHardStopped();
        cancelBlocking = cancel;
        if (hardStopped()) {
            cancel.run();
        }
    }

    @Override
    public TimedBlocking beginBlocking(Runnable cancel, long timeoutNanos) {
        TimedBlocking blocking = new TimedBlocking(cancel, System.nanoTime() + timeoutNanos);
        beginBlocking(cancel);
        timedBlocking = blocking;
        return blocking;
    }

    @Override
    public void endBlocking() {
        timedBlocking = null;
        cancelBlocking = null;
    }

    /** Cancels the VU's timed blocking operation when its deadline passed; runs on the run's watchdog thread. */
    void expireOverdue(long nowNanos) {
        TimedBlocking blocking = timedBlocking;
        if (blocking != null) {
            blocking.expireIfOverdue(nowNanos);
        }
    }

    @Override
    public boolean hardStopped() {
        return hardStopped || iterationStopped;
    }

    // ---- VuHandle ----

    @Override
    public boolean runIteration() {
        return runIteration(0, false);
    }

    @Override
    public boolean runScheduledIteration(long scheduledNanos) {
        return runIteration(scheduledNanos, true);
    }

    private boolean runIteration(long scheduledNanos, boolean scheduled) {
        iterationStopped = false;
        // An interrupt meant for an iteration that already ended must not end this one; a hard stop's interrupt
        // is raised again, because the hard stop sets its flag before it interrupts.
        Thread.interrupted();
        if (hardStopped) {
            Thread.currentThread().interrupt();
        }
        long start = System.nanoTime();
        if (scheduled) {
            scenarioRun.recordStartDelay(currentTags, start - scheduledNanos);
        }
        enterIteration();
        boolean completed = runScript();
        long end = System.nanoTime();
        if (!leaveIteration()) {
            // The scenario counted this iteration as interrupted when it gave up waiting.
            return false;
        }
        if (completed && !hardStopped()) {
            recordIteration(end - start);
            if (scheduled) {
                scenarioRun.recordLatency(currentTags, end - scheduledNanos);
            }
            scenarioRun.countComplete();
            return true;
        }
        scenarioRun.countInterrupted();
        return false;
    }

    /** Runs the script once; returns whether the iteration ran to its end, with or without an exception. */
    private boolean runScript() {
        boolean completed = true;
        try {
            scenario.script().run(this);
        } catch (IterationInterruptedException e) {
            completed = false;
        } catch (ConfigurationException e) {
            completed = false;
            scenarioRun.configurationError(e);
        } catch (InterruptedException e) {
            completed = !hardStopped();
            if (completed) {
                recordError(e);
            }
        } catch (Throwable e) {
            if (hardStopped()) {
                completed = false;
            } else {
                recordError(e);
            }
        } finally {
            closeIterationResources();
            groupPath = "";
            updateTags();
            iteration++;
            // An interrupt meant for this iteration must not end the next one.
            Thread.interrupted();
        }
        return completed;
    }

    private synchronized void enterIteration() {
        inIteration = true;
    }

    /** Leaves the iteration; returns false when the VU was abandoned meanwhile, so the iteration is already counted. */
    private synchronized boolean leaveIteration() {
        inIteration = false;
        return !abandoned;
    }

    private void recordError(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getName()
                : error.getClass().getName() + ": " + error.getMessage();
        run.errors().record("iteration", error.getClass().getSimpleName(), message, error);
    }

    private void recordIteration(long elapsedNanos) {
        if (currentTags != iterationTags) {
            iterationTags = currentTags;
            iterations = run.metrics().counter(BuiltinMetrics.ITERATIONS, currentTags);
            iterationDuration = run.metrics().trend(BuiltinMetrics.ITERATION_DURATION, currentTags);
        }
        iterations.increment();
        iterationDuration.recordNanos(elapsedNanos);
    }

    @Override
    public synchronized void setActive(boolean nowActive) {
        if (active != nowActive) {
            active = nowActive;
            scenarioRun.activeVusChanged(nowActive ? 1 : -1);
        }
    }

    @Override
    public void interruptIteration() {
        iterationStopped = true;
        cancelBlockingCallAndInterrupt();
    }

    @Override
    public void hardStop() {
        hardStopped = true;
        cancelBlockingCallAndInterrupt();
    }

    private void cancelBlockingCallAndInterrupt() {
        Runnable cancel = cancelBlocking;
        if (cancel != null) {
            try {
                cancel.run();
            } catch (RuntimeException e) {
                run.errors().record("engine", e.getClass().getSimpleName(), "cancelling a blocking call failed: " + e, e);
            }
        }
        Thread vuThread = thread;
        if (vuThread != null) {
            vuThread.interrupt();
        }
    }

    @Override
    public boolean finished() {
        return finished;
    }

    /**
     * Marks the VU as abandoned: the run ends without waiting for its thread, which ignores interrupts.
     *
     * @return whether it was inside an iteration, which the caller then counts as interrupted; the iteration does
     *         not count itself when it ends later
     */
    synchronized boolean abandon() {
        abandoned = true;
        return inIteration;
    }

    Thread thread() {
        return thread;
    }

    /**
     * Releases the VU's connections; called on the VU's thread when its loop ends. LiveView pages leave their
     * views first, then Phoenix sockets stop reconnecting, then every websocket is closed, then the HTTP
     * connections.
     */
    void close() {
        setActive(false);
        closeIterationResources();
        keptResources.forEach(this::closeQuietly);
        keptResources.clear();
        values.clear();
        if (liveView != null) {
            liveView.close();
        }
        if (phoenix != null) {
            phoenix.close();
        }
        if (ws != null) {
            ws.close();
        }
        if (http != null) {
            http.close();
        }
        finished = true;
    }
}
