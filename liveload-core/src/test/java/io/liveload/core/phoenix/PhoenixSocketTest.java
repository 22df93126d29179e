package io.liveload.core.phoenix;

import static io.liveload.core.testing.ScriptRuns.errorCount;
import static io.liveload.core.testing.ScriptRuns.options;
import static io.liveload.core.testing.ScriptRuns.runOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveload.core.RunResult;
import io.liveload.core.testing.LocalWebSocketServer;
import io.liveload.core.testing.LocalWebSocketServer.Close;
import io.liveload.core.testing.PhoenixTestEndpoint.Frame;
import io.liveload.core.testing.ScriptRuns;
import io.liveload.core.ws.WsClose;
import io.liveload.core.ws.WsErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhoenixSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private LocalWebSocketServer server;

    @BeforeEach
    void startServer() {
        server = new LocalWebSocketServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void joinAndPushGetReplies() {
        AtomicReference<Reply> joined = new AtomicReference<>();
        AtomicReference<Reply> echoed = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx.param("token", "t 1"));
            Channel room = socket.channel("room:1");
            joined.set(room.join(Map.of("name", "ann")).await());
            echoed.set(room.push("echo", Map.of("x", 1)).await());
            socket.close();
        });

        assertThat(joined.get().isOk()).isTrue();
        assertThat(joined.get().response().path("topic").asText()).isEqualTo("room:1");
        assertThat(echoed.get().isOk()).isTrue();
        assertThat(echoed.get().response().path("echo").path("x").asInt()).isEqualTo(1);
        assertThat(server.upgrades().get(0).query()).isEqualTo("token=t%201&vsn=2.0.0");
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void framesUseOneRefCounter() {
        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix");
            Channel first = socket.channel("room:1");
            Channel second = socket.channel("room:2");
            first.join(Map.of()).await();
            second.join(Map.of()).await();
            first.push("echo", Map.of()).await();
            socket.close();
        });

        List<Frame> frames = server.phoenix().received();
        assertThat(frames).extracting(Frame::ref).containsExactly("1", "2", "3");
        assertThat(frames.get(0).joinRef()).isEqualTo("1");
        assertThat(frames.get(1).joinRef()).isEqualTo("2");
        assertThat(frames.get(2).joinRef()).isEqualTo("1");
        assertThat(frames).extracting(Frame::event).containsExactly("phx_join", "phx_join", "echo");
    }

    @Test
    void joinErrorReturnsReason() {
        AtomicReference<Reply> denied = new AtomicReference<>();
        AtomicReference<Channel.State> state = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx.rejoin(false));
            Channel channel = socket.channel("denied:1");
            denied.set(channel.join(Map.of()).await());
            state.set(channel.state());
            socket.close();
        });

        assertThat(denied.get().status()).isEqualTo(Reply.ERROR);
        assertThat(denied.get().reason()).isEqualTo("unauthorized");
        assertThat(state.get()).isEqualTo(Channel.State.ERRORED);
    }

    @Test
    void pushWaitsForJoinReply() {
        AtomicReference<Reply> echoed = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            Channel channel = vu.phoenix().connect("/phoenix").channel("slow:1");
            Push join = channel.join(Map.of());
            Push echo = channel.push("echo", Map.of("early", true));
            echoed.set(echo.await());
            assertThat(join.isDone()).isTrue();
        });

        assertThat(echoed.get().isOk()).isTrue();
        assertThat(server.phoenix().timeline())
                .containsSubsequence("received slow:1 phx_join", "replied slow:1 ok", "received slow:1 echo");
    }

    @Test
    void pushTimesOutWithoutReply() {
        AtomicReference<Reply> silent = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            Channel channel = vu.phoenix().connect("/phoenix").channel("room:1");
            channel.join(Map.of()).await();
            silent.set(channel.push("silent", Map.of(), Duration.ofMillis(200)).await());
        });

        assertThat(silent.get().status()).isEqualTo(Reply.TIMEOUT);
        assertThat(silent.get().elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void pushBeforeJoinRejected() {
        runOnce(options(server.baseUrl()), vu -> {
            Channel channel = vu.phoenix().connect("/phoenix").channel("room:1");
            assertThatThrownBy(() -> channel.push("echo", Map.of())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("join");
        });
    }

    @Test
    void heartbeatSentAfterEachReply() {
        AtomicReference<Boolean> open = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx.heartbeatInterval(Duration.ofMillis(100)));
            vu.sleep(Duration.ofMillis(650));
            open.set(socket.isOpen());
            socket.close();
        });

        assertThat(open.get()).isTrue();
        assertThat(server.phoenix().heartbeats()).isBetween(3, 7);
        assertThat(server.phoenix().received()).allSatisfy(frame -> {
            assertThat(frame.joinRef()).isNull();
            assertThat(frame.topic()).isEqualTo("phoenix");
            assertThat(frame.event()).isEqualTo("heartbeat");
        });
    }

    @Test
    void heartbeatTimeoutClosesSocket() {
        server.phoenix().heartbeatReplies(false);
        AtomicReference<WsClose> close = new AtomicReference<>();
        AtomicReference<PhoenixSocket.State> state = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx
                    .heartbeatInterval(Duration.ofMillis(200))
                    .reconnect(false));
            close.set(socket.closeFuture().get(5, java.util.concurrent.TimeUnit.SECONDS));
            state.set(socket.state());
        });

        assertThat(close.get()).isEqualTo(new WsClose(1000, "heartbeat timeout", true, WsErrorCode.HEARTBEAT_TIMEOUT,
                "no heartbeat reply within 200ms, so the socket was closed"));
        assertThat(state.get()).isEqualTo(PhoenixSocket.State.CLOSED);
        assertThat(server.phoenix().heartbeats()).isEqualTo(1);
        await().atMost(WAIT).until(() -> server.closes().contains(new Close(1000, "heartbeat timeout")));
        assertThat(errorCount(result, "ws", "heartbeat_timeout")).isEqualTo(1);
    }

    @Test
    void heartbeatTimeoutReconnects() {
        server.phoenix().heartbeatReplies(false);
        AtomicReference<Integer> reconnects = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx
                    .heartbeatInterval(Duration.ofMillis(200))
                    .maxReconnectAttempts(1));
            vu.sleep(Duration.ofMillis(500));
            server.phoenix().heartbeatReplies(true);
            await().atMost(WAIT).until(() -> socket.reconnects() == 1);
            reconnects.set(socket.reconnects());
            socket.close();
        });

        assertThat(reconnects.get()).isEqualTo(1);
        assertThat(server.acceptedConnections()).isEqualTo(2);
    }

    @Test
    void reconnectRejoinsAfterServerClose() {
        List<String> socketEvents = new CopyOnWriteArrayList<>();
        PhoenixSocketListener listener = new PhoenixSocketListener() {
            @Override
            public void onOpen(PhoenixSocket socket, boolean reconnected) {
                socketEvents.add("open " + reconnected);
            }

            @Override
            public void onClose(PhoenixSocket socket, WsClose close, boolean willReconnect) {
                socketEvents.add("close " + close.code() + " " + willReconnect);
            }
        };
        AtomicReference<Reply> afterReconnect = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx
                    .reconnectBackoff(Duration.ofMillis(300))
                    .listener(listener));
            Channel room = socket.channel("room:1");
            room.join((JoinPayload) attempt -> Map.of("mounts", attempt)).await();
            room.push("close_socket", Map.of("code", 1011));
            await().atMost(WAIT).until(() -> socket.reconnects() == 1 && room.state() == Channel.State.JOINED);
            afterReconnect.set(room.push("echo", Map.of()).await());
            socket.close();
        });

        List<Frame> joins = server.phoenix().joins();
        assertThat(joins).extracting(frame -> frame.payload().path("mounts").asInt()).containsExactly(0, 1);
        assertThat(joins).extracting(Frame::topic).containsOnly("room:1");
        assertThat(server.upgrades()).hasSize(2);
        long pauseNanos = server.upgrades().get(1).atNanos() - server.upgrades().get(0).atNanos();
        assertThat(Duration.ofNanos(pauseNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(socketEvents).containsExactly("open false", "close 1011 true", "open true", "close 1000 false");
        assertThat(afterReconnect.get().isOk()).isTrue();
    }

    @Test
    void normalServerCloseEndsSocket() {
        AtomicReference<PhoenixSocket.State> socketState = new AtomicReference<>();
        AtomicReference<Channel.State> channelState = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix");
            Channel room = socket.channel("room:1");
            room.join(Map.of()).await();
            room.push("close_socket", Map.of("code", 1000));
            socket.closeFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
            socketState.set(socket.state());
            channelState.set(room.state());
        });

        assertThat(socketState.get()).isEqualTo(PhoenixSocket.State.CLOSED);
        assertThat(channelState.get()).isEqualTo(Channel.State.CLOSED);
        assertThat(server.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void staleJoinRefDropped() {
        AtomicReference<PhoenixMessage> first = new AtomicReference<>();
        AtomicReference<Optional<PhoenixMessage>> second = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            Channel room = vu.phoenix().connect("/phoenix").channel("room:1");
            room.join(Map.of()).await();
            room.push("push_stale", Map.of()).await();
            first.set(room.receive(WAIT).orElseThrow());
            second.set(room.receive(Duration.ofMillis(200)));
        });

        assertThat(first.get().event()).isEqualTo("fresh");
        assertThat(second.get()).isEmpty();
    }

    @Test
    void phxErrorRejoins() {
        List<String> events = new CopyOnWriteArrayList<>();
        ChannelListener listener = new ChannelListener() {
            @Override
            public void onJoin(Channel channel, Reply reply) {
                events.add("join " + reply.status());
            }

            @Override
            public void onError(Channel channel, String reason) {
                events.add("error " + reason);
            }
        };
        AtomicReference<Reply> crashed = new AtomicReference<>();
        AtomicReference<Reply> afterRejoin = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx.rejoinBackoff(Duration.ofMillis(100)));
            Channel room = socket.channel("room:1", listener);
            room.join((JoinPayload) attempt -> Map.of("mounts", attempt)).await();
            crashed.set(room.push("crash", Map.of()).await());
            await().atMost(WAIT).until(() -> room.state() == Channel.State.JOINED && room.joinAttempts() == 2);
            afterRejoin.set(room.push("echo", Map.of()).await());
            socket.close();
        });

        assertThat(crashed.get().status()).isEqualTo(Reply.CHANNEL_LOST);
        assertThat(events).containsExactly("join ok", "error phx_error", "join ok");
        assertThat(server.phoenix().joins()).extracting(frame -> frame.payload().path("mounts").asInt())
                .containsExactly(0, 1);
        assertThat(afterRejoin.get().isOk()).isTrue();
    }

    @Test
    void phxCloseEndsChannel() {
        List<String> closes = new CopyOnWriteArrayList<>();
        AtomicReference<Channel.State> state = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix", phx -> phx.rejoinBackoff(Duration.ofMillis(50)));
            Channel room = socket.channel("room:1", new ChannelListener() {
                @Override
                public void onClose(Channel channel, String reason) {
                    closes.add(reason);
                }
            });
            room.join(Map.of()).await();
            room.push("close_channel", Map.of());
            await().atMost(WAIT).until(() -> room.state() == Channel.State.CLOSED);
            vu.sleep(Duration.ofMillis(200));
            state.set(room.state());
            socket.close();
        });

        assertThat(closes).containsExactly("phx_close");
        assertThat(state.get()).isEqualTo(Channel.State.CLOSED);
        assertThat(server.phoenix().joins()).hasSize(1);
    }

    @Test
    void leaveClosesChannel() {
        AtomicReference<Reply> left = new AtomicReference<>();
        AtomicReference<Reply> joinedAgain = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix");
            Channel room = socket.channel("room:1");
            room.join(Map.of()).await();
            left.set(room.leave().await());
            assertThat(room.state()).isEqualTo(Channel.State.CLOSED);
            joinedAgain.set(socket.channel("room:1").join(Map.of()).await());
            socket.close();
        });

        assertThat(left.get().isOk()).isTrue();
        assertThat(joinedAgain.get().isOk()).isTrue();
        assertThat(server.phoenix().received()).extracting(Frame::event)
                .containsExactly("phx_join", "phx_leave", "phx_join");
    }

    @Test
    void malformedFramesCountedOnce() {
        AtomicReference<PhoenixMessage> after = new AtomicReference<>();
        AtomicReference<Reply> echoed = new AtomicReference<>();

        RunResult result = runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix");
            Channel room = socket.channel("room:1");
            room.join(Map.of()).await();
            room.push("malformed", Map.of()).await();
            room.push("malformed", Map.of()).await();
            after.set(room.receive(WAIT).orElseThrow());
            echoed.set(room.push("echo", Map.of()).await());
            socket.close();
        });

        assertThat(after.get().event()).isEqualTo("after_malformed");
        assertThat(echoed.get().isOk()).isTrue();
        assertThat(ScriptRuns.errors(result, "phoenix", "malformed_frame")).hasSize(3)
                .allSatisfy(error -> assertThat(error.count()).isEqualTo(2));
    }

    @Test
    void binaryFramesDecoded() {
        AtomicReference<PhoenixMessage> pushed = new AtomicReference<>();
        AtomicReference<Reply> binaryReply = new AtomicReference<>();
        AtomicReference<Reply> upload = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> {
            Channel room = vu.phoenix().connect("/phoenix").channel("room:1");
            room.join(Map.of()).await();
            room.push("binary_push", Map.of()).await();
            pushed.set(room.receive(WAIT).orElseThrow());
            binaryReply.set(room.push("binary_reply", Map.of()).await());
            upload.set(room.pushBinary("upload", new byte[] {9, 9, 9, 9}, WAIT).await());
        });

        JsonNode payload = pushed.get().payload();
        assertThat(pushed.get().event()).isEqualTo("bin");
        assertThat(payload.isBinary()).isTrue();
        assertThat(binaryPayload(payload)).containsExactly(1, 2, 3);
        assertThat(binaryReply.get().isOk()).isTrue();
        assertThat(binaryPayload(binaryReply.get().response())).containsExactly(4, 5);
        assertThat(upload.get().response().path("bytes").asInt()).isEqualTo(4);
    }

    @Test
    void connectReturnsOpenSocket() {
        List<PhoenixSocket.State> states = new CopyOnWriteArrayList<>();

        runOnce(options(server.baseUrl()), vu -> {
            for (int i = 0; i < 20; i++) {
                PhoenixSocket socket = vu.phoenix().connect("/phoenix");
                states.add(socket.state());
                socket.close();
            }
        });

        assertThat(states).hasSize(20).containsOnly(PhoenixSocket.State.OPEN);
    }

    @Test
    void rejectedConnectReturnsClosedSocket() {
        List<PhoenixSocket.State> states = new CopyOnWriteArrayList<>();

        runOnce(options(server.baseUrl()), vu -> {
            for (int i = 0; i < 20; i++) {
                states.add(vu.phoenix().connect("/phoenix", phx -> phx
                        .websocket(ws -> ws.origin("http://localhost:1"))).state());
            }
        });

        assertThat(states).hasSize(20).containsOnly(PhoenixSocket.State.CLOSED);
    }

    @Test
    void rejectedUpgradeNotRetried() {
        AtomicReference<PhoenixSocket> rejected = new AtomicReference<>();

        runOnce(options(server.baseUrl()), vu -> rejected.set(vu.phoenix().connect("/phoenix", phx -> phx
                .websocket(ws -> ws.origin("http://localhost:1")))));

        assertThat(rejected.get().status()).isEqualTo(403);
        assertThat(rejected.get().state()).isEqualTo(PhoenixSocket.State.CLOSED);
        assertThat(server.upgrades()).hasSize(1);
    }

    @Test
    void vuEndClosesSockets() {
        runOnce(options(server.baseUrl()), vu -> {
            PhoenixSocket socket = vu.phoenix().connect("/phoenix");
            socket.channel("room:1").join(Map.of()).await();
        });

        await().atMost(WAIT).until(() -> server.openConnections() == 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.closes()).containsExactly(new Close(1000, null)));
    }

    private static byte[] binaryPayload(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
