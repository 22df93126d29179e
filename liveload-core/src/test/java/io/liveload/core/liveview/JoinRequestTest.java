package io.liveload.core.liveview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JoinRequestTest {

    private static final Map<String, Object> APP_PARAMS = new LinkedHashMap<>(Map.of("_csrf_token", "csrf"));

    @Test
    void pageLoadJoinHasUrlAndCounters() {
        JoinRequest request = new JoinRequest("http://127.0.0.1:4000/counter", null, APP_PARAMS,
                List.of("http://127.0.0.1:4000/app.js"), 0, 0, null, "session", "static", null, false);

        assertThat(request.payload(ClientDialect.LATEST).toString()).isEqualTo("{\"url\":\"http://127.0.0.1:4000/counter\","
                + "\"params\":{\"_csrf_token\":\"csrf\",\"_track_static\":[\"http://127.0.0.1:4000/app.js\"],"
                + "\"_mounts\":0,\"_mount_attempts\":0},\"session\":\"session\",\"static\":\"static\",\"sticky\":false}");
    }

    @Test
    void navigationJoinHasRedirectRefererAndFlash() {
        JoinRequest request = new JoinRequest(null, "http://h/other", APP_PARAMS, List.of(), 0, 0, "http://h/counter",
                "session", null, "flash-token", false);

        assertThat(request.payload(ClientDialect.LATEST).toString()).isEqualTo("{\"redirect\":\"http://h/other\","
                + "\"params\":{\"_csrf_token\":\"csrf\",\"_mounts\":0,\"_mount_attempts\":0,"
                + "\"_live_referer\":\"http://h/counter\"},\"session\":\"session\",\"static\":null,"
                + "\"flash\":\"flash-token\",\"sticky\":false}");
    }

    @Test
    void rejoinCountsMounts() {
        JoinRequest request = new JoinRequest(null, null, APP_PARAMS, List.of(), 1, 2, null, "s", "", null, true);

        assertThat(request.payload(ClientDialect.LATEST).get("params").get("_mounts").asInt()).isEqualTo(1);
        assertThat(request.payload(ClientDialect.LATEST).get("params").get("_mount_attempts").asInt()).isEqualTo(2);
        assertThat(request.payload(ClientDialect.LATEST).get("static").isNull()).isTrue();
        assertThat(request.payload(ClientDialect.LATEST).get("sticky").asBoolean()).isTrue();
    }

    @Test
    void oldClientsSendFewerKeys() {
        JoinRequest request = new JoinRequest("http://h/", null, APP_PARAMS, List.of(), 0, 0, null, "s", "t", null, false);

        assertThat(request.payload(ClientDialect.of("0.20.17")).toString()).isEqualTo("{\"url\":\"http://h/\","
                + "\"params\":{\"_csrf_token\":\"csrf\",\"_mounts\":0},\"session\":\"s\",\"static\":\"t\"}");
    }

    @Test
    void dialectFollowsVersion() {
        assertThat(ClientDialect.of("0.20.17")).isEqualTo(new ClientDialect(false, false, false, false));
        assertThat(ClientDialect.of("1.0.5")).isEqualTo(new ClientDialect(true, false, false, true));
        assertThat(ClientDialect.of("1.0.6")).isEqualTo(new ClientDialect(true, false, true, true));
        assertThat(ClientDialect.of("1.0.10")).isEqualTo(ClientDialect.LATEST);
        assertThat(ClientDialect.of("1.2.10-rc.1")).isEqualTo(ClientDialect.LATEST);
        assertThat(ClientDialect.of("unknown")).isEqualTo(ClientDialect.LATEST);
        assertThat(ClientDialect.of(null)).isEqualTo(ClientDialect.LATEST);
    }
}
