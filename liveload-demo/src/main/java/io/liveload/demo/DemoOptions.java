package io.liveload.demo;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Settings of a {@link DemoApp}, immutable. Start from {@link #defaults()} and change values with
 * the {@code with...} methods, each of which returns a new instance:
 *
 * <pre>{@code
 * DemoOptions options = DemoOptions.defaults().withIdleTimeout(Duration.ofSeconds(2)).withHeartbeatReplies(false);
 * }</pre>
 *
 * @param port the TCP port, 0 to take a free one
 * @param bindHost the loopback address to listen on: {@code 127.0.0.1} (default), another
 *     {@code 127.x.y.z}, {@code ::1} or {@code localhost}
 * @param heartbeatReplies whether heartbeats get a reply; {@code false} leaves every heartbeat
 *     unanswered, for tests of a client's heartbeat timeout
 * @param idleTimeout the time without any inbound frame after which the server closes a
 *     websocket (code 1002, as Bandit does); Phoenix's default is 60 s
 * @param maxChannelsPerSocket the number of topics one websocket may join; Phoenix's default is 100
 */
public record DemoOptions(int port, String bindHost, boolean heartbeatReplies, Duration idleTimeout, int maxChannelsPerSocket) {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    public DemoOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Invalid port " + port + ": use 0 for a free port or a value up to 65535");
        }
        if (bindHost == null || !isLoopback(bindHost)) {
            throw new IllegalArgumentException("Invalid bind host \"" + bindHost
                    + "\": the demo app listens only on a loopback address such as 127.0.0.1, ::1 or localhost");
        }
        if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("Invalid idle timeout " + idleTimeout + ": use a positive duration such as PT60S");
        }
        if (maxChannelsPerSocket < 1) {
            throw new IllegalArgumentException("Invalid channel limit " + maxChannelsPerSocket + ": use 1 or more");
        }
    }

    /** Returns the defaults: a free port on 127.0.0.1, heartbeat replies on, 60 s idle timeout, 100 channels per socket. */
    public static DemoOptions defaults() {
        return new DemoOptions(0, "127.0.0.1", true, Duration.ofSeconds(60), 100);
    }

    /** Returns a copy with the port; 0 takes a free one. */
    public DemoOptions withPort(int newPort) {
        return new DemoOptions(newPort, bindHost, heartbeatReplies, idleTimeout, maxChannelsPerSocket);
    }

    /** Returns a copy that listens on the given loopback address. */
    public DemoOptions withBindHost(String newBindHost) {
        return new DemoOptions(port, newBindHost, heartbeatReplies, idleTimeout, maxChannelsPerSocket);
    }

    /** Returns a copy that replies to heartbeats, or leaves them without reply when {@code false}. */
    public DemoOptions withHeartbeatReplies(boolean answer) {
        return new DemoOptions(port, bindHost, answer, idleTimeout, maxChannelsPerSocket);
    }

    /** Returns a copy with the websocket idle timeout. */
    public DemoOptions withIdleTimeout(Duration newIdleTimeout) {
        return new DemoOptions(port, bindHost, heartbeatReplies, newIdleTimeout, maxChannelsPerSocket);
    }

    /** Returns a copy with the number of topics one websocket may join. */
    public DemoOptions withMaxChannelsPerSocket(int newMax) {
        return new DemoOptions(port, bindHost, heartbeatReplies, idleTimeout, newMax);
    }

    /** Checks the literal only: names other than localhost are rejected without a DNS lookup. */
    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        return lower.equals("localhost")
                || lower.equals("::1")
                || lower.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(lower).matches() && octetsInRange(lower);
    }

    private static boolean octetsInRange(String ipv4) {
        for (String octet : ipv4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
