package io.liveload.demo.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

    @Test
    void nestedNamesBecomeObjects() {
        JsonNode params = FormDecoder.decode("user%5Busername%5D=glenn+r&user%5B_unused_email%5D=", null);

        assertThat(params.get("user").get("username").asText()).isEqualTo("glenn r");
        assertThat(params.get("user").has("_unused_email")).isTrue();
    }

    @Test
    void bracketSuffixCollectsList() {
        JsonNode params = FormDecoder.decode("tags%5B%5D=a&tags%5B%5D=b", null);

        assertThat(params.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void metaTargetBecomesSegmentList() {
        JsonNode meta = JsonNodeFactory.instance.objectNode().put("_target", "user[username]");

        JsonNode params = FormDecoder.decode("user%5Busername%5D=g", meta);

        assertThat(params.get("_target").toString()).isEqualTo("[\"user\",\"username\"]");
    }

    @Test
    void targetInValueBecomesSegmentList() {
        JsonNode params = FormDecoder.decode("user%5Busername%5D=g&_target=user%5Busername%5D", null);

        assertThat(params.get("_target").toString()).isEqualTo("[\"user\",\"username\"]");
    }

    @Test
    void metaOverridesValue() {
        JsonNode meta = JsonNodeFactory.instance.objectNode().put("text", "from meta");

        JsonNode params = FormDecoder.decode("text=from+value", meta);

        assertThat(params.get("text").asText()).isEqualTo("from meta");
    }

    @Test
    void emptyValueGivesEmptyObject() {
        assertThat(FormDecoder.decode("", null).isEmpty()).isTrue();
    }

    @Test
    void invalidEscapeIsKeptAsText() {
        assertThat(FormDecoder.decode("text=100%", null).get("text").asText()).isEqualTo("100%");
    }
}
