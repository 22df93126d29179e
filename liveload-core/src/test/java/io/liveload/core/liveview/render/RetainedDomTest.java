package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class RetainedDomTest {

    /** Returns a view with a chart ignored by patches: dynamic 0 is its class, 1 its data-value, 2 its content. */
    private static ViewState chart() {
        ViewState view = new ViewState("phx-chart");
        view.join(Json.object("""
                {'s': ['<div id=\\'chart\\' phx-update=\\'ignore\\' class=\\'', '\\' data-value=\\'', '\\'>', '</div><p id=\\'count\\'>', '</p>'],
                 '0': 'small', '1': '1', '2': '<canvas></canvas>', '3': '1'}
                """));
        return view;
    }

    private static Element chartElement(ViewState view) {
        return view.element().getElementById("chart");
    }

    @Test
    void ignoredElementKeepsChildren() {
        ViewState view = chart();
        view.html();

        view.merge(Json.object("{'2': '<table></table>', '3': '2'}"));

        assertThat(chartElement(view).html()).isEqualTo("<canvas></canvas>");
    }

    @Test
    void ignoredElementKeepsOtherAttributes() {
        ViewState view = chart();

        view.merge(Json.object("{'0': 'large'}"));

        assertThat(chartElement(view).attr("class")).isEqualTo("small");
    }

    @Test
    void ignoredElementFollowsDataAttributes() {
        ViewState view = chart();

        view.merge(Json.object("{'1': '2'}"));

        assertThat(chartElement(view).attr("data-value")).isEqualTo("2");
    }

    @Test
    void ignoredElementCapturedWhenMerged() {
        ViewState view = chart();

        view.merge(Json.object("{'2': '<table></table>'}"));

        assertThat(chartElement(view).html()).isEqualTo("<canvas></canvas>");
    }

    @Test
    void siblingsStillUpdate() {
        ViewState view = chart();

        view.merge(Json.object("{'2': '<table></table>', '3': '2'}"));

        assertThat(view.element().getElementById("count").text()).isEqualTo("2");
    }

    @Test
    void ignoredElementStartsAfreshAfterLeaving() {
        ViewState view = new ViewState("phx-toggle");
        view.join(Json.object("{'s': ['<main>', '</main>'], '0': {'s': ['<div id=\\'box\\' phx-update=\\'ignore\\'>', '</div>'], '0': 'first'}}"));
        view.html();
        view.merge(Json.object("{'0': ''}"));
        view.html();

        view.merge(Json.object("{'0': {'s': ['<div id=\\'box\\' phx-update=\\'ignore\\'>', '</div>'], '0': 'second'}}"));

        assertThat(view.element().getElementById("box").text()).isEqualTo("second");
    }

    /** Returns a view with a legacy append container, fed by a comprehension of only new messages. */
    private static ViewState chat(String mode) {
        ViewState view = new ViewState("phx-chat");
        view.join(Json.object("""
                {'s': ['<ul id=\\'messages\\' phx-update=\\'%s\\'>', '</ul>'],
                 '0': {'s': ['<li id=\\'', '\\'>', '</li>'], 'd': [['m1', 'hello'], ['m2', 'hi']]}}
                """.formatted(mode)));
        return view;
    }

    private static List<String> messageIds(ViewState view) {
        return view.element().getElementById("messages").children().stream().map(Element::id).toList();
    }

    @Test
    void appendKeepsOldChildren() {
        ViewState view = chat("append");

        view.merge(Json.object("{'0': {'d': [['m3', 'bye']]}}"));

        assertThat(messageIds(view)).containsExactly("m1", "m2", "m3");
    }

    @Test
    void appendKeepsChildrenAcrossUnreadMessages() {
        ViewState view = chat("append");

        view.merge(Json.object("{'0': {'d': [['m3', 'bye']]}}"));
        view.merge(Json.object("{'0': {'d': [['m4', 'later']]}}"));

        assertThat(messageIds(view)).containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void appendUpdatesChildInPlace() {
        ViewState view = chat("append");

        view.merge(Json.object("{'0': {'d': [['m1', 'HELLO'], ['m3', 'bye']]}}"));

        assertThat(view.element().getElementById("m1").text()).isEqualTo("HELLO");
        assertThat(messageIds(view)).containsExactly("m1", "m2", "m3");
    }

    @Test
    void prependPutsNewChildrenFirst() {
        ViewState view = chat("prepend");

        view.merge(Json.object("{'0': {'d': [['m3', 'newer'], ['m4', 'newest']]}}"));

        assertThat(messageIds(view)).containsExactly("m3", "m4", "m1", "m2");
    }

    @Test
    void rejoinDropsAppendedChildren() {
        ViewState view = chat("append");
        view.merge(Json.object("{'0': {'d': [['m3', 'bye']]}}"));

        view.join(Json.object("""
                {'s': ['<ul id=\\'messages\\' phx-update=\\'append\\'>', '</ul>'],
                 '0': {'s': ['<li id=\\'', '\\'>', '</li>'], 'd': [['m9', 'again']]}}
                """));

        assertThat(messageIds(view)).containsExactly("m9");
    }

    @Test
    void declarationNeedsKeptValue() {
        assertThat(RetainedDom.mayDeclare("<ul id=\"a\" phx-update=\"stream\"><li phx-update=\"replace\"></li></ul>")).isFalse();
    }

    @Test
    void declarationByValue() {
        assertThat(RetainedDom.mayDeclare("<div id=\"a\" phx-update=\"prepend\">")).isTrue();
    }

    @Test
    void declarationByDynamicValue() {
        assertThat(RetainedDom.mayDeclare("<div id=\"a\" phx-update=\"")).isTrue();
    }

    @Test
    void dynamicValueIgnoredElementIsKept() {
        ViewState view = new ViewState("phx-dynamic");
        view.join(Json.object("{'s': ['<div id=\\'box\\' phx-update=\\'', '\\'>', '</div>'], '0': 'ignore', '1': 'first'}"));

        view.merge(Json.object("{'1': 'second'}"));

        assertThat(view.element().getElementById("box").text()).isEqualTo("first");
    }
}
