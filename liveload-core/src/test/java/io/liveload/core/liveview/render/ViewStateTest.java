package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewStateTest {

    private static ViewState joined(String rendered) {
        ViewState view = new ViewState("phx-view");
        view.join(Json.object(rendered));
        return view;
    }

    @Test
    void dynamicSwitchesBetweenKinds() {
        ViewState view = joined("{'s': ['<main>', '</main>'], '0': 'text', 'c': {'1': {'s': ['<b>', '</b>'], '0': 'component'}}}");

        view.merge(Json.object("{'0': 1}"));
        String asComponent = view.html();
        view.merge(Json.object("{'0': {'s': ['<i>', '</i>'], '0': 'node'}}"));
        String asNode = view.html();
        view.merge(Json.object("{'0': 'text again'}"));

        assertThat(asComponent).isEqualTo("<main><b data-phx-component=\"1\">component</b></main>");
        assertThat(asNode).isEqualTo("<main><i>node</i></main>");
        assertThat(view.html()).isEqualTo("<main>text again</main>");
    }

    @Test
    void nestedDiffChangesOnlyItsDynamic() {
        ViewState view = joined("{'s': ['<p>', '|', '</p>'], '0': {'s': ['<b>', '/', '</b>'], '0': 'a', '1': 'b'}, '1': 'c'}");

        view.merge(Json.object("{'0': {'1': 'B'}}"));

        assertThat(view.html()).isEqualTo("<p><b>a/B</b>|c</p>");
    }

    @Test
    void titleIsNullUntilSet() {
        ViewState view = joined("{'s': ['x']}");

        assertThat(view.title()).isNull();
    }

    @Test
    void titleKeepsLastValue() {
        ViewState view = joined("{'s': ['x'], 't': 'First'}");

        view.merge(Json.object("{'t': 'Second'}"));
        view.merge(Json.object("{}"));

        assertThat(view.title()).isEqualTo("Second");
    }

    @Test
    void resultCarriesTitle() {
        ViewState view = joined("{'s': ['x']}");

        MergeResult result = view.merge(Json.object("{'t': 'Songs'}"));

        assertThat(result.title()).isEqualTo("Songs");
    }

    @Test
    void eventsKeepOrderAndPayloads() {
        ViewState view = joined("{'s': ['x']}");

        MergeResult result = view.merge(Json.object("{'e': [['first', {'n': 1}], ['second', {'n': 2}, true]]}"));

        assertThat(result.events()).extracting(PushEvent::name).containsExactly("first", "second");
        assertThat(result.events()).extracting(event -> event.payload().get("n").asInt()).containsExactly(1, 2);
        assertThat(result.events()).extracting(PushEvent::dispatchBeforePatch).containsExactly(false, true);
    }

    @Test
    void joinReturnsEvents() {
        ViewState view = new ViewState("phx-view");

        MergeResult result = view.join(Json.object("{'s': ['x'], 'e': [['mounted', {}]]}"));

        assertThat(result.events()).extracting(PushEvent::name).containsExactly("mounted");
    }

    @Test
    void objectReplyIsHookReply() {
        ViewState view = joined("{'s': ['x']}");

        MergeResult result = view.merge(Json.object("{'r': {'started': 5}}"));

        assertThat(result.hookReply().get("started").asInt()).isEqualTo(5);
    }

    @Test
    void rootFlagIsNoReply() {
        ViewState view = new ViewState("phx-view");

        MergeResult result = view.join(Json.object("{'s': ['<div>', '</div>'], '0': 'x', 'r': 1}"));

        assertThat(result.hookReply()).isNull();
    }

    @Test
    void rootFlagInNodesIsIgnored() {
        ViewState view = joined("{'s': ['<div>', '</div>'], '0': {'s': ['<b>', '</b>'], '0': 'x', 'r': 1}}");

        assertThat(view.html()).isEqualTo("<div><b>x</b></div>");
    }

    @Test
    void inputIsNotModified() {
        ViewState view = joined("{'s': ['<div>', '</div>'], '0': 'x'}");
        String diff = "{'0': {'s': 0, '0': 'y'}, 'p': {'0': ['<b>', '</b>']}, 't': 'T', 'e': [['e', {}]]}";

        var json = Json.object(diff);
        view.merge(json);

        assertThat(json).isEqualTo(Json.object(diff));
    }

    @Test
    void mergeBeforeJoinIsRejected() {
        ViewState view = new ViewState("phx-view");

        assertThatThrownBy(() -> view.merge(Json.object("{'0': 'x'}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not joined");
    }

    @Test
    void blankIdIsRejected() {
        assertThatThrownBy(() -> new ViewState(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
    }

    @Test
    void elementParsesHtml() {
        ViewState view = joined("{'s': ['<p id=\\'greeting\\'>', '</p>'], '0': 'hello'}");

        assertThat(view.element().getElementById("greeting").text()).isEqualTo("hello");
    }

    @Test
    void elementIsCachedUntilChange() {
        ViewState view = joined("{'s': ['<p>', '</p>'], '0': 'a'}");

        var first = view.element();
        var unchanged = view.element();
        view.merge(Json.object("{'0': 'b'}"));

        assertThat(unchanged).isSameAs(first);
        assertThat(view.element()).isNotSameAs(first);
    }
}
