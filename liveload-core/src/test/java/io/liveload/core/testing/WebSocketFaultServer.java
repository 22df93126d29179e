package io.liveload.core.testing;

import io.liveload.core.testing.FaultServer.ReceivedRequest;
import io.liveload.core.testing.WebSocketWire.Frame;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A websocket server on 127.0.0.1 on a plain {@link ServerSocket} that does the RFC 6455 handshake and framing
 * itself, so that it can misbehave in ways a real server library never does. One route per fault; query
 * parameters in brackets:
 * <ul>
 *   <li>{@code /echo}: sends every text and binary message back, a pong for every ping and a close frame for
 *       the client's close frame.</li>
 *   <li>{@code /abrupt} [{@code messages}, {@code reset}]: sends that many texts {@code m1, m2, ...} (default 0),
 *       then ends the TCP connection without a close frame; with {@code reset=true} by a reset (RST).</li>
 *   <li>{@code /close} [{@code code}, {@code reason}, {@code wait}]: sends a close frame with the code (default
 *       1000) and the reason (default empty), and waits up to {@link #CLOSE_WAIT_MILLIS} for the client's close
 *       frame; with {@code wait=false} it ends the TCP connection at once instead.</li>
 *   <li>{@code /fragmented} [{@code bytes}, {@code parts}, {@code binary}]: sends one message of {@code bytes}
 *       bytes of {@link #pattern} (default 1000) split into {@code parts} frames (default 4), a ping between the
 *       first and the second, then echoes.</li>
 *   <li>{@code /large} [{@code bytes}, {@code binary}]: sends one message of {@code bytes} bytes of
 *       {@link #pattern} (default 2 MiB) in a single frame, then echoes.</li>
 *   <li>{@code /ping} [{@code count}]: sends that many pings (default 3) with the payloads {@code ping-1, ...},
 *       then echoes. The pongs received are recorded.</li>
 *   <li>{@code /status} [{@code code}]: answers the upgrade with that HTTP status (default 403) and closes.</li>
 *   <li>{@code /bad-accept}: answers 101 with a wrong {@code Sec-WebSocket-Accept}.</li>
 *   <li>{@code /masked}: sends a masked text frame, which servers must not send.</li>
 *   <li>{@code /stall-upgrade}: never answers the upgrade request.</li>
 *   <li>{@code /drop-upgrade} [{@code reset}]: ends the TCP connection without answering the upgrade request,
 *       with {@code reset=true} by a reset (RST).</li>
 *   <li>{@code /truncated-upgrade}: sends part of a 101 response's head, then ends the TCP connection.</li>
 *   <li>{@code /silent}: accepts the upgrade, then reads and ignores every frame, the close frame too.</li>
 *   <li>{@code /phoenix/websocket}: a Phoenix channel server, see {@link PhoenixFaultEndpoint}.</li>
 * </ul>
 * A trailing number segment is ignored, so that each VU can have a URL of its own: {@code /abrupt/7} is
 * {@code /abrupt}. With {@code reason=unique}, {@code /close} sends a reason that differs per connection. Any other
 * path gets 404. The server records the upgrade requests, the clients' close frames and the pongs.
 *
 * <p>Bounds: at most {@link #MAX_CONNECTIONS} connections are open at once (more are closed at once), every
 * connection ends after {@link #MAX_CONNECTION_MILLIS} at the latest, frames and messages are limited to
 * {@link #MAX_MESSAGE_BYTES}, and {@link #close()} ends every connection.
 */
public final class WebSocketFaultServer implements AutoCloseable {

    /** Connections beyond this many open ones are closed at once. */
    public static final int MAX_CONNECTIONS = 512;
    /** The maximum time a connection is kept, whatever it does. */
    public static final long MAX_CONNECTION_MILLIS = 60_000;
    /** The maximum size of a message the server sends or reads. */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    /** How long the server waits for the client's close frame after sending its own. */
    public static final long CLOSE_WAIT_MILLIS = 2_000;
    private static final int POLL_MILLIS = 100;
    private static final int FRAME_READ_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_PINGS = 100;
    private static final int MAX_PARTS = 1000;
    private static final int MAX_ABRUPT_MESSAGES = 1000;

    /** One upgrade request as the server read it. */
    public record Upgrade(String path, String query, long atNanos) {
    }

    /** One close frame a client sent, with the route it was connected to. */
    public record Close(String path, int code, String reason) {
    }

    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
    private final List<Close> closes = new CopyOnWriteArrayList<>();
    private final List<String> pongs = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final PhoenixFaultEndpoint.Recorder phoenix = new PhoenixFaultEndpoint.Recorder();
    private volatile boolean closed;

    /** Starts the server on a free port of 127.0.0.1. */
    public WebSocketFaultServer() {
        try {
            serverSocket = new ServerSocket(0, 100, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the websocket fault server's socket on 127.0.0.1", e);
        }
        acceptor = new Thread(this::acceptLoop, "ws-fault-server-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Returns the byte at an index of the messages that {@code /fragmented} and {@code /large} send. */
    public static byte pattern(int index, boolean binary) {
        return binary ? (byte) (index % 251) : (byte) ('a' + index % 26);
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Returns the websocket URL of a path with its query, e.g. {@code ws://127.0.0.1:41234/close?code=1011}. */
    public String wsUrl(String pathAndQuery) {
        return "ws://127.0.0.1:" + port() + pathAndQuery;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Returns the number of TCP connections accepted so far. */
    public int connectionCount() {
        return connectionCount.get();
    }

    /** Returns the number of TCP connections open now, as the server sees them. */
    public int openConnections() {
        return openSockets.size();
    }

    /** Returns every upgrade request received, oldest first. */
    public List<Upgrade> upgrades() {
        return List.copyOf(upgrades);
    }

    /** Returns the number of upgrade requests received for a path. */
    public long upgradeCount(String path) {
        return upgrades.stream().filter(upgrade -> upgrade.path().equals(path)).count();
    }

    /** Returns the close frames clients sent, oldest first. */
    public List<Close> closes() {
        return List.copyOf(closes);
    }

    /** Returns the payloads of the pongs clients sent, as text, oldest first. */
    public List<String> pongs() {
        return List.copyOf(pongs);
    }

    /** Returns what the Phoenix endpoint received. */
    public PhoenixFaultEndpoint.Recorder phoenix() {
        return phoenix;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;
            }
            int number = connectionCount.incrementAndGet();
            if (openSockets.size() >= MAX_CONNECTIONS) {
                closeQuietly(socket);
                continue;
            }
            openSockets.add(socket);
            Thread handler = new Thread(() -> serve(socket, number), "ws-fault-server-" + port() + "-" + number);
            handler.setDaemon(true);
            handlers.add(handler);
            handler.start();
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            socket.setSoTimeout(FRAME_READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            Connection connection = new Connection(number, socket, new BufferedInputStream(socket.getInputStream()),
                    socket.getOutputStream(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_CONNECTION_MILLIS));
            ReceivedRequest request = FaultServer.readRequest(connection.in);
            if (request != null) {
                respond(request, connection);
            }
        } catch (IOException e) {
            // The client closed, reset or timed out; nothing more can reach it.
        } finally {
            openSockets.remove(socket);
            handlers.remove(Thread.currentThread());
        }
    }

    private void respond(ReceivedRequest request, Connection connection) throws IOException {
        String path = route(request.path());
        int query = request.target().indexOf('?');
        upgrades.add(new Upgrade(path, query < 0 ? "" : request.target().substring(query + 1), System.nanoTime()));
        switch (path) {
            case "/status" -> {
                rejectUpgrade(connection.out, Integer.parseInt(request.parameter("code", "403")));
                return;
            }
            case "/stall-upgrade" -> {
                connection.readUntilEnd();
                return;
            }
            case "/drop-upgrade" -> {
                if (Boolean.parseBoolean(request.parameter("reset", "false"))) {
                    connection.socket.setSoLinger(true, 0);
                }
                return;
            }
            case "/truncated-upgrade" -> {
                writeHead(connection.out, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n");
                return;
            }
            default -> {
                // Every other route upgrades first.
            }
        }
        int phoenixConnection = path.equals("/phoenix/websocket") ? phoenix.connect(request) : 0;
        if (PhoenixFaultEndpoint.rejectsUpgrade(request, phoenixConnection)) {
            rejectUpgrade(connection.out, 403);
            return;
        }
        String key = request.header("Sec-WebSocket-Key");
        boolean known = List.of("/echo", "/abrupt", "/close", "/fragmented", "/large", "/ping", "/bad-accept",
                "/masked", "/silent", "/phoenix/websocket").contains(path);
        if (key == null || !known) {
            writeHead(connection.out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        String accept = path.equals("/bad-accept") ? WebSocketWire.acceptKey("not the client's key")
                : WebSocketWire.acceptKey(key);
        writeHead(connection.out, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n");
        route(path, request, connection, phoenixConnection);
    }

    /** Returns the route of a path: the path without a trailing number segment, so /abrupt/7 is /abrupt. */
    private static String route(String path) {
        return path.matches(".+/\\d+") ? path.substring(0, path.lastIndexOf('/')) : path;
    }

    private void route(String path, ReceivedRequest request, Connection connection, int phoenixConnection)
            throws IOException {
        switch (path) {
            case "/abrupt" -> abrupt(request, connection);
            case "/close" -> {
                int code = Integer.parseInt(request.parameter("code", "1000"));
                String reason = request.parameter("reason", "");
                if (reason.equals("unique")) {
                    reason = "session " + connection.number + " ended";
                }
                WebSocketWire.writeClose(connection.out, code, reason);
                if (Boolean.parseBoolean(request.parameter("wait", "true"))) {
                    connection.awaitClientClose(path);
                }
            }
            case "/fragmented" -> {
                fragmented(request, connection.out);
                connection.converse(path, null);
            }
            case "/large" -> {
                boolean binary = Boolean.parseBoolean(request.parameter("binary", "true"));
                byte[] message = message(Integer.parseInt(request.parameter("bytes", String.valueOf(2 << 20))), binary);
                WebSocketWire.writeFrame(connection.out, true, binary ? WebSocketWire.BINARY : WebSocketWire.TEXT,
                        message);
                connection.converse(path, null);
            }
            case "/ping" -> {
                int count = Math.min(MAX_PINGS, Integer.parseInt(request.parameter("count", "3")));
                for (int i = 1; i <= count; i++) {
                    WebSocketWire.writeFrame(connection.out, true, WebSocketWire.PING,
                            ("ping-" + i).getBytes(StandardCharsets.UTF_8));
                }
                connection.converse(path, null);
            }
            case "/masked" -> {
                WebSocketWire.writeFrame(connection.out, true, WebSocketWire.TEXT,
                        "masked".getBytes(StandardCharsets.UTF_8), true);
                connection.readUntilEnd();
            }
            case "/silent" -> connection.readUntilEnd();
            case "/phoenix/websocket" -> connection.converse(path,
                    new PhoenixFaultEndpoint(phoenix, request, phoenixConnection));
            default -> connection.converse(path, null);
        }
    }

    private static void abrupt(ReceivedRequest request, Connection connection) throws IOException {
        int messages = Math.min(MAX_ABRUPT_MESSAGES, Integer.parseInt(request.parameter("messages", "0")));
        for (int i = 1; i <= messages; i++) {
            byte[] text = ("m" + i).getBytes(StandardCharsets.UTF_8);
            WebSocketWire.writeFrame(connection.out, true, WebSocketWire.TEXT, text);
        }
        if (Boolean.parseBoolean(request.parameter("reset", "false"))) {
            connection.socket.setSoLinger(true, 0);
        }
    }

    private static void fragmented(ReceivedRequest request, OutputStream out) throws IOException {
        boolean binary = Boolean.parseBoolean(request.parameter("binary", "false"));
        byte[] message = message(Integer.parseInt(request.parameter("bytes", "1000")), binary);
        int parts = Math.max(1, Math.min(MAX_PARTS, Integer.parseInt(request.parameter("parts", "4"))));
        int partSize = Math.max(1, (message.length + parts - 1) / parts);
        int offset = 0;
        int index = 0;
        do {
            int end = Math.min(message.length, offset + partSize);
            byte[] part = java.util.Arrays.copyOfRange(message, offset, end);
            int opcode = index == 0 ? (binary ? WebSocketWire.BINARY : WebSocketWire.TEXT) : WebSocketWire.CONTINUATION;
            WebSocketWire.writeFrame(out, end == message.length, opcode, part);
            if (index == 0) {
                byte[] ping = "between-fragments".getBytes(StandardCharsets.UTF_8);
                WebSocketWire.writeFrame(out, true, WebSocketWire.PING, ping);
            }
            offset = end;
            index++;
        } while (offset < message.length);
    }

    private static byte[] message(int bytes, boolean binary) {
        if (bytes < 0 || bytes > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("Message size " + bytes + " is outside 0 to " + MAX_MESSAGE_BYTES);
        }
        byte[] message = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            message[i] = pattern(i, binary);
        }
        return message;
    }

    private static void rejectUpgrade(OutputStream out, int status) throws IOException {
        String body = status == 200 ? "not a websocket" : "";
        writeHead(out, "HTTP/1.1 " + status + " Fault\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    private static void writeHead(OutputStream out, String head) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
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
        openSockets.forEach(WebSocketFaultServer::closeQuietly);
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

    /** Handles the data messages of a connection; control frames are handled by the connection. */
    interface MessageHandler {

        /** Handles one complete message; may write to the connection. */
        void onMessage(Frame message, OutputStream out) throws IOException;
    }

    /** One connection: its number in accept order, its streams and the time by which it ends. */
    private final class Connection {

        final int number;
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final long deadlineNanos;

        Connection(int number, Socket socket, InputStream in, OutputStream out, long deadlineNanos) {
            this.number = number;
            this.socket = socket;
            this.in = in;
            this.out = out;
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * Reads frames until the client's close frame, the end of the stream, the server's close or the deadline.
         * Pings get pongs, pongs are recorded, the close frame is recorded and echoed, and every data message goes
         * to the handler, or is echoed when there is none.
         */
        void converse(String path, MessageHandler handler) throws IOException {
            int messageOpcode = 0;
            java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
            while (awaitData(deadlineNanos)) {
                Frame frame = WebSocketWire.readFrame(in, MAX_MESSAGE_BYTES);
                switch (frame.opcode()) {
                    case WebSocketWire.PING -> WebSocketWire.writeFrame(out, true, WebSocketWire.PONG, frame.payload());
                    case WebSocketWire.PONG -> pongs.add(frame.text());
                    case WebSocketWire.CLOSE -> {
                        closes.add(new Close(path, frame.closeCode(), frame.closeReason()));
                        WebSocketWire.writeFrame(out, true, WebSocketWire.CLOSE, frame.payload().length >= 2
                                ? new byte[] {frame.payload()[0], frame.payload()[1]} : new byte[0]);
                        return;
                    }
                    default -> {
                        if (frame.opcode() != WebSocketWire.CONTINUATION) {
                            messageOpcode = frame.opcode();
                            message.reset();
                        }
                        if (message.size() + frame.payload().length > MAX_MESSAGE_BYTES) {
                            throw new IOException("Message larger than " + MAX_MESSAGE_BYTES + " bytes");
                        }
                        message.write(frame.payload());
                        if (frame.fin()) {
                            Frame complete = new Frame(true, messageOpcode, message.toByteArray());
                            if (handler != null) {
                                handler.onMessage(complete, out);
                            } else {
                                WebSocketWire.writeFrame(out, true, messageOpcode, complete.payload());
                            }
                        }
                    }
                }
            }
        }

        /** Reads frames until the client's close frame, which is recorded, or the close wait passes. */
        void awaitClientClose(String path) throws IOException {
            long closeDeadline = Math.min(deadlineNanos,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS));
            while (awaitData(closeDeadline)) {
                Frame frame = WebSocketWire.readFrame(in, MAX_MESSAGE_BYTES);
                if (frame.opcode() == WebSocketWire.CLOSE) {
                    closes.add(new Close(path, frame.closeCode(), frame.closeReason()));
                    return;
                }
            }
        }

        /** Reads and drops every byte until the client ends the connection, the server closes or the deadline. */
        void readUntilEnd() throws IOException {
            byte[] buffer = new byte[8192];
            while (awaitData(deadlineNanos)) {
                if (in.read(buffer) < 0) {
                    return;
                }
            }
        }

        /**
         * Waits until a byte can be read; returns false at the end of the stream, the server's close or the
         * deadline. The byte stays in the stream, so a frame is then read whole with the longer read timeout.
         */
        private boolean awaitData(long untilNanos) throws IOException {
            while (!closed && System.nanoTime() - untilNanos < 0) {
                socket.setSoTimeout(POLL_MILLIS);
                in.mark(1);
                try {
                    int next = in.read();
                    if (next < 0) {
                        return false;
                    }
                    in.reset();
                    return true;
                } catch (SocketTimeoutException e) {
                    // Nothing yet; look at the limits again.
                } finally {
                    socket.setSoTimeout(FRAME_READ_TIMEOUT_MILLIS);
                }
            }
            return false;
        }
    }
}
