package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liveload.demo.internal.ProblemLog;
import io.liveload.demo.internal.security.Tokens;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state that every socket of one demo app shares: settings, tokens, router, JSON mapper, the timer
 * thread and the set of open sockets. Thread-safe.
 */
public final class LiveServices {
    /** The LiveView release whose wire format this server reproduces; sent as {@code liveview_version}. */
    public static final String LIVEVIEW_VERSION = "1.2.10";

    private final Settings settings;
    private final Tokens tokens;
    private final Router router;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler;
    private final ProblemLog problems;
    private final Set<LiveSocket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong joinInstances = new AtomicLong();

    /**
     * Socket settings.
     *
     * @param answerHeartbeats whether heartbeats on the {@code phoenix} topic get a reply
     * @param idleTimeout the time without inbound frames after which the server closes a socket
     * @param maxChannelsPerSocket the number of joined topics a socket may hold
     */
    public record Settings(boolean answerHeartbeats, Duration idleTimeout, int maxChannelsPerSocket) {
    }

    public LiveServices(Settings settings, Tokens tokens, Router router, ObjectMapper mapper,
            ScheduledExecutorService scheduler, ProblemLog problems) {
        this.settings = settings;
        this.tokens = tokens;
        this.router = router;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.problems = problems;
    }

    Settings settings() {
        return settings;
    }

    Tokens tokens() {
        return tokens;
    }

    Router router() {
        return router;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ProblemLog problems() {
        return problems;
    }

    Set<LiveSocket> openSockets() {
        return openSockets;
    }

    /** Returns a number unique to one join in this app; nested views' tokens name their parent's. */
    long nextJoinInstance() {
        return joinInstances.incrementAndGet();
    }

    /** Closes every socket that received no frame within the idle timeout; run periodically. */
    public void closeIdleSockets() {
        long deadline = System.nanoTime() - settings.idleTimeout().toNanos();
        for (LiveSocket socket : openSockets) {
            socket.closeIfIdleSince(deadline);
        }
    }

    /** Returns the number of open sockets. */
    public int openSocketCount() {
        return openSockets.size();
    }
}
