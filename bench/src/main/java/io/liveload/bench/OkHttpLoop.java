package io.liveload.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.HdrHistogram.Histogram;

/**
 * The reference that liveload is measured against: N threads (virtual on Java 21+, platform threads on 17), each
 * looping {@code call.execute()} on one shared OkHttp client and reading the whole body into a byte array (or a
 * string, for the body check), with no metrics library in between. Latencies go into one HdrHistogram per thread, merged at the end.
 *
 * <p>The loop runs {@code warmup} seconds unmeasured, then {@code duration} seconds measured: only requests that
 * start inside the measured window count. It prints one line of {@code key=value} pairs: {@code requests},
 * {@code failures}, {@code seconds}, {@code windowStartMs} and {@code windowEndMs} (epoch milliseconds),
 * {@code p50Ms}, {@code p99Ms}, {@code maxMs}, {@code threads}.
 *
 * <p>Usage: {@code OkHttpLoop URL USERS WARMUP_SECONDS DURATION_SECONDS [BODY_MARKER]}; with a marker, a response
 * counts as a failure unless its body, decoded as a string, contains the marker.
 */
public final class OkHttpLoop {

    private OkHttpLoop() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("Usage: OkHttpLoop URL USERS WARMUP_SECONDS DURATION_SECONDS [BODY_MARKER]");
            System.exit(2);
        }
        String url = args[0];
        int users = Integer.parseInt(args[1]);
        long warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        long durationNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        String marker = args.length > 4 ? args[4] : null;

        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(users * 2, 5, TimeUnit.MINUTES))
                .build();
        Request request = new Request.Builder().url(url).build();

        long start = System.nanoTime();
        long windowStart = start + warmupNanos;
        long windowEnd = windowStart + durationNanos;
        long windowStartMs = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(warmupNanos);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        ThreadFactory factory = threadFactory();
        for (int i = 0; i < users; i++) {
            Worker worker = new Worker(client, request, marker, windowStart, windowEnd);
            workers.add(worker);
            Thread thread = factory.newThread(worker);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long windowEndMs = windowStartMs + TimeUnit.NANOSECONDS.toMillis(durationNanos);

        Histogram total = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        long failures = 0;
        for (Worker worker : workers) {
            total.add(worker.latencyMicros);
            failures += worker.failures;
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        System.out.printf("requests=%d failures=%d seconds=%.3f windowStartMs=%d windowEndMs=%d p50Ms=%.3f p99Ms=%.3f "
                        + "maxMs=%.3f threads=%s%n", total.getTotalCount(), failures, durationNanos / 1e9, windowStartMs,
                windowEndMs, total.getValueAtPercentile(50) / 1000.0, total.getValueAtPercentile(99) / 1000.0,
                total.getMaxValue() / 1000.0, virtual() ? "virtual" : "platform");
    }

    /** One user: requests back to back until the window ends, recording those that start inside it. */
    private static final class Worker implements Runnable {

        private final OkHttpClient client;
        private final Request request;
        private final String marker;
        private final long windowStart;
        private final long windowEnd;
        private final Histogram latencyMicros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        private long failures;

        Worker(OkHttpClient client, Request request, String marker, long windowStart, long windowEnd) {
            this.client = client;
            this.request = request;
            this.marker = marker;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
        }

        @Override
        public void run() {
            while (true) {
                long begin = System.nanoTime();
                if (begin - windowEnd >= 0) {
                    return;
                }
                boolean ok = execute();
                long end = System.nanoTime();
                if (begin - windowStart >= 0) {
                    latencyMicros.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(end - begin),
                            latencyMicros.getHighestTrackableValue()));
                    if (!ok) {
                        failures++;
                    }
                }
            }
        }

        private boolean execute() {
            Call call = client.newCall(request);
            try (Response response = call.execute()) {
                if (marker == null) {
                    return response.body().bytes().length > 0 && response.code() == 200;
                }
                return response.code() == 200 && response.body().string().contains(marker);
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static boolean virtual() {
        return ofVirtual() != null;
    }

    private static Method ofVirtual() {
        try {
            return Thread.class.getMethod("ofVirtual");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Virtual threads on Java 21+ (reached through reflection, as this class is compiled for 17), else platform. */
    private static ThreadFactory threadFactory() throws ReflectiveOperationException {
        Method ofVirtual = ofVirtual();
        if (ofVirtual == null) {
            return Thread::new;
        }
        Object builder = ofVirtual.invoke(null);
        return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    }
}
