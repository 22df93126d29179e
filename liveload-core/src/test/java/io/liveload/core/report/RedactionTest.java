package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void urlUserInfoReplaced() {
        assertThat(Redaction.url("http://admin:hunter2@127.0.0.1:8080/path?q=1"))
                .isEqualTo("http://[redacted]@127.0.0.1:8080/path?q=1");
    }

    @Test
    void urlWithoutUserInfoKept() {
        assertThat(Redaction.url("http://127.0.0.1:8080/users/@me")).isEqualTo("http://127.0.0.1:8080/users/@me");
    }

    @Test
    void plainTextKept() {
        assertThat(Redaction.url("ops@example.test")).isEqualTo("ops@example.test");
    }

    @Test
    void secretKeysRedacted() {
        for (String key : new String[] {"Authorization", "API_TOKEN", "db_password", "SESSION_ID", "apiKey",
                "Cookie", "client_secret", "PRIVATE_KEY_PATH"}) {
            assertThat(Redaction.value(key, "visible")).as(key).isEqualTo(Redaction.REDACTED);
        }
    }

    @Test
    void plainKeysKept() {
        for (String key : new String[] {"USERS", "BASE_URL", "region", "env"}) {
            assertThat(Redaction.value(key, "visible")).as(key).isEqualTo("visible");
        }
    }

    @Test
    void authorizationValuesRedacted() {
        assertThat(Redaction.value("X_UPSTREAM", "Bearer eyJhbGciOi")).isEqualTo(Redaction.REDACTED);
        assertThat(Redaction.value("X_UPSTREAM", "Basic YWRtaW46aHVudGVyMg==")).isEqualTo(Redaction.REDACTED);
    }

    @Test
    void urlValuesLoseUserInfo() {
        assertThat(Redaction.value("TARGET", "https://user:pw@127.0.0.1/")).isEqualTo("https://[redacted]@127.0.0.1/");
    }

    @Test
    void secretQueryParametersRedacted() {
        assertThat(Redaction.url("http://127.0.0.1/api?page=2&access_token=abc&q=x#top"))
                .isEqualTo("http://127.0.0.1/api?page=2&access_token=[redacted]&q=x#top");
    }

    @Test
    void plainQueryKept() {
        assertThat(Redaction.url("/search?q=load&page=2")).isEqualTo("/search?q=load&page=2");
    }

    @Test
    void headerCredentialsInMessagesRedacted() {
        assertThat(Redaction.message("401 for Authorization: Bearer eyJhbGciOi.x-y_z, retrying"))
                .isEqualTo("401 for Authorization: Bearer [redacted], retrying");
    }

    @Test
    void plainMessagesKept() {
        assertThat(Redaction.message("connection refused")).isEqualTo("connection refused");
    }
}
