package io.liveload.core.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Records the phases of one HTTP exchange from OkHttp's events, in {@link System#nanoTime()} units. A VU reuses
 * one timer for all its requests (a VU runs one request at a time), resetting it before each.
 *
 * <p>Phases as k6 defines them: blocked = call start to connect start (or to connection acquired when a pooled
 * connection is reused); connecting = connect start to TLS start (or connect end); TLS = TLS start to end;
 * sending = request headers start to request end; waiting = request end to response headers start; receiving =
 * response headers start to body end.
 */
final class RequestTimer extends EventListener {

    private long callStart;
    private long connectStart;
    private long secureConnectStart;
    private long secureConnectEnd;
    private long connectEnd;
    private long connectionAcquired;
    private long requestStart;
    private long requestEnd;
    private long responseStart;
    private long responseEnd;
    private long bytesSent;
    private long bytesReceived;
    private HttpUrl lastUrl;
    private int lastPathLength;

    void reset() {
        callStart = 0;
        connectStart = 0;
        secureConnectStart = 0;
        secureConnectEnd = 0;
        connectEnd = 0;
        connectionAcquired = 0;
        requestStart = 0;
        requestEnd = 0;
        responseStart = 0;
        responseEnd = 0;
        bytesSent = 0;
        bytesReceived = 0;
    }

    @Override
    public void callStart(Call call) {
        callStart = System.nanoTime();
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        connectStart = System.nanoTime();
        secureConnectStart = 0;
        secureConnectEnd = 0;
    }

    @Override
    public void secureConnectStart(Call call) {
        secureConnectStart = System.nanoTime();
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        secureConnectEnd = System.nanoTime();
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        connectEnd = System.nanoTime();
    }

    @Override
    public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) {
        connectEnd = System.nanoTime();
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        connectionAcquired = System.nanoTime();
    }

    @Override
    public void requestHeadersStart(Call call) {
        requestStart = System.nanoTime();
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        requestEnd = System.nanoTime();
        // Request line plus headers; OkHttp's byte count covers the headers only.
        bytesSent += request.headers().byteCount() + request.method().length() + pathLength(request.url()) + 14;
    }

    /** Returns the length of the URL's encoded path; remembered for the last URL, as VUs repeat requests. */
    private int pathLength(HttpUrl url) {
        if (url != lastUrl) {
            lastUrl = url;
            lastPathLength = url.encodedPath().length();
        }
        return lastPathLength;
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        requestEnd = System.nanoTime();
        bytesSent += byteCount;
    }

    @Override
    public void responseHeadersStart(Call call) {
        responseStart = System.nanoTime();
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        bytesReceived += response.headers().byteCount() + response.message().length() + 15;
    }

    @Override
    public void responseBodyEnd(Call call, long byteCount) {
        responseEnd = System.nanoTime();
        bytesReceived += byteCount;
    }

    @Override
    public void responseFailed(Call call, IOException ioe) {
        if (responseEnd == 0) {
            responseEnd = System.nanoTime();
        }
    }

    /** Finishes the timings once the body was read, closed or failed. */
    HttpTimings timings(long endNanos) {
        long connectionReady = connectStart != 0 ? connectStart : connectionAcquired != 0 ? connectionAcquired : requestStart;
        long blocked = nonNegative(connectionReady - callStart, callStart, connectionReady);
        long tls = secureConnectStart != 0 && secureConnectEnd != 0 ? secureConnectEnd - secureConnectStart : 0;
        long connectingEnd = secureConnectStart != 0 ? secureConnectStart : connectEnd;
        long connecting = nonNegative(connectingEnd - connectStart, connectStart, connectingEnd);
        long sending = nonNegative(requestEnd - requestStart, requestStart, requestEnd);
        long waiting = nonNegative(responseStart - requestEnd, requestEnd, responseStart);
        long receivingEnd = responseEnd != 0 ? responseEnd : endNanos;
        long receiving = nonNegative(receivingEnd - responseStart, responseStart, receivingEnd);
        return new HttpTimings(blocked, connecting, Math.max(0, tls), sending, waiting, receiving);
    }

    private static long nonNegative(long difference, long from, long to) {
        return from == 0 || to == 0 || difference < 0 ? 0 : difference;
    }

    /**
     * Returns whether the call ran on a connection taken from the pool (no connect in this call) and failed before
     * the response headers were read.
     */
    boolean failedOnPooledConnection() {
        return connectionAcquired != 0 && connectStart == 0 && responseStart == 0;
    }

    /** Returns whether the request's headers were written completely. */
    boolean requestHeadersWritten() {
        return requestEnd != 0;
    }

    long bytesSent() {
        return bytesSent;
    }

    long bytesReceived() {
        return bytesReceived;
    }
}
