package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComponentsInUseTest {

    private static ViewState nestedCards() {
        ViewState view = new ViewState("phx-cards");
        view.join(Json.object("""
                {'s': ['<main>', '', '</main>'], '0': 1, '1': {'s': ['<ul>', '</ul>'], '0': 2},
                 'c': {'1': {'s': ['<p>', '</p>'], '0': 3},
                       '2': {'s': ['<b>', '</b>'], '0': 'two'},
                       '3': {'s': ['<i>', '</i>'], '0': 'three'}}}
                """));
        return view;
    }

    @Test
    void treeAndNestedComponentsCount() {
        assertThat(nestedCards().componentsInUse()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void removedReferenceDropsComponentAndChildren() {
        ViewState view = nestedCards();

        view.merge(Json.object("{'0': ''}"));

        assertThat(view.componentsInUse()).containsExactly(2);
    }

    @Test
    void comprehensionEntriesCount() {
        ViewState view = new ViewState("phx-list");
        view.join(Json.object("""
                {'s': ['<ul>', '</ul>'], '0': {'s': ['<li>', '</li>'], 'd': [[1], [2]]},
                 'c': {'1': {'s': ['<b>', '</b>'], '0': 'a'}, '2': {'s': 1, '0': 'b'}}}
                """));

        view.merge(Json.object("{'0': {'d': [[2]]}}"));

        assertThat(view.componentsInUse()).containsExactly(2);
    }

    @Test
    void walkDoesNotRender() {
        ViewState view = nestedCards();

        view.componentsInUse();

        assertThat(view.renderCount()).isZero();
    }

    @Test
    void viewWithoutComponentsUsesNone() {
        ViewState view = new ViewState("phx-plain");
        view.join(Json.object("{'s': ['<p>', '</p>'], '0': 'text'}"));

        assertThat(view.componentsInUse()).isEmpty();
    }

    @Test
    void releasedRenderingRendersAgain() {
        ViewState view = nestedCards();
        String first = view.html();

        view.releaseRendering();
        String second = view.html();

        assertThat(second).isEqualTo(first);
        assertThat(view.renderCount()).isEqualTo(2);
    }
}
