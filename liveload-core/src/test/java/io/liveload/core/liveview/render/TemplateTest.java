package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void rootTableResolvesEveryNode() {
        ViewState view = new ViewState("phx-root");

        view.join(Json.object("""
                {'s': 0, '0': {'s': 1, '0': 'x'}, '1': {'s': 1, '0': 'y'},
                 'p': {'0': ['<div>', '', '</div>'], '1': ['<b>', '</b>']}}
                """));

        assertThat(view.html()).isEqualTo("<div><b>x</b><b>y</b></div>");
    }

    @Test
    void diffTableResolvesNewNodes() {
        ViewState view = new ViewState("phx-root");
        view.join(Json.object("{'s': 0, '0': '', 'p': {'0': ['<div>', '</div>']}}"));

        view.merge(Json.object("{'0': {'s': 0, '0': 'err'}, 'p': {'0': ['<span>', '</span>']}}"));

        assertThat(view.html()).isEqualTo("<div><span>err</span></div>");
    }

    @Test
    void comprehensionTableResolvesEntries() {
        ViewState view = new ViewState("phx-list");

        view.join(Json.object("""
                {'s': ['<ul>', '</ul>'],
                 '0': {'s': ['<li>', '</li>'], 'd': [[{'s': 0, '0': 'a'}], [{'s': 0, '0': 'b'}]],
                       'p': {'0': ['<i>', '</i>']}}}
                """));

        assertThat(view.html()).isEqualTo("<ul><li><i>a</i></li><li><i>b</i></li></ul>");
    }

    @Test
    void enclosingTableWinsOverInner() {
        ViewState view = new ViewState("phx-list");

        view.join(Json.object("""
                {'s': 0, 'p': {'0': ['<ul>', '</ul>'], '1': ['<li>', '</li>'], '2': ['<b>', '</b>']},
                 '0': {'s': 1, 'k': {'0': {'0': {'s': 2, '0': 'a'}}, 'kc': 1},
                       'p': {'2': ['<i>', '</i>']}}}
                """));

        assertThat(view.html()).isEqualTo("<ul><li><b>a</b></li></ul>");
    }

    @Test
    void tableDoesNotOutliveItsMessage() {
        ViewState view = new ViewState("phx-root");
        view.join(Json.object("{'s': 0, '0': '', 'p': {'0': ['<div>', '</div>']}}"));

        assertThatThrownBy(() -> view.merge(Json.object("{'0': {'s': 0, '0': 'x'}}")))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("no template table");
    }

    @Test
    void componentStaticsReferenceIsNoTemplate() {
        ViewState view = new ViewState("phx-root");

        view.join(Json.object("""
                {'s': 0, '0': 1, '1': 2, 'p': {'0': ['<main>', '', '</main>'], '1': ['<em>template</em>']},
                 'c': {'1': {'s': ['<p>', '</p>'], '0': 'one'}, '2': {'s': 1, '0': 'two'}}}
                """));

        assertThat(view.html()).isEqualTo("<main><p data-phx-component=\"1\">one</p><p data-phx-component=\"2\">two</p></main>");
    }
}
