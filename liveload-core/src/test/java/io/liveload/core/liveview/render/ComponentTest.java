package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ComponentTest {

    /** Returns a joined view that renders components 1 and 2 side by side. */
    private static ViewState twoCards() {
        ViewState view = new ViewState("phx-cards");
        view.join(Json.object("""
                {'s': ['<main>', '', '</main>'], '0': 1, '1': 2,
                 'c': {'1': {'s': ['<p class=\\'card\\'>', '</p>'], '0': 'one'},
                       '2': {'s': 1, '0': 'two'}}}
                """));
        return view;
    }

    @Test
    void positiveReferenceSharesStaticsInSameMessage() {
        assertThat(twoCards().html()).isEqualTo("<main><p data-phx-component=\"1\" class=\"card\">one</p>"
                + "<p data-phx-component=\"2\" class=\"card\">two</p></main>");
    }

    @Test
    void positiveReferenceResolvesLaterEntryFirst() {
        ViewState view = new ViewState("phx-cards");

        view.join(Json.object("""
                {'s': ['<main>', '', '</main>'], '0': 1, '1': 2,
                 'c': {'1': {'s': 2, '0': 'one'},
                       '2': {'s': ['<b>', '</b>'], '0': 'two'}}}
                """));

        assertThat(view.html()).isEqualTo("<main><b data-phx-component=\"1\">one</b><b data-phx-component=\"2\">two</b></main>");
    }

    @Test
    void negativeReferenceUsesPreviousState() {
        ViewState view = twoCards();

        view.merge(Json.object("""
                {'1': 3,
                 'c': {'1': {'s': ['<i>', '</i>'], '0': 'new one'},
                       '3': {'s': -1, '0': 'three'}}}
                """));

        assertThat(view.html()).isEqualTo("<main><i data-phx-component=\"1\">new one</i>"
                + "<p data-phx-component=\"3\" class=\"card\">three</p></main>");
    }

    @Test
    void referenceKeepsUnchangedNestedDynamics() {
        ViewState view = new ViewState("phx-cards");
        view.join(Json.object("""
                {'s': ['<main>', '</main>'], '0': 1,
                 'c': {'1': {'s': ['<div>', '', '</div>'], '0': {'s': ['<b>', '</b>'], '0': 'bold'}, '1': 'x'}}}
                """));

        view.merge(Json.object("{'0': 2, 'c': {'2': {'s': -1, '1': 'y'}}}"));

        assertThat(view.html()).isEqualTo("<main><div data-phx-component=\"2\"><b>bold</b>y</div></main>");
    }

    @Test
    void componentOnlyDiffKeepsRootTree() {
        ViewState view = twoCards();

        view.merge(Json.object("{'c': {'2': {'0': 'deux'}}}"));

        assertThat(view.html()).isEqualTo("<main><p data-phx-component=\"1\" class=\"card\">one</p>"
                + "<p data-phx-component=\"2\" class=\"card\">deux</p></main>");
    }

    @Test
    void comprehensionTemplatesInsideComponent() {
        ViewState view = new ViewState("phx-list");
        view.join(Json.object("""
                {'s': 0, '0': 1, 'p': {'0': ['<div>', '</div>']},
                 'c': {'1': {'s': ['<ul>', '</ul>'],
                             '0': {'s': ['<li>', '</li>'],
                                   'k': {'0': {'0': {'s': 0, '0': 'a'}}, '1': {'0': {'s': 0, '0': 'b'}}, 'kc': 2},
                                   'p': {'0': ['<em>', '</em>']}}}}}
                """));

        assertThat(view.html()).isEqualTo("<div><ul data-phx-component=\"1\"><li><em>a</em></li><li><em>b</em></li></ul></div>");
    }

    @Test
    void tagSkipsLeadingWhitespaceAndComments() {
        ViewState view = new ViewState("phx-comment");

        view.join(Json.object("""
                {'s': ['<main>', '</main>'], '0': 1,
                 'c': {'1': {'s': ['\\n  <!-- <b>not this</b> -->\\n  <section id=\\'s\\'>x</section>']}}}
                """));

        assertThat(view.html()).isEqualTo("<main>\n  <!-- <b>not this</b> -->\n  <section data-phx-component=\"1\" id=\"s\">x</section></main>");
    }

    @Test
    void nestedComponentsAreEachTagged() {
        ViewState view = new ViewState("phx-nested");

        view.join(Json.object("""
                {'s': ['', ''], '0': 1,
                 'c': {'1': {'s': ['<div>', '</div>'], '0': 2},
                       '2': {'s': ['<span>inner</span>']}}}
                """));

        assertThat(view.html()).isEqualTo("<div data-phx-component=\"1\"><span data-phx-component=\"2\">inner</span></div>");
    }

    @Test
    void componentIdOfFindsClosestComponent() {
        ViewState view = new ViewState("phx-nested");
        view.join(Json.object("""
                {'s': ['<p id=\\'outside\\'>o</p>', ''], '0': 1,
                 'c': {'1': {'s': ['<div><button id=\\'inside\\'>b</button></div>']}}}
                """));
        Element inside = view.element().selectFirst("#inside");

        assertThat(ViewState.componentIdOf(inside)).hasValue(1);
    }

    @Test
    void componentIdOfIsEmptyOutsideComponents() {
        ViewState view = twoCards();
        view.merge(Json.object("{'0': '<b id=\\'plain\\'>plain</b>'}"));
        Element plain = view.element().selectFirst("#plain");

        assertThat(ViewState.componentIdOf(plain)).isEmpty();
    }

    @Test
    void renderedComponentIdsListsReachableOnly() {
        ViewState view = twoCards();

        view.merge(Json.object("{'1': ''}"));

        assertThat(view.renderedComponentIds()).containsExactly(1);
    }

    @Test
    void componentIdsKeepsUnrenderedComponents() {
        ViewState view = twoCards();

        view.merge(Json.object("{'1': ''}"));

        assertThat(view.componentIds()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void removeComponentsDropsThem() {
        ViewState view = twoCards();
        view.merge(Json.object("{'1': ''}"));

        view.removeComponents(java.util.List.of(2));

        assertThat(view.componentIds()).containsExactly(1);
    }

    @Test
    void rejoinRestartsComponents() {
        ViewState view = twoCards();

        view.join(Json.object("{'s': ['<main>', '</main>'], '0': 1, 'c': {'1': {'s': ['<b>', '</b>'], '0': 'fresh'}}}"));

        assertThat(view.componentIds()).containsExactly(1);
    }
}
