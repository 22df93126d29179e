package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedDiffTest {

    /**
     * Dynamic 0 is text, 1 a node, 2 a keyed comprehension of two entries, 3 component 1 and 4 a
     * stream comprehension.
     */
    private static final String JOIN = """
            {'s': ['<main>', '', '', '', '', '</main>'],
             '0': 'text',
             '1': {'s': ['<b>', '/', '</b>'], '0': 'a', '1': 'b'},
             '2': {'s': ['<li>', '</li>'], 'k': {'0': {'0': 'x'}, '1': {'0': 'y'}, 'kc': 2}},
             '3': 1,
             '4': {'s': ['<p id=\\'', '\\'>', '</p>'], 'k': {'kc': 0}, 'stream': ['0', [], []]},
             'c': {'1': {'s': ['<i>', '</i>'], '0': 'component'}}}
            """;

    private static ViewState joined() {
        ViewState view = new ViewState("phx-strict");
        view.join(Json.object(JOIN));
        return view;
    }

    static Stream<Arguments> malformedDiffs() {
        return Stream.of(
                Arguments.of("{'1': {'0': ['not', 'html']}}", "/1/0", "expected a string, a component id or an object"),
                Arguments.of("{'0': 7}", "/0", "Component 7 is used but"),
                Arguments.of("{'0': -1}", "/0", "positive integer"),
                Arguments.of("{'1': {'s': 3, '0': 'a'}, 'p': {'0': ['<u>', '</u>']}}", "/1/s", "Template 3 is missing"),
                Arguments.of("{'1': {'s': 0, '0': 'a'}}", "/1/s", "no template table"),
                Arguments.of("{'1': {'s': ['<u>', '', '</u>'], '0': 'a'}}", "/1", "dynamic 1 is missing"),
                Arguments.of("{'1': {'s': ['<u>', '</u>'], '0': 'a', '1': 'b'}}", "/1/1", "does not fit statics"),
                Arguments.of("{'6': 'x'}", "/6", "dynamic 6 does not exist"),
                Arguments.of("{'0': {'0': 'x'}}", "/0", "the previous value is a string"),
                Arguments.of("{'1': {'s': [1, 2]}}", "/1/s/0", "expected a string"),
                Arguments.of("{'2': {'k': {'0': {'0': 'x'}, 'kc': 3}}}", "/2/k", "entry 2 is neither in this diff"),
                Arguments.of("{'2': {'k': {'0': 5, 'kc': 2}}}", "/2/k/0", "moves from old index 5"),
                Arguments.of("{'2': {'k': {'0': [0], 'kc': 2}}}", "/2/k/0", "expected [old index, diff]"),
                Arguments.of("{'2': {'k': {'kc': 'two'}}}", "/2/k", "\"kc\" must be the entry count"),
                Arguments.of("{'2': {'k': {'3': {'0': 'z'}, 'kc': 2}}}", "/2/k/3", "outside the entry count"),
                Arguments.of("{'1': {'k': {'kc': 0}}}", "/1", "not a comprehension"),
                Arguments.of("{'2': {'d': [['x', 'extra']]}}", "/2/d/0", "expected an array of 1 dynamics"),
                Arguments.of("{'4': {'k': {'0': {'0': 'id', '1': 't'}, 'kc': 1}, 'stream': ['0', [['id', -2, null, false]], []]}}",
                        "/4/stream/1/0", "insert position"),
                Arguments.of("{'4': {'k': {'kc': 0}, 'stream': ['0', [], 'gone']}}", "/4/stream/2", "stream deletes"),
                Arguments.of("{'4': {'k': {'0': {'0': 'id', '1': 't'}, 'kc': 1}}}", "/4", "without a \"stream\" operation"),
                Arguments.of("{'c': {'2': {'0': 'x'}}}", "/c/2", "component 2 is new"),
                Arguments.of("{'c': {'2': {'s': -5, '0': 'x'}}}", "/c/2/s", "previous component 5"),
                Arguments.of("{'c': {'2': {'s': 3, '0': 'x'}}}", "/c/2/s", "component 3, which is not in this message"),
                Arguments.of("{'c': {'2': {'s': 3}, '3': {'s': 2}}}", "/c/2", "takes its statics from itself"),
                Arguments.of("{'c': {'x': {'s': ['<b>', '</b>'], '0': 'x'}}}", "/c/x", "positive integer key"),
                Arguments.of("{'c': []}", "/c", "expected an object of component diffs"),
                Arguments.of("{'t': 5}", "/t", "Invalid title"),
                Arguments.of("{'e': [['tick']]}", "/e/0", "Invalid event"),
                Arguments.of("{'e': {'tick': {}}}", "/e", "Invalid events"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDiffs")
    void malformedDiffNamesPath(String diff, String path, String problem) {
        ViewState view = joined();

        RenderException error = catchThrowableOfType(RenderException.class, () -> view.merge(Json.object(diff)));

        assertThat(error).as(diff).isNotNull();
        assertThat(error.path()).as(diff).isEqualTo(path);
        assertThat(error).as(diff).hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDiffs")
    void malformedDiffLeavesStateUnchanged(String diff, String path, String problem) {
        String valid = """
                {'0': 'next', '1': {'1': 'B'}, '2': {'k': {'0': 1, '1': 0, 'kc': 2}},
                 '4': {'k': {'0': {'0': 's1', '1': 'one'}, 'kc': 1}, 'stream': ['0', [['s1', -1, null, false]], []]},
                 'c': {'1': {'0': 'C'}}, 't': 'Next'}
                """;
        ViewState untouched = joined();
        untouched.merge(Json.object(valid));
        ViewState view = joined();

        assertThatThrownBy(() -> view.merge(Json.object(diff))).isInstanceOf(RenderException.class);
        view.merge(Json.object(valid));

        assertThat(view.html()).as(diff).isEqualTo(untouched.html());
        assertThat(view.title()).as(diff).isEqualTo("Next");
    }

    @Test
    void failedMergeKeepsEarlierValidParts() {
        ViewState view = joined();
        String before = view.html();

        assertThatThrownBy(() -> view.merge(Json.object("{'0': 'changed', 'c': {'1': {'0': 'changed'}}, 't': 'New', '1': {'0': []}}")))
                .isInstanceOf(RenderException.class);

        assertThat(view.html()).isEqualTo(before);
        assertThat(view.title()).isNull();
    }

    @Test
    void failedMergeLeavesStreamsUntouched() {
        ViewState view = joined();
        view.merge(Json.object("{'4': {'k': {'0': {'0': 's1', '1': 'one'}, 'kc': 1}, 'stream': ['0', [['s1', -1, null, false]], []]}}"));
        String before = view.html();

        assertThatThrownBy(() -> view.merge(Json.object(
                "{'4': {'k': {'kc': 0}, 'stream': ['0', [], ['s1']]}, '0': 7}")))
                .isInstanceOf(RenderException.class);

        assertThat(view.html()).isEqualTo(before);
    }

    @Test
    void laterValidDiffApplies() {
        ViewState view = joined();
        assertThatThrownBy(() -> view.merge(Json.object("{'0': 'changed', '1': {'0': []}}")))
                .isInstanceOf(RenderException.class);

        view.merge(Json.object("{'1': {'1': 'B'}}"));

        assertThat(view.html()).contains("<b>a/B</b>");
        assertThat(view.html()).contains("text");
    }

    @Test
    void failedJoinKeepsPreviousView() {
        ViewState view = joined();
        String before = view.html();

        assertThatThrownBy(() -> view.join(Json.object("{'s': ['<p>', '</p>']}")))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("dynamic 0 is missing");

        assertThat(view.html()).isEqualTo(before);
    }

    @Test
    void joinWithoutStaticsIsRejected() {
        ViewState view = new ViewState("phx-strict");

        RenderException error = catchThrowableOfType(RenderException.class, () -> view.join(Json.object("{'0': 'x'}")));

        assertThat(error).hasMessageContaining("must carry the root statics");
    }

    @Test
    void componentWithoutElementFailsHtml() {
        ViewState view = new ViewState("phx-strict");
        view.join(Json.object("{'s': ['<main>', '</main>'], '0': 1, 'c': {'1': {'s': ['just text']}}}"));

        RenderException error = catchThrowableOfType(RenderException.class, view::html);

        assertThat(error.path()).isEqualTo("/c/1");
        assertThat(error).hasMessageContaining("must render an HTML element first");
    }

    @Test
    void removedComponentStillUsedFailsHtml() {
        ViewState view = joined();
        view.removeComponents(java.util.List.of(1));

        RenderException error = catchThrowableOfType(RenderException.class, view::html);

        assertThat(error).hasMessageContaining("Component 1 is rendered but not in the component map");
    }
}
