package io.liveload.core.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * An HTTP/1.1 server on 127.0.0.1 on a plain {@link ServerSocket}, with one route per way a target can
 * misbehave. Jetty always responds with well-formed HTTP, so the faults are written here byte by byte.
 *
 * <p>Routes (query parameters in brackets):
 * <ul>
 *   <li>{@code /ok}: 200 with the body {@code ok}, connection kept alive.</li>
 *   <li>{@code /reset}: announces 1000 bytes, sends 100, then resets the connection (SO_LINGER 0).</li>
 *   <li>{@code /reset-now}: resets the connection without answering; {@code /close-now} closes it normally.</li>
 *   <li>{@code /stall}: reads the request and never answers, until the client gives up, the server closes or
 *       {@link #MAX_STALL_MILLIS} pass.</li>
 *   <li>{@code /trickle} [{@code bytes}, {@code delayMs}]: 200 whose body arrives one byte at a time, default
 *       20 bytes 50 ms apart.</li>
 *   <li>{@code /flaky} [{@code every}]: 503 for every Nth request to this route (default 3), 200 otherwise.</li>
 *   <li>{@code /unavailable-retry-now}: 503 with {@code Retry-After: 0}.</li>
 *   <li>{@code /garbage}: a status line that is not HTTP, then the connection closes.</li>
 *   <li>{@code /huge} [{@code bytes}, {@code chunked}]: 200 with that many bytes (default 1 MiB), with a
 *       Content-Length or chunked.</li>
 *   <li>{@code /gzip-broken}: 200 with {@code Content-Encoding: gzip} and a body that is not gzip.</li>
 *   <li>{@code /short}: announces 100 bytes, sends 10, then closes normally.</li>
 *   <li>{@code /redirect} [{@code to}]: 302 to the given URL.</li>
 *   <li>{@code /set-cookie} [{@code name}, {@code value}]: 200 that sets the cookie; the request header
 *       {@code X-Cookie-Value}, when present, gives the value instead, so that it stays out of the URL.</li>
 *   <li>{@code /echo-cookie}: 200 whose body is the request's {@code Cookie} header.</li>
 * </ul>
 * Any other path gets 404. Every request is recorded ({@link #requests()}). Each connection is served on its
 * own daemon thread; at most {@link #MAX_CONNECTIONS} are open at once, and {@link #close()} ends them all.
 */
public final class FaultServer implements AutoCloseable {

    /** The longest time {@code /stall} keeps a request waiting. */
    public static final long MAX_STALL_MILLIS = 60_000;
    /** Connections beyond this many open ones are closed at once. */
    public static final int MAX_CONNECTIONS = 256;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_REQUEST_BODY_BYTES = 1024 * 1024;
    private static final int MAX_TRICKLE_BYTES = 10_000;
    private static final long MAX_HUGE_BYTES = 512L * 1024 * 1024;
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;

    /** One request as the server read it. */
    public record ReceivedRequest(String method, String target, Map<String, List<String>> headers) {

        /** Returns the path of the target, without the query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** Returns the first value of a header (name case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Returns a query parameter's value, undecoded, or the default. */
        String parameter(String name, String defaultValue) {
            int query = target.indexOf('?');
            if (query < 0) {
                return defaultValue;
            }
            for (String pair : target.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return defaultValue;
        }
    }

    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong flakyCount = new AtomicLong();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final String scheme;
    private volatile boolean closed;

    /** Starts a plain HTTP server on a free port of 127.0.0.1. */
    public FaultServer() {
        this(null);
    }

    /** Starts an HTTPS server with the context's key on a free port of 127.0.0.1; null starts plain HTTP. */
    public FaultServer(SSLContext tls) {
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            serverSocket = tls == null ? new ServerSocket(0, 100, loopback)
                    : tls.getServerSocketFactory().createServerSocket(0, 100, loopback);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the fault server's socket on 127.0.0.1", e);
        }
        scheme = tls == null ? "http" : "https";
        acceptor = new Thread(this::acceptLoop, "fault-server-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Returns a URL of 127.0.0.1 with a port that nothing listens on, so connections to it are refused. The port
     * was free a moment ago; another process could take it in between, which is unlikely on a test machine.
     */
    public static String refusedUrl() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find a free port on 127.0.0.1", e);
        }
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return scheme + "://127.0.0.1:" + port();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Returns every request received so far, in arrival order. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Returns the number of requests received so far. */
    public int requestCount() {
        return requests.size();
    }

    /** Returns the number of requests received for a path (without query). */
    public long requestCount(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).count();
    }

    /** Returns the number of connections accepted so far. */
    public int connectionCount() {
        return connectionCount.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;
            }
            connectionCount.incrementAndGet();
            if (openSockets.size() >= MAX_CONNECTIONS) {
                closeQuietly(socket);
                continue;
            }
            openSockets.add(socket);
            Thread handler = new Thread(() -> serve(socket), "fault-server-" + port() + "-" + connectionCount.get());
            handler.setDaemon(true);
            handlers.add(handler);
            handler.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                ReceivedRequest request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                keepAlive = respond(request, socket, in, out);
            }
        } catch (IOException e) {
            // The client closed, reset or timed out; no response can reach it.
        } finally {
            openSockets.remove(socket);
            handlers.remove(Thread.currentThread());
        }
    }

    /** Reads one request and skips its body; returns null at the end of the stream. */
    static ReceivedRequest readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("Malformed request line: " + requestLine);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int headerBytes = 0;
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                break;
            }
            headerBytes += line.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new IOException("Request headers are larger than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            long bodyLength = Long.parseLong(length.get(0));
            if (bodyLength > MAX_REQUEST_BODY_BYTES) {
                throw new IOException("Request body is larger than " + MAX_REQUEST_BODY_BYTES + " bytes");
            }
            in.readNBytes((int) bodyLength);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new ReceivedRequest(parts[0], parts[1], Collections.unmodifiableMap(headers));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() <= MAX_HEADER_BYTES) {
            int next = in.read();
            if (next < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (next == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(next);
        }
        throw new IOException("Request line longer than " + MAX_HEADER_BYTES + " bytes");
    }

    /** Responds to one request and returns whether the connection stays open for the next one. */
    private boolean respond(ReceivedRequest request, Socket socket, InputStream in, OutputStream out)
            throws IOException {
        switch (request.path()) {
            case "/ok" -> {
                write(out, head(200, "OK", "Content-Length: 2"), "ok");
                return true;
            }
            case "/reset" -> {
                write(out, head(200, "OK", "Content-Length: 1000"), "r".repeat(100));
                socket.setSoLinger(true, 0);
                return false;
            }
            case "/reset-now" -> {
                socket.setSoLinger(true, 0);
                return false;
            }
            case "/close-now" -> {
                return false;
            }
            case "/stall" -> {
                stall(socket, in);
                return false;
            }
            case "/trickle" -> {
                trickle(request, out);
                return true;
            }
            case "/flaky" -> {
                long every = Long.parseLong(request.parameter("every", "3"));
                if (flakyCount.incrementAndGet() % every == 0) {
                    write(out, head(503, "Service Unavailable", "Content-Length: 11"), "unavailable");
                } else {
                    write(out, head(200, "OK", "Content-Length: 2"), "ok");
                }
                return true;
            }
            case "/unavailable-retry-now" -> {
                write(out, head(503, "Service Unavailable", "Retry-After: 0\r\nContent-Length: 0"), "");
                return true;
            }
            case "/garbage" -> {
                write(out, "HELLO FROM NOT-HTTP\r\n\r\n", "");
                return false;
            }
            case "/huge" -> {
                huge(request, out);
                return true;
            }
            case "/gzip-broken" -> {
                write(out, head(200, "OK", "Content-Encoding: gzip\r\nContent-Length: 20"), "this is not gzip....");
                return true;
            }
            case "/short" -> {
                write(out, head(200, "OK", "Content-Length: 100"), "0123456789");
                return false;
            }
            case "/redirect" -> {
                write(out, head(302, "Found", "Location: " + request.parameter("to", "/ok") + "\r\nContent-Length: 0"),
                        "");
                return true;
            }
            case "/set-cookie" -> {
                String value = request.header("X-Cookie-Value") != null ? request.header("X-Cookie-Value")
                        : request.parameter("value", "1");
                String cookie = request.parameter("name", "id") + "=" + value + "; Path=/";
                write(out, head(200, "OK", "Set-Cookie: " + cookie + "\r\nContent-Length: 2"), "ok");
                return true;
            }
            case "/echo-cookie" -> {
                String cookie = request.header("Cookie") == null ? "" : request.header("Cookie");
                byte[] body = cookie.getBytes(StandardCharsets.UTF_8);
                write(out, head(200, "OK", "Content-Length: " + body.length), cookie);
                return true;
            }
            default -> {
                write(out, head(404, "Not Found", "Content-Length: 9"), "not found");
                return true;
            }
        }
    }

    private static String head(int status, String reason, String headers) {
        return "HTTP/1.1 " + status + " " + reason + "\r\n" + headers + "\r\nContent-Type: text/plain\r\n\r\n";
    }

    /** Writes the head and body in one segment, so that no Nagle or delayed-ACK wait sits between them. */
    private static void write(OutputStream out, String head, String body) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(head.getBytes(StandardCharsets.ISO_8859_1));
        message.write(body.getBytes(StandardCharsets.UTF_8));
        out.write(message.toByteArray());
        out.flush();
    }

    /** Keeps the request unanswered until the client closes, the server closes or the limit passes. */
    private void stall(Socket socket, InputStream in) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_STALL_MILLIS);
        socket.setSoTimeout(200);
        while (!closed && System.nanoTime() - deadline < 0) {
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                // Nothing from the client yet; look at the limits again.
            }
        }
    }

    private static void trickle(ReceivedRequest request, OutputStream out) throws IOException {
        int bytes = Math.min(MAX_TRICKLE_BYTES, Integer.parseInt(request.parameter("bytes", "20")));
        long delayMillis = Long.parseLong(request.parameter("delayMs", "50"));
        write(out, head(200, "OK", "Content-Length: " + bytes), "");
        for (int i = 0; i < bytes; i++) {
            sleep(delayMillis);
            out.write('t');
            out.flush();
        }
    }

    private static void huge(ReceivedRequest request, OutputStream out) throws IOException {
        long bytes = Math.min(MAX_HUGE_BYTES, Long.parseLong(request.parameter("bytes", String.valueOf(1 << 20))));
        boolean chunked = Boolean.parseBoolean(request.parameter("chunked", "false"));
        write(out, head(200, "OK", chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + bytes), "");
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'x');
        long left = bytes;
        while (left > 0) {
            int size = (int) Math.min(block.length, left);
            if (chunked) {
                out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(block, 0, size);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            left -= size;
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketException("Fault server stopped while trickling");
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket whose peer already went away.
        }
    }

    /** Stops accepting, closes every open connection and waits up to 2 s for the connection threads to end. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // Already closed.
        }
        openSockets.forEach(FaultServer::closeQuietly);
        handlers.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        join(acceptor, deadline);
        for (Thread handler : List.copyOf(handlers)) {
            join(handler, deadline);
        }
    }

    private static void join(Thread thread, long deadlineNanos) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remaining <= 0) {
            return;
        }
        try {
            thread.join(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the address the server listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }
}
