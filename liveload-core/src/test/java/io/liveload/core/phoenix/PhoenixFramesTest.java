package io.liveload.core.phoenix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import io.liveload.core.phoenix.MalformedFrameException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PhoenixFramesTest {

    @Test
    void textFrameEncoded() {
        String payload = PhoenixFrames.payloadJson(Map.of("body", "say \"hi\""));

        String frame = PhoenixFrames.frame("1", "2", "room:1", "new_msg", payload);

        assertThat(frame).isEqualTo("[\"1\",\"2\",\"room:1\",\"new_msg\",{\"body\":\"say \\\"hi\\\"\"}]");
    }

    @Test
    void heartbeatFrameHasNullJoinRef() {
        String frame = PhoenixFrames.frame(null, "7", "phoenix", "heartbeat", PhoenixFrames.EMPTY_OBJECT);

        assertThat(frame).isEqualTo("[null,\"7\",\"phoenix\",\"heartbeat\",{}]");
    }

    @Test
    void nullPayloadIsEmptyObject() {
        assertThat(PhoenixFrames.payloadJson(null)).isEqualTo("{}");
    }

    @Test
    void stringPayloadTakenAsJson() {
        assertThat(PhoenixFrames.payloadJson("{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> PhoenixFrames.payloadJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textFrameDecoded() throws Exception {
        PhoenixMessage message = PhoenixFrames.decode("[\"1\",null,\"room:1\",\"shout\",{\"a\":2}]");

        assertThat(message.joinRef()).isEqualTo("1");
        assertThat(message.ref()).isNull();
        assertThat(message.topic()).isEqualTo("room:1");
        assertThat(message.event()).isEqualTo("shout");
        assertThat(message.payload().path("a").asInt()).isEqualTo(2);
    }

    @Test
    void malformedTextFramesClassified() {
        assertKind("{oops", Kind.INVALID_JSON);
        assertKind("{\"a\":1}", Kind.WRONG_SHAPE);
        assertKind("[1,2,3]", Kind.WRONG_SHAPE);
        assertKind("[null,null,5,\"x\",{}]", Kind.WRONG_TYPES);
        assertKind("[{},null,\"t\",\"x\",{}]", Kind.WRONG_TYPES);
    }

    @Test
    void binaryPushDecoded() throws Exception {
        byte[] frame = concat(new byte[] {0, 1, 6, 3}, "1room:1bin", new byte[] {1, 2});

        PhoenixMessage message = PhoenixFrames.decode(frame);

        assertThat(message.joinRef()).isEqualTo("1");
        assertThat(message.ref()).isNull();
        assertThat(message.topic()).isEqualTo("room:1");
        assertThat(message.event()).isEqualTo("bin");
        assertThat(message.payload().binaryValue()).containsExactly(1, 2);
    }

    @Test
    void binaryReplyDecoded() throws Exception {
        byte[] frame = concat(new byte[] {1, 1, 2, 6, 2}, "112room:1ok", new byte[] {3});

        PhoenixMessage message = PhoenixFrames.decode(frame);

        assertThat(message.ref()).isEqualTo("12");
        assertThat(message.event()).isEqualTo("phx_reply");
        assertThat(message.payload().path("status").asText()).isEqualTo("ok");
        assertThat(message.payload().path("response").binaryValue()).containsExactly(3);
    }

    @Test
    void binaryBroadcastDecoded() throws Exception {
        byte[] frame = concat(new byte[] {2, 6, 4}, "room:1news", new byte[] {});

        PhoenixMessage message = PhoenixFrames.decode(frame);

        assertThat(message.joinRef()).isNull();
        assertThat(message.topic()).isEqualTo("room:1");
        assertThat(message.event()).isEqualTo("news");
        assertThat(message.payload().binaryValue()).isEmpty();
    }

    @Test
    void malformedBinaryFramesClassified() {
        assertKind(new byte[] {}, Kind.SHORT_BINARY);
        assertKind(new byte[] {0, 9, 1, 1, 65}, Kind.SHORT_BINARY);
        assertKind(new byte[] {7, 0, 0}, Kind.UNKNOWN_BINARY_KIND);
    }

    @Test
    void binaryPushEncoded() {
        byte[] frame = PhoenixFrames.binaryFrame("1", "23", "t", "up", new byte[] {5});

        assertThat(frame).containsExactly(concat(new byte[] {0, 1, 2, 1, 2}, "123tup", new byte[] {5}));
    }

    private static void assertKind(String text, Kind expected) {
        assertThatThrownBy(() -> PhoenixFrames.decode(text)).isInstanceOfSatisfying(MalformedFrameException.class,
                error -> assertThat(error.kind).isEqualTo(expected));
    }

    private static void assertKind(byte[] frame, Kind expected) {
        assertThatThrownBy(() -> PhoenixFrames.decode(frame)).isInstanceOfSatisfying(MalformedFrameException.class,
                error -> assertThat(error.kind).isEqualTo(expected));
    }

    private static byte[] concat(byte[] header, String fields, byte[] payload) {
        byte[] text = fields.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[header.length + text.length + payload.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(text, 0, frame, header.length, text.length);
        System.arraycopy(payload, 0, frame, header.length + text.length, payload.length);
        return frame;
    }

    @Test
    void threadsShareParseBuffers() throws InterruptedException {
        RecyclerPool<BufferRecycler> pool = PhoenixFrames.JSON.getFactory()._getRecyclerPool();
        pool.clear();
        BufferRecycler released = pool.acquirePooled();
        pool.releasePooled(released);
        AtomicReference<BufferRecycler> acquired = new AtomicReference<>();

        Thread reader = new Thread(() -> {
            BufferRecycler recycler = pool.acquirePooled();
            acquired.set(recycler);
            pool.releasePooled(recycler);
        });
        reader.start();
        reader.join();

        assertThat(acquired.get()).isSameAs(released);
        assertThat(pool.pooledCount()).isEqualTo(1);
    }
}
