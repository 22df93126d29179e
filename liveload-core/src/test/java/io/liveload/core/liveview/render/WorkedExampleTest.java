package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The grocery list example: a heading, a keyed list and a counter component, in the keyed format of
 * LiveView 1.1 and later and in the entry-list format of LiveView 1.0 and earlier.
 */
class WorkedExampleTest {

    private static final String KEYED_JOIN = """
            {'0': 'Groceries',
             '1': {'s': 0, 'k': {'0': {'0': 'milk'}, '1': {'0': 'eggs'}, 'kc': 2}},
             '2': 1,
             's': 1, 'r': 1,
             'p': {'0': ['<li>', '</li>'],
                   '1': ['<div id=\\'app\\'><h1>', '</h1><ul id=\\'items\\'>', '</ul>', '</div>']},
             'c': {'1': {'0': '1', '1': '5', 'r': 1,
                         's': ['<button phx-click=\\'inc\\' phx-target=\\'', '\\'>', '</button>']}},
             't': 'Groceries'}
            """;

    private static final String LIST_JOIN = """
            {'0': 'Groceries',
             '1': {'s': ['<li>', '</li>'], 'd': [['milk'], ['eggs']]},
             '2': 1,
             's': ['<div id=\\'app\\'><h1>', '</h1><ul id=\\'items\\'>', '</ul>', '</div>'],
             'c': {'1': {'0': '1', '1': '5',
                         's': ['<button phx-click=\\'inc\\' phx-target=\\'', '\\'>', '</button>']}}}
            """;

    private static ViewState joined(String rendered) {
        ViewState view = new ViewState("phx-example");
        view.join(Json.object(rendered));
        return view;
    }

    @Test
    void keyedJoinRendersExpectedHtml() {
        ViewState view = joined(KEYED_JOIN);

        assertThat(view.html()).isEqualTo("<div id=\"app\"><h1>Groceries</h1><ul id=\"items\"><li>milk</li><li>eggs</li></ul>"
                + "<button data-phx-component=\"1\" phx-click=\"inc\" phx-target=\"1\">5</button></div>");
    }

    @Test
    void keyedJoinSetsTitle() {
        ViewState view = joined(KEYED_JOIN);

        assertThat(view.title()).isEqualTo("Groceries");
    }

    @Test
    void componentDiffChangesCount() {
        ViewState view = joined(KEYED_JOIN);

        view.merge(Json.object("{'c': {'1': {'1': '6'}}}"));

        assertThat(view.html()).endsWith("<button data-phx-component=\"1\" phx-click=\"inc\" phx-target=\"1\">6</button></div>");
    }

    @Test
    void keyedMovePrependsAndDrops() {
        ViewState view = joined(KEYED_JOIN);

        view.merge(Json.object("{'1': {'k': {'0': {'0': 'bread'}, '1': 0, 'kc': 2, 'km': true}}}"));

        assertThat(view.element().selectFirst("#items").html()).isEqualTo("<li>bread</li><li>milk</li>");
    }

    @Test
    void keyedByPositionGivesSameList() {
        ViewState view = joined(KEYED_JOIN);

        view.merge(Json.object("{'1': {'k': {'0': {'0': 'bread'}, '1': {'0': 'milk'}, 'kc': 2}}}"));

        assertThat(view.element().selectFirst("#items").html()).isEqualTo("<li>bread</li><li>milk</li>");
    }

    @Test
    void keyedMoveWithChangeReadsOldEntry() {
        ViewState view = joined(KEYED_JOIN);

        view.merge(Json.object("{'1': {'k': {'0': [1, {'0': 'EGGS'}], '1': [0, {'0': 'MILK'}], 'kc': 2, 'km': true}}}"));

        assertThat(view.element().selectFirst("#items").html()).isEqualTo("<li>EGGS</li><li>MILK</li>");
    }

    @Test
    void listJoinRendersSameHtml() {
        assertThat(joined(LIST_JOIN).html()).isEqualTo(joined(KEYED_JOIN).html());
    }

    @Test
    void listDiffReplacesAllEntries() {
        ViewState view = joined(LIST_JOIN);

        view.merge(Json.object("{'1': {'d': [['bread'], ['milk']]}}"));

        assertThat(view.element().selectFirst("#items").html()).isEqualTo("<li>bread</li><li>milk</li>");
    }
}
