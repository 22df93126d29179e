package io.liveload.demo.internal.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveload.demo.internal.live.Changes;
import io.liveload.demo.internal.live.LiveComponent;
import io.liveload.demo.internal.live.ViewContext;
import io.liveload.demo.internal.render.Comprehension;
import io.liveload.demo.internal.render.ComponentRef;
import io.liveload.demo.internal.render.Html;
import io.liveload.demo.internal.render.Rendered;
import io.liveload.demo.internal.render.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * A stateful to-do list component (cid 1) on the counter page: a form adds items ({@code add})
 * and each item's button flips it between open and done ({@code toggle}). All its events carry
 * {@code phx-target="1"}.
 */
final class TodoComponent extends LiveComponent {
    static final ComponentRef REF = new ComponentRef(1);

    private static final Template SECTION = Template.element(
            "<section id=\"todo-component\">\n  <h2>Todos (live_component)</h2>\n  <form id=\"todo-form\" phx-submit=\"add\"",
            ">\n    <input type=\"text\" name=\"text\" id=\"todo-text\">\n    <button type=\"submit\">Add</button>\n  </form>\n  <ul id=\"todo-list\">\n    ",
            "\n  </ul>\n</section>");
    private static final Template ITEM = Template.fragment(
            "<li id=\"todo-", "\" class=\"", "\">\n      <span>", "</span>\n      <button phx-click=\"toggle\"", "",
            ">toggle</button>\n    </li>");
    private static final String TARGET = Html.attribute("phx-target", Integer.toString(REF.cid()));

    private enum Field { TODOS }

    private record Todo(int id, String text, boolean done) {
    }

    private final Changes<Field> changes = Changes.of(Field.class);
    private final List<Todo> todos = new ArrayList<>(List.of(new Todo(1, "first", false), new Todo(2, "second", true)));

    @Override
    public Changes<?> changes() {
        return changes;
    }

    @Override
    public void handleEvent(String event, JsonNode value, ViewContext context) {
        switch (event) {
            case "toggle" -> toggle(value.path("id").asText());
            case "add" -> add(value.path("text").asText().trim());
            default -> super.handleEvent(event, value, context);
        }
    }

    @Override
    public Rendered render() {
        List<String[]> entries = new ArrayList<>(todos.size());
        for (Todo todo : todos) {
            entries.add(new String[] {
                Integer.toString(todo.id()),
                todo.done() ? "done" : "open",
                Html.escape(todo.text()),
                Html.attribute("phx-value-id", Integer.toString(todo.id())),
                TARGET
            });
        }
        return Rendered.of(SECTION)
                .html(TARGET, false)
                .list(Comprehension.of(ITEM, entries), changes.has(Field.TODOS))
                .build();
    }

    private void toggle(String id) {
        for (int i = 0; i < todos.size(); i++) {
            Todo todo = todos.get(i);
            if (Integer.toString(todo.id()).equals(id)) {
                todos.set(i, new Todo(todo.id(), todo.text(), !todo.done()));
                changes.mark(Field.TODOS);
                return;
            }
        }
    }

    private void add(String text) {
        if (text.isEmpty()) {
            return;
        }
        todos.add(new Todo(todos.size() + 1, text, false));
        changes.mark(Field.TODOS);
    }
}
