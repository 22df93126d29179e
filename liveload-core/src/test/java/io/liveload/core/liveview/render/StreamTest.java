package io.liveload.core.liveview.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class StreamTest {

    /** Returns a view whose container has stream "0" and then a non-stream child, in the LiveView 1.2 format. */
    private static ViewState songs() {
        ViewState view = new ViewState("phx-songs");
        view.join(Json.object("""
                {'s': ['<ul id=\\'songs\\' phx-update=\\'stream\\'>\\n  ', '\\n  <li id=\\'empty\\'>none</li>\\n</ul>'],
                 '0': {'s': ['<li id=\\'', '\\'>', '</li>'], 'k': {'kc': 0}, 'stream': ['0', [], []]}}
                """));
        return view;
    }

    /**
     * Returns a diff inserting songs: each item is "id:title", and {@code stream} is the rest of
     * the stream operation after the ref, such as {@code [['s1', -1, null, false]], []}.
     */
    private static com.fasterxml.jackson.databind.node.ObjectNode insert(String stream, String... items) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            String[] parts = items[i].split(":");
            entries.append("'").append(i).append("': {'0': '").append(parts[0]).append("', '1': '").append(parts[1]).append("'}, ");
        }
        return Json.object("{'0': {'k': {" + entries + "'kc': " + items.length + "}, 'stream': ['0', " + stream + "]}}");
    }

    private static List<String> childIds(ViewState view) {
        return view.element().selectFirst("#songs").children().stream().map(Element::id).toList();
    }

    private static String text(ViewState view, String id) {
        return view.element().getElementById(id).text();
    }

    @Test
    void appendGoesBeforeTrailingChild() {
        ViewState view = songs();

        view.merge(insert("[['s1', -1, null, false], ['s2', -1, null, false]], []", "s1:one", "s2:two"));
        view.merge(insert("[['s3', -1, null, false]], []", "s3:three"));

        assertThat(childIds(view)).containsExactly("s1", "s2", "s3", "empty");
    }

    @Test
    void prependGoesFirst() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false]], []", "s1:one"));

        view.merge(insert("[['s2', 0, null, false]], []", "s2:two"));

        assertThat(childIds(view)).containsExactly("s2", "s1", "empty");
    }

    @Test
    void insertAtIndex() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false], ['s2', -1, null, false]], []", "s1:one", "s2:two"));

        view.merge(insert("[['s3', 1, null, false]], []", "s3:three"));

        assertThat(childIds(view)).containsExactly("s1", "s3", "s2", "empty");
    }

    @Test
    void insertPastEndAppends() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false]], []", "s1:one"));

        view.merge(insert("[['s2', 9, null, false]], []", "s2:two"));

        assertThat(childIds(view)).containsExactly("s1", "s2", "empty");
    }

    @Test
    void positiveLimitKeepsFirstItems() {
        ViewState view = songs();
        view.merge(insert("[['s1', 0, 2, false]], []", "s1:one"));
        view.merge(insert("[['s2', 0, 2, false]], []", "s2:two"));

        view.merge(insert("[['s3', 0, 2, false]], []", "s3:three"));

        assertThat(childIds(view)).containsExactly("s3", "s2", "empty");
    }

    @Test
    void negativeLimitKeepsLastItems() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, -2, false]], []", "s1:one"));
        view.merge(insert("[['s2', -1, -2, false]], []", "s2:two"));

        view.merge(insert("[['s3', -1, -2, false]], []", "s3:three"));

        assertThat(childIds(view)).containsExactly("s2", "s3", "empty");
    }

    @Test
    void deleteRemovesItem() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false], ['s2', -1, null, false]], []", "s1:one", "s2:two"));

        view.merge(Json.object("{'0': {'k': {'kc': 0}, 'stream': ['0', [], ['s1']]}}"));

        assertThat(childIds(view)).containsExactly("s2", "empty");
    }

    @Test
    void resetReplacesAllItems() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false], ['s2', -1, null, false]], []", "s1:one", "s2:two"));

        view.merge(insert("[['s3', -1, null, false], ['s2', -1, null, false]], [], true", "s3:three", "s2:TWO"));

        assertThat(childIds(view)).containsExactly("s3", "s2", "empty");
    }

    @Test
    void reinsertUpdatesInPlace() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false], ['s2', -1, null, false]], []", "s1:one", "s2:two"));

        view.merge(insert("[['s1', -1, null, false]], []", "s1:ONE"));

        assertThat(childIds(view)).containsExactly("s1", "s2", "empty");
        assertThat(text(view, "s1")).isEqualTo("ONE");
    }

    @Test
    void updateOnlySkipsAbsentItem() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false]], []", "s1:one"));

        view.merge(insert("[['s2', -1, null, true]], []", "s2:two"));

        assertThat(childIds(view)).containsExactly("s1", "empty");
    }

    @Test
    void updateOnlyChangesPresentItem() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false]], []", "s1:one"));

        view.merge(insert("[['s1', 0, null, true]], []", "s1:ONE"));

        assertThat(text(view, "s1")).isEqualTo("ONE");
    }

    @Test
    void entriesLeaveTheTree() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false]], []", "s1:one"));

        view.merge(insert("[['s2', -1, null, false]], []", "s2:two"));

        assertThat(text(view, "s1")).isEqualTo("one");
    }

    @Test
    void listFormatWithoutUpdateOnly() {
        ViewState view = songs();

        view.merge(insert("[['s1', -1, null], ['s2', 0, null]], []", "s1:one", "s2:two"));

        assertThat(childIds(view)).containsExactly("s2", "s1", "empty");
    }

    @Test
    void mapFormatWithLimit() {
        ViewState view = liveView020Songs();
        view.merge(Json.object("{'0': {'d': [['s1', 'one']], 'stream': ['0', {'s1': [0, 2]}, []]}}"));
        view.merge(Json.object("{'0': {'d': [['s2', 'two']], 'stream': ['0', {'s2': [0, 2]}, []]}}"));

        view.merge(Json.object("{'0': {'d': [['s3', 'three']], 'stream': ['0', {'s3': [0, 2]}, ['s2']]}}"));

        assertThat(childIds(view)).containsExactly("s3", "s1");
    }

    @Test
    void mapFormatWithoutRef() {
        ViewState view = liveView018Songs();
        view.merge(Json.object("{'0': {'d': [['s1', 'one'], ['s2', 'two']], 'stream': [{'s1': -1, 's2': -1}, []]}}"));

        view.merge(Json.object("{'0': {'d': [['s3', 'three']], 'stream': [{'s3': 0}, ['s1']]}}"));

        assertThat(childIds(view)).containsExactly("s3", "s2");
    }

    @Test
    void firstInsertMayResendStatics() {
        ViewState view = liveView020Songs();

        view.merge(Json.object("{'0': {'d': [['s1', 'one']], 's': ['<li id=\\'', '\\'>', '</li>'], 'stream': ['0', [['s1', 0, 5]], []]}}"));

        assertThat(childIds(view)).containsExactly("s1");
    }

    @Test
    void rejoinDropsItems() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false]], []", "s1:one"));

        view.join(Json.object("""
                {'s': ['<ul id=\\'songs\\' phx-update=\\'stream\\'>', '</ul>'],
                 '0': {'s': ['<li id=\\'', '\\'>', '</li>'], 'k': {'kc': 0}, 'stream': ['0', [], []]}}
                """));

        assertThat(childIds(view)).isEmpty();
    }

    @Test
    void removedContainerDropsItems() {
        ViewState view = songs();
        view.merge(insert("[['s1', -1, null, false]], []", "s1:one"));
        view.merge(Json.object("{'s': ['<p>gone</p>', ''], '0': ''}"));
        view.html();

        view.merge(Json.object("""
                {'s': ['<ul id=\\'songs\\' phx-update=\\'stream\\'>', '</ul>'],
                 '0': {'s': ['<li id=\\'', '\\'>', '</li>'], 'k': {'kc': 0}, 'stream': ['0', [], []]}}
                """));

        assertThat(childIds(view)).isEmpty();
    }

    @Test
    void itemWithoutIdIsDropped() {
        ViewState view = new ViewState("phx-songs");
        view.join(Json.object("""
                {'s': ['<ul id=\\'songs\\' phx-update=\\'stream\\'>', '</ul>'],
                 '0': {'s': ['<li>', '</li>'], 'k': {'kc': 0}, 'stream': ['0', [], []]}}
                """));

        view.merge(Json.object("{'0': {'k': {'0': {'0': 'anonymous'}, 'kc': 1}, 'stream': ['0', [['x', -1, null, false]], []]}}"));

        assertThat(childIds(view)).isEmpty();
    }

    @Test
    void itemFollowsItsComponent() {
        ViewState view = new ViewState("phx-cards");
        view.join(Json.object("""
                {'s': ['<div id=\\'cards\\' phx-update=\\'stream\\'>', '</div>'],
                 '0': {'s': ['', ''], 'k': {'kc': 0}, 'stream': ['0', [], []]}}
                """));
        view.merge(Json.object("""
                {'0': {'k': {'0': {'0': 1}, 'kc': 1}, 'stream': ['0', [['card-1', -1, null, false]], []]},
                 'c': {'1': {'s': ['<p id=\\'card-1\\'>', '</p>'], '0': 'draft'}}}
                """));

        view.merge(Json.object("{'c': {'1': {'0': 'final'}}}"));

        assertThat(view.element().getElementById("card-1").text()).isEqualTo("final");
    }

    /** Returns the same container in the LiveView 0.20 format: entry lists and no trailing child. */
    private static ViewState liveView020Songs() {
        ViewState view = new ViewState("phx-songs");
        view.join(Json.object("""
                {'s': ['<ul id=\\'songs\\' phx-update=\\'stream\\'>', '</ul>'],
                 '0': {'s': ['<li id=\\'', '\\'>', '</li>'], 'd': [], 'stream': ['0', [], []]}}
                """));
        return view;
    }

    /** Returns the same container in the LiveView 0.18 format, whose stream operations carry no ref. */
    private static ViewState liveView018Songs() {
        ViewState view = new ViewState("phx-songs");
        view.join(Json.object("""
                {'s': ['<ul id=\\'songs\\' phx-update=\\'stream\\'>', '</ul>'],
                 '0': {'s': ['<li id=\\'', '\\'>', '</li>'], 'd': [], 'stream': [{}, []]}}
                """));
        return view;
    }
}
