package io.liveload.core.http;

import io.liveload.core.ConfigurationException;
import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.TimedBlocking;
import io.liveload.core.engine.VuRuntime;
import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.CounterSeries;
import io.liveload.core.metrics.TagSet;
import io.liveload.core.plan.DurationFormat;
import io.liveload.core.plan.RunOptions;
import java.io.IOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/**
 * A VU's HTTP client, built on OkHttp: its own cookie jar and connection pool (connections are kept across
 * iterations, as in k6), the run's dispatcher and options. Requests are synchronous on the VU's thread.
 * Redirects are followed here rather than by OkHttp, so that each hop is timed and counted as a request of its
 * own, as k6 counts them.
 *
 * <p>Every request records {@code http_reqs}, {@code http_req_duration} and its phases, {@code http_req_failed},
 * {@code data_sent} and {@code data_received}, tagged with {@code method}, {@code status}, {@code name} (the URL
 * unless set with {@link RequestOptions#name}, a password in it masked as {@code ****}), {@code url} (unnamed
 * requests only, masked the same way), {@code expected_response},
 * {@code error_code} ({@link HttpErrorCode} for failures without a response, {@code 1000 + status} for statuses of
 * 400 and more, as in k6) and the VU's tags. A failure, or a status that does not count as expected, is also counted
 * in the run's error log, which logs each distinct kind once.
 *
 * <p>OkHttp's own retries are off, so that the target gets exactly the requests the metrics count. As Go's client
 * (and so k6) does, a request is sent once more on a new connection when a pooled connection turns out to be dead:
 * it failed before any response byte arrived, and the request is safe to repeat (GET, HEAD, OPTIONS, TRACE, an
 * {@code Idempotency-Key} header, or nothing of it was written yet). Only that second attempt is measured.
 *
 * <p>A redirect to another origin (scheme, host or port) drops the {@code Authorization}, {@code Proxy-Authorization}
 * and {@code Cookie} headers and the per-request cookies of {@link RequestOptions#cookie}, as browsers and OkHttp do;
 * the VU's cookie jar still sends the cookies that match the new host.
 */
public final class Http implements AutoCloseable {

    private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0]);
    private static final List<String> CREDENTIAL_HEADERS = List.of("Authorization", "Proxy-Authorization", "Cookie");
    private static final Set<String> REPLAYABLE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<HttpErrorCode> DEAD_CONNECTION = EnumSet.of(HttpErrorCode.CONNECTION_RESET,
            HttpErrorCode.BROKEN_PIPE, HttpErrorCode.TCP_ERROR, HttpErrorCode.UNEXPECTED_EOF);
    /** The options of a request sent without a configure lambda; never handed to a script, so never changed. */
    private static final RequestOptions NO_OPTIONS = new RequestOptions();
    /** The most URL texts a VU keeps resolved; a script that builds URLs with ids evicts the oldest. */
    private static final int RESOLVED_URLS = 256;

    private final VuRuntime vu;
    private final RunOptions options;
    private final HttpUrl baseUrl;
    private final VuCookieJar cookieJar;
    private final OkHttpClient client;
    private final RequestTimer timer = new RequestTimer();
    private final Map<SeriesKey, HttpSeries> seriesCache = new HashMap<>();
    private final Map<String, HttpUrl> resolvedUrls = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HttpUrl> eldest) {
            return size() > RESOLVED_URLS;
        }
    };
    private SeriesKey lastKey;
    private HttpSeries lastSeries;
    /** The last request sent without per-request headers or body; requests are immutable, so it is sent again. */
    private Request lastPlainRequest;
    private TagSet dataTags;
    private CounterSeries dataSent;
    private CounterSeries dataReceived;

    private record SeriesKey(TagSet base, String name, boolean named, String method, int status, int errorCode,
                             boolean expected, TagSet extra) {

        /** Returns whether this key has these components; compares references first, as most requests repeat. */
        boolean matches(TagSet otherBase, String otherName, boolean otherNamed, String otherMethod, int otherStatus,
                        int otherErrorCode, boolean otherExpected, TagSet otherExtra) {
            return status == otherStatus && errorCode == otherErrorCode && expected == otherExpected
                    && named == otherNamed && same(base, otherBase) && same(name, otherName)
                    && same(method, otherMethod) && same(extra, otherExtra);
        }

        private static boolean same(Object a, Object b) {
            return a == b || a.equals(b);
        }
    }

    /** Creates the HTTP client of a VU; the engine does this, scripts use {@code vu.http()}. */
    public Http(VuRuntime vu) {
        this.vu = vu;
        this.options = vu.run().options();
        this.baseUrl = options.baseUrl() == null ? null : HttpUrl.get(options.baseUrl().toString());
        this.cookieJar = new VuCookieJar(baseUrl);
        options.cookies().forEach(cookieJar::add);
        this.client = vu.run().httpClient().newBuilder()
                .cookieJar(cookieJar)
                .connectionPool(new ConnectionPool(5, options.httpIdleTimeout().toNanos(), TimeUnit.NANOSECONDS))
                .eventListenerFactory(call -> {
                    RequestTimer requestTimer = call.request().tag(RequestTimer.class);
                    return requestTimer != null ? requestTimer : okhttp3.EventListener.NONE;
                })
                .build();
    }

    /** Returns the VU's cookie jar. */
    public Cookies cookies() {
        return cookieJar;
    }

    /** Returns the OkHttp client of this VU (its cookie jar and pool), for the websocket and LiveView clients. */
    public OkHttpClient okHttpClient() {
        return client;
    }

    /**
     * Resolves a URL against the base URL.
     *
     * @throws ConfigurationException when the URL is relative and there is no base URL, or it is malformed
     */
    public HttpUrl resolve(String url) {
        // A path such as "/page" has no scheme, so HttpUrl.parse would fail, and throwing costs a stack trace.
        HttpUrl absolute = url.startsWith("/") ? null : HttpUrl.parse(url);
        if (absolute != null) {
            return absolute;
        }
        if (url.startsWith("ws://") || url.startsWith("wss://")) {
            HttpUrl converted = HttpUrl.parse("http" + url.substring(2));
            if (converted != null) {
                return converted;
            }
        }
        if (baseUrl == null) {
            throw new ConfigurationException("Relative URL \"" + url + "\" needs a base URL: set the configuration "
                    + "parameter liveload.baseUrl, @LoadTest(baseUrl = ...), a @BaseUrl method, or baseUrl(...) in the"
                    + " DSL (RunOptions.withBaseUrl), e.g. http://127.0.0.1:8080; or request an absolute URL");
        }
        HttpUrl resolved = baseUrl.resolve(url);
        if (resolved == null) {
            throw new ConfigurationException("Invalid URL \"" + url + "\": it cannot be resolved against the base URL "
                    + baseUrl);
        }
        return resolved;
    }

    /**
     * Checks that the URL's host is in the allowed hosts, if any are configured.
     *
     * @throws ConfigurationException naming the host and the allowed ones
     */
    public void checkAllowed(HttpUrl url) {
        if (!options.allowedHosts().isEmpty() && !options.allowedHosts().contains(url.host())) {
            throw new ConfigurationException("Request to " + url.scheme() + "://" + url.host() + ":" + url.port()
                    + " rejected before sending: host \"" + url.host() + "\" is not in the allowed hosts "
                    + options.allowedHosts() + " (configuration parameter liveload.hosts)");
        }
    }

    public HttpResponse get(String url) {
        return request("GET", url, null);
    }

    public HttpResponse get(String url, Consumer<RequestOptions> configure) {
        return request("GET", url, configure);
    }

    public HttpResponse head(String url) {
        return request("HEAD", url, null);
    }

    public HttpResponse head(String url, Consumer<RequestOptions> configure) {
        return request("HEAD", url, configure);
    }

    public HttpResponse post(String url, Consumer<RequestOptions> configure) {
        return request("POST", url, configure);
    }

    public HttpResponse put(String url, Consumer<RequestOptions> configure) {
        return request("PUT", url, configure);
    }

    public HttpResponse patch(String url, Consumer<RequestOptions> configure) {
        return request("PATCH", url, configure);
    }

    public HttpResponse delete(String url) {
        return request("DELETE", url, null);
    }

    public HttpResponse delete(String url, Consumer<RequestOptions> configure) {
        return request("DELETE", url, configure);
    }

    /**
     * Sends a request with any method and follows redirects, up to the request's or the run's limit.
     *
     * @param configure sets headers, body and other options; may be null
     * @throws ConfigurationException               when the URL cannot be resolved or its host is not allowed
     * @throws IterationInterruptedException        when the run stops the VU hard
     */
    public HttpResponse request(String method, String url, Consumer<RequestOptions> configure) {
        RequestOptions requestOptions = NO_OPTIONS;
        if (configure != null) {
            requestOptions = new RequestOptions();
            configure.accept(requestOptions);
        }
        HttpUrl first = withQuery(resolveCached(url), requestOptions);
        HttpUrl target = first;
        int redirectsLeft = requestOptions.redirects() != null ? requestOptions.redirects() : options.maxRedirects();
        String currentMethod = method.toUpperCase(java.util.Locale.ROOT);
        RequestBody body = requestOptions.body();
        Headers headers = requestOptions.headers();
        while (true) {
            checkAllowed(target);
            Headers hopHeaders = headers;
            Map<String, String> hopCookies = requestOptions.cookies();
            if (!sameOrigin(first, target)) {
                hopHeaders = withoutCredentials(headers);
                hopCookies = Map.of();
            }
            HttpResponse response = send(currentMethod, target, hopHeaders, body, requestOptions, hopCookies);
            if (!isRedirect(response.status()) || redirectsLeft <= 0) {
                return response;
            }
            String location = response.header("Location");
            HttpUrl next = location == null ? null : target.resolve(location);
            if (next == null) {
                return response;
            }
            int status = response.status();
            if (status == 303 && !currentMethod.equals("HEAD")
                    || (status == 301 || status == 302) && currentMethod.equals("POST")) {
                currentMethod = "GET";
                body = null;
            }
            target = next;
            redirectsLeft--;
        }
    }

    private static boolean sameOrigin(HttpUrl first, HttpUrl next) {
        return first.scheme().equals(next.scheme()) && first.host().equals(next.host()) && first.port() == next.port();
    }

    private static Headers withoutCredentials(Headers headers) {
        Headers.Builder builder = headers.newBuilder();
        CREDENTIAL_HEADERS.forEach(builder::removeAll);
        return builder.build();
    }

    /** Resolves a URL on the VU's thread, reusing the result for a URL text seen before. */
    private HttpUrl resolveCached(String url) {
        HttpUrl resolved = resolvedUrls.get(url);
        if (resolved == null) {
            resolved = resolve(url);
            resolvedUrls.put(url, resolved);
        }
        return resolved;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static HttpUrl withQuery(HttpUrl url, RequestOptions requestOptions) {
        if (requestOptions.query().isEmpty()) {
            return url;
        }
        HttpUrl.Builder builder = url.newBuilder();
        for (String[] parameter : requestOptions.query()) {
            builder.addQueryParameter(parameter[0], parameter[1]);
        }
        return builder.build();
    }

    private HttpResponse send(String method, HttpUrl url, Headers headers, RequestBody body,
                              RequestOptions requestOptions, Map<String, String> requestCookies) {
        vu.checkNotHardStopped();
        Request request = newRequest(method, url, headers, body);
        Duration timeout = requestOptions.timeout() != null ? requestOptions.timeout() : options.httpTimeout();

        HttpResponse response = null;
        for (int attempt = 1; response == null; attempt++) {
            timer.reset();
            Call call = client.newCall(request);
            TimedBlocking blocking = vu.beginBlocking(call::cancel, timeout.toNanos());
            boolean setCookies = !requestCookies.isEmpty();
            if (setCookies) {
                cookieJar.setRequestCookies(requestCookies);
            }
            try {
                response = execute(call, request, requestOptions, attempt == 1, blocking, timeout);
            } finally {
                if (setCookies) {
                    cookieJar.setRequestCookies(Map.of());
                }
                vu.endBlocking();
            }
            if (response == null) {
                // The pooled connection was dead; the others of this VU are likely dead too.
                client.connectionPool().evictAll();
            }
        }
        record(response, url, method, requestOptions);
        return response;
    }

    private Request newRequest(String method, HttpUrl url, Headers headers, RequestBody body) {
        boolean plain = headers.size() == 0 && body == null;
        Request last = lastPlainRequest;
        if (plain && last != null && last.url() == url && last.method().equals(method)) {
            return last;
        }
        Request.Builder builder = new Request.Builder().url(url).headers(headers).tag(RequestTimer.class, timer);
        if (headers.get("User-Agent") == null) {
            builder.header("User-Agent", options.userAgent());
        }
        boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        RequestBody sentBody = body;
        if (sentBody == null && needsBody) {
            sentBody = EMPTY_BODY;
        }
        builder.method(method, sentBody);
        Request request = builder.build();
        if (plain && !needsBody) {
            lastPlainRequest = request;
        }
        return request;
    }

    /** Runs one attempt; returns null when the attempt failed on a dead pooled connection and may be repeated. */
    private HttpResponse execute(Call call, Request request, RequestOptions requestOptions, boolean mayRetry,
                                 TimedBlocking blocking, Duration timeout) {
        String method = request.method();
        HttpUrl url = request.url();
        boolean decodingGzip = false;
        try (Response okResponse = call.execute()) {
            decodingGzip = isDecodedGzip(okResponse);
            byte[] bytes = readBody(okResponse.body(), requestOptions.discardsBody());
            if (bytes == null) {
                long end = System.nanoTime();
                return failure(method, url, requestOptions, HttpErrorCode.BODY_TOO_LARGE,
                        "response body of " + method + " " + url + " is larger than " + options.maxResponseBodyBytes()
                                + " bytes (RunOptions.maxResponseBodyBytes)",
                        timer.timings(end), okResponse.code(), okResponse.headers());
            }
            return new HttpResponse(method, url.toString(), okResponse.code(), okResponse.message(),
                    okResponse.headers(), bytes, timer.timings(System.nanoTime()), null, null);
        } catch (IOException e) {
            if (vu.hardStopped()) {
                throw new IterationInterruptedException("VU " + vu.vuId() + " was stopped during " + method + " " + url);
            }
            if (blocking.timedOut()) {
                HttpErrorCode code = HttpErrorCode.REQUEST_TIMEOUT;
                return failure(method, url, requestOptions, code, code.description() + ": no complete response within "
                        + DurationFormat.format(timeout), timer.timings(System.nanoTime()), 0, Headers.of());
            }
            HttpErrorCode code = HttpErrorCode.classify(e, decodingGzip);
            if (mayRetry && timer.failedOnPooledConnection() && isDeadConnection(e, code)
                    && (isReplayable(request) || !timer.requestHeadersWritten())) {
                return null;
            }
            return failure(method, url, requestOptions, code, code.description() + ": " + e.getMessage(),
                    timer.timings(System.nanoTime()), 0, Headers.of());
        }
    }

    /**
     * Returns whether a failure before the response headers means the server had closed the connection: a reset,
     * a broken pipe or the end of the stream, but not a malformed response or a timeout.
     */
    private static boolean isDeadConnection(IOException failure, HttpErrorCode code) {
        return !(failure instanceof ProtocolException) && DEAD_CONNECTION.contains(code);
    }

    private static boolean isReplayable(Request request) {
        return REPLAYABLE_METHODS.contains(request.method()) || request.header("Idempotency-Key") != null
                || request.header("X-Idempotency-Key") != null;
    }

    /** Returns whether OkHttp decompresses this response's gzip body itself (it asked for gzip on our behalf). */
    private static boolean isDecodedGzip(Response okResponse) {
        Response network = okResponse.networkResponse();
        return network != null && "gzip".equalsIgnoreCase(network.header("Content-Encoding"))
                && okResponse.header("Content-Encoding") == null;
    }

    private HttpResponse failure(String method, HttpUrl url, RequestOptions requestOptions, HttpErrorCode code,
                                 String message, HttpTimings timings, int status, Headers headers) {
        vu.run().errors().record("http", String.valueOf(code.code()),
                code.description() + " (" + method + " " + where(url, requestOptions) + ")", null);
        return new HttpResponse(method, url.toString(), 0, status == 0 ? "" : String.valueOf(status), headers,
                new byte[0], timings, code, message);
    }

    /** Returns the request's name, or its URL without query, for error messages that group equal failures. */
    private static String where(HttpUrl url, RequestOptions requestOptions) {
        if (requestOptions.name() != null) {
            return requestOptions.name();
        }
        return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
    }

    /** Reads the body fully; returns null when it exceeds {@link RunOptions#maxResponseBodyBytes()}. */
    private byte[] readBody(ResponseBody body, boolean discard) throws IOException {
        BufferedSource source = body.source();
        if (discard) {
            source.readAll(Okio.blackhole());
            return new byte[0];
        }
        long limit = options.maxResponseBodyBytes();
        long length = body.contentLength();
        if (length > limit || length < 0 && source.request(limit + 1)) {
            return null;
        }
        return source.readByteArray();
    }

    private void record(HttpResponse response, HttpUrl url, String method, RequestOptions requestOptions) {
        TagSet base = vu.tags();
        boolean failed = response.error() != null || !requestOptions.isExpected(response.status());
        boolean named = requestOptions.name() != null;
        String name = named ? requestOptions.name() : withoutPassword(url);
        int errorCode = 0;
        if (response.error() != null) {
            errorCode = response.error().code();
        } else if (response.status() >= 400) {
            errorCode = 1000 + response.status();
        }
        TagSet extra = requestOptions.tags().isEmpty() ? TagSet.EMPTY : TagSet.of(requestOptions.tags());
        HttpSeries series = seriesFor(base, name, named, method, response.status(), errorCode, !failed, extra);
        if (series == null) {
            String unexpectedStatus = null;
            if (failed && response.error() == null) {
                unexpectedStatus = "unexpected status " + response.status() + " (" + method + " "
                        + where(url, requestOptions) + ")";
            }
            series = newSeries(base, name, named, method, response.status(), errorCode, !failed, extra,
                    unexpectedStatus);
        }
        series.record(response.timings(), failed);
        if (series.unexpectedStatus != null) {
            String code = errorCode != 0 ? String.valueOf(errorCode) : String.valueOf(response.status());
            vu.run().errors().record("http", code, series.unexpectedStatus, null);
        }
        recordData(base, timer.bytesSent(), timer.bytesReceived());
    }

    /** Returns the URL for the {@code name} and {@code url} tags, its password masked as k6 masks it. */
    private static String withoutPassword(HttpUrl url) {
        if (url.password().isEmpty()) {
            return url.toString();
        }
        return url.newBuilder().password("****").build().toString();
    }

    /**
     * Returns the series of one kind of request: the last one when the kind repeats, else from the VU's cache;
     * null when this kind was not seen yet.
     */
    private HttpSeries seriesFor(TagSet base, String name, boolean named, String method, int status, int errorCode,
                                 boolean expected, TagSet extra) {
        if (lastKey != null && lastKey.matches(base, name, named, method, status, errorCode, expected, extra)) {
            return lastSeries;
        }
        SeriesKey key = new SeriesKey(base, name, named, method, status, errorCode, expected, extra);
        HttpSeries series = seriesCache.get(key);
        if (series != null) {
            lastKey = key;
            lastSeries = series;
        }
        return series;
    }

    private HttpSeries newSeries(TagSet base, String name, boolean named, String method, int status, int errorCode,
                                 boolean expected, TagSet extra, String unexpectedStatus) {
        SeriesKey key = new SeriesKey(base, name, named, method, status, errorCode, expected, extra);
        HttpSeries series = new HttpSeries(vu.run().metrics(), seriesTags(key), unexpectedStatus);
        seriesCache.put(key, series);
        lastKey = key;
        lastSeries = series;
        return series;
    }

    private static TagSet seriesTags(SeriesKey key) {
        TagSet tags = key.base().withAll(key.extra()).with("method", key.method())
                .with("status", String.valueOf(key.status())).with("name", key.name())
                .with("expected_response", String.valueOf(key.expected()));
        if (!key.named()) {
            tags = tags.with("url", key.name());
        }
        if (key.errorCode() != 0) {
            tags = tags.with("error_code", String.valueOf(key.errorCode()));
        }
        return tags;
    }

    private void recordData(TagSet base, long sent, long received) {
        if (!base.equals(dataTags)) {
            dataTags = base;
            dataSent = vu.run().metrics().counter(BuiltinMetrics.DATA_SENT, base);
            dataReceived = vu.run().metrics().counter(BuiltinMetrics.DATA_RECEIVED, base);
        }
        dataSent.add(sent);
        dataReceived.add(received);
    }

    /** Closes this VU's pooled connections. */
    @Override
    public void close() {
        client.connectionPool().evictAll();
    }
}
