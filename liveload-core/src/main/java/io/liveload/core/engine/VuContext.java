package io.liveload.core.engine;

import io.liveload.core.ConfigurationException;
import io.liveload.core.IterationInterruptedException;
import io.liveload.core.Vu;
import io.liveload.core.executor.VuHandle;
import io.liveload.core.http.Http;
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
    private final java.util.List<AutoCloseable> iterationResources = new java.util.ArrayList<>();
    private final TagSet scenarioTags;
    private TagSet vuTags;
    private TagSet currentTags;
    private String groupPath = "";
    private Http http;
    private WebSockets ws;
    private PhoenixClient phoenix;
    private long iteration;
    private boolean active;
    private volatile boolean hardStopped;
    /** Set by {@link #interruptIteration()}; cleared when the next iteration starts. */
    private volatile boolean iterationStopped;
    private volatile boolean finished;
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
            if (value instanceof AutoCloseable resource) {
                iterationResources.remove(resource);
            }
        }
        return (T) value;
    }

    @Override
    public void forget(String key) {
        Object value = values.remove(key);
        if (value instanceof AutoCloseable resource) {
            closeQuietly(resource);
        }
    }

    @Override
    public void closeAtIterationEnd(AutoCloseable resource) {
        iterationResources.add(resource);
    }

    private void closeIterationResources() {
        for (int i = iterationResources.size() - 1; i >= 0; i--) {
            closeQuietly(iterationResources.get(i));
        }
        iterationResources.clear();
    }

    private void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            run.errors().record("engine", e.getClass().getSimpleName(), "closing " + resource + " failed: " + e, e);
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
        long end = System.nanoTime();
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

    Thread thread() {
        return thread;
    }

    /**
     * Releases the VU's connections; called on the VU's thread when its loop ends. Phoenix sockets stop
     * reconnecting first, then every websocket is closed, then the HTTP connections.
     */
    void close() {
        setActive(false);
        closeIterationResources();
        for (Object value : values.values()) {
            if (value instanceof AutoCloseable resource) {
                closeQuietly(resource);
            }
        }
        values.clear();
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
