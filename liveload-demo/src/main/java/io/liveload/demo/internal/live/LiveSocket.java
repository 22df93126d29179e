package io.liveload.demo.internal.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.liveload.demo.internal.security.StaticToken;
import io.liveload.demo.internal.security.ViewToken;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one Phoenix websocket at {@code /live/websocket}: heartbeats, channel joins
 * and leaves, and the LiveView messages of every joined topic.
 *
 * <p>Threading: Jetty delivers one frame at a time and this class requests the next frame only
 * when the previous one is done ({@link Session#demand()}), so a slow mount holds back the whole
 * socket as it does in Phoenix. Timer callbacks run on the app's scheduler thread. Both take this
 * object's lock, which belongs to this socket alone. Frames are sent with Jetty's non-blocking
 * send, in the order of the calls.
 */
public final class LiveSocket implements Session.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Bandit, the web server of the recorded Phoenix apps, closes idle websockets with this code. */
    static final int IDLE_CLOSE_CODE = 1002;

    private final LiveServices services;
    private final SocketSession socketSession;
    private final Map<String, Channel> channels = new HashMap<>(4);
    private final Callback sendCallback;

    private volatile Session session;
    private volatile long lastInboundNanos = System.nanoTime();
    private boolean closed;

    /**
     * Creates the endpoint of one websocket.
     *
     * @param socketSession the cookie session when the CSRF token matched it, else {@code null},
     *     which makes every join fail with "stale"
     */
    public LiveSocket(LiveServices services, SocketSession socketSession) {
        this.services = services;
        this.socketSession = socketSession;
        this.sendCallback = Callback.from(() -> {
        }, failure -> services.problems().report("Failed to send a frame", failure.toString()));
    }

    LiveServices services() {
        return services;
    }

    @Override
    public void onWebSocketOpen(Session openedSession) {
        this.session = openedSession;
        lastInboundNanos = System.nanoTime();
        services.openSockets().add(this);
        openedSession.demand();
    }

    @Override
    public void onWebSocketText(String text) {
        lastInboundNanos = System.nanoTime();
        Held held;
        synchronized (this) {
            held = dispatchSafely(text);
        }
        if (held == null) {
            demand();
        } else {
            releaseLater(held);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        lastInboundNanos = System.nanoTime();
        callback.succeed();
        services.problems().report("Ignored binary frame", "binary frames carry upload chunks, which this app does not accept");
        demand();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        services.openSockets().remove(this);
        synchronized (this) {
            closed = true;
            channels.values().forEach(Channel::markDead);
            channels.clear();
        }
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Websocket failed", cause);
    }

    /** Closes the socket when its last inbound frame came before the deadline (a {@link System#nanoTime()} value). */
    void closeIfIdleSince(long deadlineNanos) {
        Session current = session;
        if (current != null && lastInboundNanos - deadlineNanos < 0 && current.isOpen()) {
            LOG.debug("Closing a websocket that received no frame within the idle timeout");
            current.close(IDLE_CLOSE_CODE, "idle timeout", Callback.NOOP);
        }
    }

    /** Frames of a join whose reply waits for the view's simulated mount work. */
    private record Held(Duration delay, List<ArrayNode> frames) {
    }

    private Held dispatchSafely(String text) {
        try {
            return dispatch(text);
        } catch (RuntimeException e) {
            services.problems().report("Unexpected error while handling a frame", e.toString());
            LOG.debug("Unexpected error while handling a frame", e);
            return null;
        }
    }

    private Held dispatch(String text) {
        Frame frame;
        try {
            frame = Frame.of(services.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            services.problems().report("Ignored frame with invalid JSON", "a text frame of " + text.length() + " characters");
            return null;
        } catch (Frame.MalformedFrameException e) {
            services.problems().report("Ignored malformed frame", e.getMessage());
            return null;
        }

        if ("phoenix".equals(frame.topic())) {
            handleSocketTopic(frame);
            return null;
        }
        if ("phx_join".equals(frame.event())) {
            return join(frame);
        }

        Channel channel = channels.get(frame.topic());
        if (channel == null) {
            if ("phx_leave".equals(frame.event())) {
                send(Frame.reply(frame.joinRef(), frame.ref(), frame.topic(), "ok", JSON.objectNode()));
            } else {
                sendUnmatchedTopic(frame);
            }
            return null;
        }
        if (frame.hasJoinRef() && !frame.joinRef().equals(channel.joinRef())) {
            // Phoenix 1.8.3+ drops messages addressed to an earlier join of the topic without a reply.
            services.problems().report("Ignored message with a stale join_ref", "\"" + frame.event() + "\" on " + frame.topic());
            return null;
        }

        switch (frame.event()) {
            case "phx_leave" -> {
                send(Frame.reply(channel.joinRef(), frame.ref(), frame.topic(), "ok", JSON.objectNode()));
                endChannel(channel, "phx_close");
            }
            case "event" -> channel.handleEvent(frame);
            case "live_patch" -> channel.livePatch(frame);
            case "cids_will_destroy" -> channel.cidsWillDestroy(frame);
            case "cids_destroyed" -> channel.cidsDestroyed(frame);
            // NOTE: uploads ("allow_upload", "progress" and "lvu:" topics) are not implemented; such
            // messages get no reply, so a client waiting for one times out.
            default -> services.problems().report("Ignored unsupported channel event",
                    "\"" + frame.event() + "\" on " + frame.topic() + " (LiveView sends no reply either)");
        }
        return null;
    }

    private void handleSocketTopic(Frame frame) {
        if (!"heartbeat".equals(frame.event())) {
            sendUnmatchedTopic(frame);
            return;
        }
        if (services.settings().answerHeartbeats()) {
            send(Frame.reply(NullNode.getInstance(), frame.ref(), "phoenix", "ok", JSON.objectNode()));
        }
    }

    private Held join(Frame frame) {
        String topic = frame.topic();
        if (!topic.startsWith("lv:")) {
            sendUnmatchedTopic(frame);
            return null;
        }

        // A second join of a joined topic replaces the channel; the old one's phx_close follows the new reply.
        List<ArrayNode> afterReply = new ArrayList<>(2);
        Channel previous = channels.get(topic);
        if (previous != null) {
            endChannel(previous, "phx_close", afterReply);
        }

        JoinResult result;
        if (channels.size() >= services.settings().maxChannelsPerSocket()) {
            services.problems().report("Rejected join over the channel limit",
                    "a socket may join " + services.settings().maxChannelsPerSocket() + " topics");
            result = JoinResult.rejected("too many channels joined");
        } else {
            result = joinView(frame);
        }

        List<ArrayNode> frames = new ArrayList<>(1 + afterReply.size());
        frames.add(Frame.reply(frame.joinRef(), frame.ref(), topic, result.ok() ? "ok" : "error", result.response()));
        frames.addAll(afterReply);
        if (result.ok()) {
            Channel channel = result.channel();
            channels.put(topic, channel);
            if (channel.parent() != null) {
                channel.parent().children().add(channel);
            }
            channel.startTimers(result.context());
        }

        Duration delay = result.replyDelay();
        if (delay.isZero()) {
            frames.forEach(this::send);
            return null;
        }
        return new Held(delay, frames);
    }

    private JoinResult joinView(Frame frame) {
        JsonNode payload = frame.payload();
        String topic = frame.topic();
        String sessionToken = textField(payload, "session");
        if (sessionToken == null) {
            services.problems().report("Rejected join without a session token", topic);
            return JoinResult.rejected("stale");
        }
        ViewToken token = services.tokens().verifyView(sessionToken).orElse(null);
        if (token == null || !topic.equals("lv:" + token.id())) {
            services.problems().report("Rejected join with an invalid, expired or foreign session token", topic);
            return JoinResult.rejected("stale");
        }
        String staticText = textField(payload, "static");
        StaticToken staticToken = null;
        if (staticText != null && !staticText.isEmpty()) {
            staticToken = services.tokens().verifyStatic(staticText).orElse(null);
            if (staticToken == null || !staticToken.id().equals(token.id())) {
                services.problems().report("Rejected join with an invalid static token", topic);
                return JoinResult.rejected("stale");
            }
        }
        if (socketSession == null) {
            services.problems().report("Rejected join on a socket without a valid session",
                    "the session cookie was missing or invalid, or the _csrf_token did not match it");
            return JoinResult.rejected("stale");
        }

        Channel parent = null;
        LiveRoute route = null;
        String url = null;
        String viewName = token.view();
        boolean navigation = false;
        if (token.nested()) {
            parent = findChannel(token.parentInstance());
            if (parent == null) {
                return JoinResult.rejected("stale");
            }
        } else {
            String redirect = textField(payload, "redirect");
            String pageUrl = textField(payload, "url");
            if (redirect != null) {
                route = routeOf(redirect);
                if (route == null || !route.liveSession().equals(token.liveSession())) {
                    services.problems().report("Rejected live navigation outside the token's live_session", topic);
                    return JoinResult.rejected("unauthorized");
                }
                viewName = route.view();
                url = redirect;
                navigation = true;
            } else if (pageUrl != null) {
                route = routeOf(pageUrl);
                if (route == null || !route.view().equals(token.view()) || !route.liveSession().equals(token.liveSession())) {
                    services.problems().report("Rejected join whose url routes to another view", topic);
                    return JoinResult.rejected("unauthorized");
                }
                url = pageUrl;
            }
        }

        Map<String, String> flash = mountFlash(payload, staticToken, navigation);
        LiveView view = services.router().newView(viewName);
        String user = socketSession.user();
        Channel channel = new Channel(this, topic, frame.joinRef(), services.nextJoinInstance(), token.id(),
                viewName, view, parent, user, token.session(), url);
        return channel.mount(route, flash, navigation);
    }

    /**
     * Returns the flash to show at mount: a flash token sent with the join wins; else the dead
     * render's flash, but only on the first mount ({@code _mounts} is 0) of a page load.
     */
    private Map<String, String> mountFlash(JsonNode payload, StaticToken staticToken, boolean navigation) {
        String flashToken = textField(payload, "flash");
        if (flashToken != null) {
            return services.tokens().verifyFlash(flashToken);
        }
        JsonNode mounts = payload.path("params").path("_mounts");
        if (!navigation && staticToken != null && mounts.isNumber() && mounts.asDouble() == 0) {
            return staticToken.flash();
        }
        return Map.of();
    }

    /** Ends a channel and its nested views, sending {@code phx_close} or {@code phx_error} for it and {@code phx_close} for each child. */
    void endChannel(Channel channel, String event) {
        endChannel(channel, event, null);
    }

    private void endChannel(Channel channel, String event, List<ArrayNode> sink) {
        channels.remove(channel.topic(), channel);
        channel.markDead();
        if (channel.parent() != null) {
            channel.parent().children().remove(channel);
        }
        ArrayNode frame = Frame.channelEnd(channel.joinRef(), channel.topic(), event);
        if (sink == null) {
            send(frame);
        } else {
            sink.add(frame);
        }
        for (Channel child : List.copyOf(channel.children())) {
            endChannel(child, "phx_close", sink);
        }
    }

    /** Delivers a timer message to the channel on the scheduler thread while both live. */
    void schedule(Channel channel, CallbackContext.Timer timer) {
        try {
            services.scheduler().schedule(() -> deliver(channel, timer.message()),
                    timer.delay().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Dropped a timer because the app is stopping");
        }
    }

    private void deliver(Channel channel, Object message) {
        synchronized (this) {
            if (closed || !channel.alive()) {
                return;
            }
            try {
                channel.handleInfo(message);
            } catch (RuntimeException e) {
                services.problems().report("Unexpected error while handling a timer", e.toString());
            }
        }
    }

    void send(ArrayNode frame) {
        Session current = session;
        if (current == null || closed) {
            return;
        }
        String text;
        try {
            text = services.mapper().writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to encode a frame", e);
        }
        current.sendText(text, sendCallback);
    }

    private void releaseLater(Held held) {
        Runnable release = () -> {
            synchronized (this) {
                held.frames().forEach(this::send);
            }
            demand();
        };
        try {
            services.scheduler().schedule(release, held.delay().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Dropped a join reply because the app is stopping");
        }
    }

    private void demand() {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.demand();
        }
    }

    private void sendUnmatchedTopic(Frame frame) {
        services.problems().report("Answered a message on an unmatched topic", "\"" + frame.event() + "\" on " + frame.topic());
        send(Frame.reply(NullNode.getInstance(), frame.ref(), frame.topic(), "error", Frame.reason("unmatched topic")));
    }

    private Channel findChannel(long instance) {
        for (Channel channel : channels.values()) {
            if (channel.instance() == instance && channel.alive()) {
                return channel;
            }
        }
        return null;
    }

    private LiveRoute routeOf(String url) {
        return PageUrl.parse(url).flatMap(page -> services.router().route(page.path())).orElse(null);
    }

    private static String textField(JsonNode payload, String name) {
        JsonNode value = payload == null ? null : payload.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
