package io.liveload.core.liveview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsCommandTest {

    @Test
    void plainNameIsOnePush() {
        List<JsCommand> commands = JsCommand.parse("inc");

        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).kind()).isEqualTo("push");
        assertThat(commands.get(0).text("event")).isEqualTo("inc");
    }

    @Test
    void commandListParsedInOrder() {
        List<JsCommand> commands = JsCommand.parse("""
                [["push",{"event":"inc","value":{"id":"7"},"target":1}],["hide",{"to":"#m"}],["navigate",{"href":"/x"}]]
                """);

        assertThat(commands).extracting(JsCommand::kind).containsExactly("push", "hide", "navigate");
        assertThat(commands.get(0).args().get("value").get("id").asText()).isEqualTo("7");
        assertThat(commands.get(0).args().get("target").asInt()).isEqualTo(1);
        assertThat(commands.get(2).text("href")).isEqualTo("/x");
    }

    @Test
    void commandWithoutArgsGetsEmptyArgs() {
        assertThat(JsCommand.parse("[[\"exec\"]]").get(0).args().isEmpty()).isTrue();
    }

    @Test
    void brokenListRejected() {
        assertThatThrownBy(() -> JsCommand.parse("[[\"push\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> JsCommand.parse("[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[kind, {args}]");
    }
}
