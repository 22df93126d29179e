package io.liveload.core.phoenix;

import io.liveload.core.ConfigurationException;
import io.liveload.core.IterationInterruptedException;
import io.liveload.core.engine.VuRuntime;
import io.liveload.core.ws.WebSockets;
import io.liveload.core.ws.WsOptions;
import io.liveload.core.ws.WsRequest;
import io.liveload.core.ws.WsSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A VU's Phoenix Channels client, reached with {@code vu.phoenix()}; its sockets use the VU's websocket
 * client, so they carry the VU's cookies.
 * <pre>{@code
 * PhoenixSocket socket = vu.phoenix().connect("/socket", phx -> phx.param("token", token));
 * Channel room = socket.channel("room:lobby");
 * Reply joined = room.join(Map.of()).await();
 * Reply sent = room.push("new_msg", Map.of("body", "hi")).await();
 * }</pre>
 * Every socket still open when the VU ends is closed then, and stops reconnecting.
 */
public final class PhoenixClient implements AutoCloseable {

    /** The serializer version liveload speaks: Phoenix's V2 JSON list format. */
    public static final String VSN = "2.0.0";

    /**
     * How long {@link #connect} waits, after the websocket's handshake, for the socket's state to follow; the
     * socket's listener runs right after the handshake on the reader thread, so this is ample.
     */
    private static final long FIRST_OUTCOME_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final VuRuntime vu;
    private final WebSockets webSockets;
    private final Set<PhoenixSocket> sockets = ConcurrentHashMap.newKeySet();

    /** Creates the Phoenix client of a VU; the engine does this, scripts use {@code vu.phoenix()}. */
    public PhoenixClient(VuRuntime vu, WebSockets webSockets) {
        this.vu = vu;
        this.webSockets = webSockets;
    }

    /** Connects with phoenix.js's defaults; see {@link #connect(String, Consumer)}. */
    public PhoenixSocket connect(String endpoint) {
        return connect(endpoint, null);
    }

    /**
     * Opens a socket and waits until its websocket upgrade succeeded or failed, at most the websocket's
     * connect timeout. As phoenix.js does, {@code /websocket} is appended to the endpoint's path unless it
     * ends with it already, the params form the query, and {@code vsn=2.0.0} comes last: {@code "/socket"}
     * becomes {@code /socket/websocket?token=...&vsn=2.0.0}. A failed first connect is not retried and not
     * thrown: the socket comes back {@link PhoenixSocket.State#CLOSED} with the upgrade's
     * {@link PhoenixSocket#status()} (e.g. 403) and its {@link PhoenixSocket#lastClose()}.
     *
     * @param endpoint the socket's path or URL, relative to the base URL or absolute
     * @param configure sets params, websocket options, heartbeat, timeouts and reconnects; may be null
     * @throws ConfigurationException        when the URL cannot be resolved or its host is not allowed
     * @throws IterationInterruptedException when the run stops the VU hard
     */
    public PhoenixSocket connect(String endpoint, Consumer<PhoenixOptions> configure) {
        vu.checkNotHardStopped();
        PhoenixOptions options = new PhoenixOptions();
        if (configure != null) {
            configure.accept(options);
        }
        PhoenixSocket socket = new PhoenixSocket(this, PhoenixSocket.Settings.of(options));
        Consumer<WsOptions> websocket = options.websocket();
        WsRequest request = webSockets.prepare(endpointUrl(endpoint, options.params()), ws -> {
            if (websocket != null) {
                websocket.accept(ws);
            }
            ws.inboxCapacity(0).listener(socket.transport());
        });
        sockets.add(socket);
        vu.closeAtIterationEnd(socket, socket::closeAsync);
        WsSession first = socket.start(request);
        first.awaitHandshake();
        socket.awaitFirstOutcome(FIRST_OUTCOME_WAIT_NANOS);
        return socket;
    }

    /** Returns the number of this VU's sockets that are not closed for good. */
    public int openSockets() {
        return sockets.size();
    }

    void forget(PhoenixSocket socket) {
        sockets.remove(socket);
    }

    VuRuntime runtime() {
        return vu;
    }

    WebSockets webSockets() {
        return webSockets;
    }

    /**
     * Closes every socket of the VU without waiting, so none reconnects. The engine calls this when the VU
     * ends, before the websocket client waits for the closing handshakes.
     */
    @Override
    public void close() {
        List<PhoenixSocket> open = new ArrayList<>(sockets);
        sockets.clear();
        for (PhoenixSocket socket : open) {
            socket.closeAsync();
        }
    }

    /** Builds the websocket URL of an endpoint as phoenix.js's {@code endPointURL} does. */
    static String endpointUrl(String endpoint, Map<String, Object> params) {
        String path = endpoint;
        String query = "";
        int question = endpoint.indexOf('?');
        if (question >= 0) {
            path = endpoint.substring(0, question);
            query = endpoint.substring(question + 1);
        }
        if (!path.endsWith("/websocket")) {
            path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/websocket";
        }
        StringBuilder url = new StringBuilder(path).append('?');
        if (!query.isEmpty()) {
            url.append(query).append('&');
        }
        params.forEach((key, value) -> appendParam(url, key, value));
        return url.append("vsn=").append(VSN).toString();
    }

    /** Appends {@code key=value&}, and nested maps and lists as {@code key[sub]=value&}, encoded as phoenix.js does. */
    private static void appendParam(StringBuilder url, String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((sub, nested) -> appendParam(url, key + "[" + sub + "]", nested));
        } else if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object nested : list) {
                appendParam(url, key + "[" + index++ + "]", nested);
            }
        } else {
            url.append(encodeUriComponent(key)).append('=').append(encodeUriComponent(String.valueOf(value))).append('&');
        }
    }

    /** Percent-encodes as JavaScript's {@code encodeURIComponent}: everything but {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )}. */
    static String encodeUriComponent(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.!~*'()".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
