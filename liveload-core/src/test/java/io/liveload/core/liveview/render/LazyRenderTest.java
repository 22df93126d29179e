package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Merging must not render: a load generator receives many diffs it never looks at. */
class LazyRenderTest {

    private static ViewState counter() {
        ViewState view = new ViewState("phx-counter");
        view.join(Json.object("""
                {'s': ['<span id=\\'count\\'>', '</span>', ''], '0': '0', '1': 1,
                 'c': {'1': {'s': ['<b>', '</b>'], '0': 'component'}}}
                """));
        return view;
    }

    @Test
    void joinDoesNotRender() {
        assertThat(counter().renderCount()).isZero();
    }

    @Test
    void mergesDoNotRender() {
        ViewState view = counter();

        for (int i = 1; i <= 1000; i++) {
            view.merge(Json.object("{'0': '" + i + "', 'c': {'1': {'0': 'c" + i + "'}}}"));
        }

        assertThat(view.renderCount()).isZero();
    }

    @Test
    void htmlRendersOnceAfterChanges() {
        ViewState view = counter();
        for (int i = 1; i <= 10; i++) {
            view.merge(Json.object("{'0': '" + i + "'}"));
        }

        view.html();
        view.html();
        view.element();

        assertThat(view.renderCount()).isEqualTo(1);
    }

    @Test
    void htmlShowsLastMerge() {
        ViewState view = counter();
        for (int i = 1; i <= 10; i++) {
            view.merge(Json.object("{'0': '" + i + "'}"));
        }

        assertThat(view.html()).startsWith("<span id=\"count\">10</span>");
    }

    @Test
    void mergeWithoutRenderingChangeKeepsCache() {
        ViewState view = counter();
        String before = view.html();

        view.merge(Json.object("{'e': [['ping', {}]], 't': 'Title', 'r': {'ok': true}}"));
        view.merge(Json.object("{'0': '0'}"));

        assertThat(view.html()).isSameAs(before);
        assertThat(view.renderCount()).isEqualTo(1);
    }

    @Test
    void streamInsertsDoNotRenderView() {
        ViewState view = new ViewState("phx-log");
        view.join(Json.object("""
                {'s': ['<ul id=\\'log\\' phx-update=\\'stream\\'>', '</ul>'],
                 '0': {'s': ['<li id=\\'', '\\'>', '</li>'], 'k': {'kc': 0}, 'stream': ['0', [], []]}}
                """));

        for (int i = 1; i <= 100; i++) {
            view.merge(Json.object("{'0': {'k': {'0': {'0': 'l" + i + "', '1': 'line'}, 'kc': 1}, 'stream': ['0', [['l" + i + "', 0, 5, false]], []]}}"));
        }

        assertThat(view.renderCount()).isZero();
        assertThat(view.element().select("#log li")).hasSize(5);
    }
}
