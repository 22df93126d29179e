package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StartTagsTest {

    static Stream<Arguments> elementIds() {
        return Stream.of(
                Arguments.of("<li id=\"a\">x</li>", "a"),
                Arguments.of("<li class=\"c\" id='b'>x</li>", "b"),
                Arguments.of("<li data-id=\"no\" id=c>x</li>", "c"),
                Arguments.of("  <!-- <p id=\"no\"> -->\n<li id=\"d\">", "d"),
                Arguments.of("text <b id=\"e\">", "e"),
                Arguments.of("<li hidden id = \"f\">", "f"),
                Arguments.of("<img src=\"x\"/ id=\"g\">", "g"),
                Arguments.of("<li id=\"a&amp;b\">", "a&b"),
                Arguments.of("<li id=\"unclosed", "unclosed"),
                Arguments.of("<li data-x=\"id=z\">", null),
                Arguments.of("<li>", null),
                Arguments.of("plain text", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementIds")
    void firstElementIdReadsAttribute(String html, String id) {
        assertThat(StartTags.firstElementId(html)).isEqualTo(id);
    }

    static Stream<Arguments> insertPoints() {
        return Stream.of(
                Arguments.of("<b>x</b>", 2),
                Arguments.of("\n  <section id=\"s\">", 11),
                Arguments.of("<!-- c --><p/>", 12),
                Arguments.of("text<b>", -1),
                Arguments.of("<!-- never closed", -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertPoints")
    void afterFirstTagNameFindsInsertPoint(String html, int index) {
        assertThat(StartTags.afterFirstTagName(html, 0)).isEqualTo(index);
    }
}
