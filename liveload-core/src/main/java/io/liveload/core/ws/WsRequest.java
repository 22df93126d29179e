package io.liveload.core.ws;

import io.liveload.core.metrics.TagSet;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A websocket connect request that {@link WebSockets#prepare} resolved and checked: URL, headers, tags and
 * settings. Immutable, so clients that reconnect (Phoenix Channels) open the same request again from any
 * thread with {@link WebSockets#open(WsRequest)}.
 */
public final class WsRequest {

    final OkHttpClient client;
    final Request request;
    final String url;
    final TagSet tags;
    final TagSet dataTags;
    final long connectTimeoutNanos;
    final long closeTimeoutNanos;
    final int inboxCapacity;
    final WsListener listener;
    private final int[] expectedCloseCodes;

    WsRequest(OkHttpClient client, Request request, String url, TagSet tags, TagSet dataTags,
              long connectTimeoutNanos, long closeTimeoutNanos, int inboxCapacity, WsListener listener,
              int[] expectedCloseCodes) {
        this.client = client;
        this.request = request;
        this.url = url;
        this.tags = tags;
        this.dataTags = dataTags;
        this.connectTimeoutNanos = connectTimeoutNanos;
        this.closeTimeoutNanos = closeTimeoutNanos;
        this.inboxCapacity = inboxCapacity;
        this.listener = listener;
        this.expectedCloseCodes = expectedCloseCodes;
    }

    /** Returns the session's {@code name} tag: the name given with {@link WsOptions#name}, or else the URL. */
    String name() {
        return tags.get("name");
    }

    /** Returns whether a server may end the session with this close code without it counting as failed. */
    boolean isExpectedClose(int code) {
        for (int expected : expectedCloseCodes) {
            if (expected == code) {
                return true;
            }
        }
        return false;
    }

    /** Returns the URL without its query, as {@code ws://host:port/path}; the query may hold tokens. */
    public String url() {
        return url;
    }

    /** Returns the longest time from the upgrade request to the 101 response. */
    public Duration connectTimeout() {
        return Duration.ofNanos(connectTimeoutNanos);
    }

    /** Returns the longest wait for the server's close frame before the connection is cancelled. */
    public Duration closeTimeout() {
        return Duration.ofNanos(closeTimeoutNanos);
    }

    /**
     * Returns the tags the session's samples carry, before {@code status}, {@code subproto}, {@code error_code}
     * and {@code close_code} are added.
     */
    public TagSet tags() {
        return tags;
    }
}
