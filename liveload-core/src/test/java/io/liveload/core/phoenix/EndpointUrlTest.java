package io.liveload.core.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointUrlTest {

    @Test
    void websocketAppendedAndVsnLast() {
        assertThat(PhoenixClient.endpointUrl("/socket", Map.of())).isEqualTo("/socket/websocket?vsn=2.0.0");
    }

    @Test
    void websocketPathKept() {
        assertThat(PhoenixClient.endpointUrl("/live/websocket", Map.of())).isEqualTo("/live/websocket?vsn=2.0.0");
    }

    @Test
    void existingQueryKept() {
        assertThat(PhoenixClient.endpointUrl("ws://127.0.0.1:4000/live?a=1", Map.of()))
                .isEqualTo("ws://127.0.0.1:4000/live/websocket?a=1&vsn=2.0.0");
    }

    @Test
    void paramsEncodedAsPhoenixJs() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("_csrf_token", "a b+c");
        params.put("user", Map.of("id", 7));
        params.put("_track_static", List.of("x", "y"));

        String url = PhoenixClient.endpointUrl("/live", params);

        assertThat(url).isEqualTo("/live/websocket?_csrf_token=a%20b%2Bc&user%5Bid%5D=7"
                + "&_track_static%5B0%5D=x&_track_static%5B1%5D=y&vsn=2.0.0");
    }

    @Test
    void uriComponentKeepsUnreservedMarks() {
        assertThat(PhoenixClient.encodeUriComponent("-_.!~*'()é")).isEqualTo("-_.!~*'()%C3%A9");
    }
}
