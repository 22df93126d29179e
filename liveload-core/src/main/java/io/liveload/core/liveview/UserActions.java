package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.liveview.render.ViewState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jsoup.nodes.Element;

/**
 * Turns a user's action on the rendered page into the messages the official client sends: the events of a click
 * (a {@code phx-click} name or JS command list, a live link), of a form change or submit, of a hook. It reads
 * only the rendered page; {@link LiveView} sends the result.
 */
final class UserActions {

    /** The deepest {@code exec} command nesting followed, so that commands that run each other end. */
    static final int MAX_EXEC_DEPTH = 5;

    /** Something to send or do for an action. */
    sealed interface Action permits Push, Navigate, Patch {
    }

    /**
     * An {@code event} message for a view.
     *
     * @param viewId  the view whose channel carries it
     * @param event   the event name, for metrics and messages
     * @param payload the message's payload: {@code type}, {@code event}, {@code value} and more
     */
    record Push(String viewId, String event, ObjectNode payload) implements Action {
    }

    /** Live navigation to {@code href}. */
    record Navigate(String href) implements Action {
    }

    /** A live patch to {@code href}. */
    record Patch(String href) implements Action {
    }

    /** Returns the record of which fields a script has set in a form of a view. */
    @FunctionalInterface
    interface FormUses {
        PageView.FormUse of(String viewId, String formId);
    }

    private UserActions() {
    }

    /**
     * Returns the actions of a click on the first element matching the selector, as the official client's
     * click handlers do: a live link patches or navigates and runs its own {@code phx-click}; otherwise the
     * closest {@code phx-click} of the element or its ancestors runs.
     *
     * @param pageUrl the page's URL, for messages
     */
    static List<Action> click(Element root, String selector, String pageUrl) {
        Element target = select(root, selector, "click", pageUrl);
        Element link = closest(target, "data-phx-link");
        if (link != null) {
            String href = link.attr("href");
            if (href.isEmpty()) {
                throw new IllegalArgumentException("Cannot click \"" + selector + "\" on " + pageUrl
                        + ": its live link has no href");
            }
            List<Action> actions = new ArrayList<>();
            actions.add("patch".equals(link.attr("data-phx-link")) ? new Patch(href) : new Navigate(href));
            if (link.hasAttr("phx-click")) {
                commands(root, link, JsCommand.parse(link.attr("phx-click")), selector, pageUrl, 0, actions);
            }
            return actions;
        }
        Element clickable = closest(target, "phx-click");
        if (clickable == null) {
            throw new IllegalArgumentException("Cannot click \"" + selector + "\" on " + pageUrl + ": neither the"
                    + " element nor an ancestor has phx-click, and it is not inside a live link (data-phx-link)");
        }
        List<Action> actions = new ArrayList<>();
        commands(root, clickable, JsCommand.parse(clickable.attr("phx-click")), selector, pageUrl, 0, actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("The phx-click of \"" + selector + "\" on " + pageUrl
                    + " sends nothing to the server: it has no push, navigate, patch or exec command");
        }
        return actions;
    }

    /** Adds the actions of a command list run from {@code source}: pushes, navigation and nested exec commands. */
    private static void commands(Element root, Element source, List<JsCommand> commands, String selector,
                                 String pageUrl, int depth, List<Action> actions) {
        if (depth > MAX_EXEC_DEPTH) {
            throw new IllegalArgumentException("JS exec commands of \"" + selector + "\" nest more than "
                    + MAX_EXEC_DEPTH + " levels deep");
        }
        for (JsCommand command : commands) {
            switch (command.kind()) {
                case JsCommand.PUSH -> {
                    String event = command.text("event");
                    if (event == null) {
                        throw new IllegalArgumentException("A push command of \"" + selector + "\" has no event");
                    }
                    EventTarget target = eventTarget(root, source, command, pageUrl);
                    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("type", "click").put("event", event);
                    payload.set("value", ElementValues.eventValue(source, command.args().get("value")));
                    target.putCid(payload);
                    actions.add(new Push(target.viewId(), event, payload));
                }
                case JsCommand.NAVIGATE -> actions.add(new Navigate(requireHref(command, selector)));
                case JsCommand.PATCH -> actions.add(new Patch(requireHref(command, selector)));
                case JsCommand.EXEC -> exec(root, source, command, selector, pageUrl, depth, actions);
                default -> {
                    // Commands such as show, hide or add_class change only the browser's DOM.
                }
            }
        }
    }

    private static void exec(Element root, Element source, JsCommand command, String selector, String pageUrl,
                             int depth, List<Action> actions) {
        String attribute = command.text("attr");
        String to = command.text("to");
        List<Element> targets = to == null ? List.of(source) : root.select(to);
        boolean found = false;
        for (Element target : targets) {
            String encoded = attribute == null ? "" : target.attr(attribute);
            if (!encoded.isEmpty()) {
                found = true;
                commands(root, target, JsCommand.parse(encoded), selector, pageUrl, depth + 1, actions);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("The exec command of \"" + selector + "\" found no " + attribute
                    + " attribute" + (to == null ? "" : " on " + to));
        }
    }

    private static String requireHref(JsCommand command, String selector) {
        String href = command.text("href");
        if (href == null) {
            throw new IllegalArgumentException("A " + command.kind() + " command of \"" + selector + "\" has no href");
        }
        return href;
    }

    /**
     * Returns the {@code phx-change} event of a form, as typing into its fields sends it; see
     * {@link LiveView#change}. Records the fields set as used.
     */
    static Push change(Element root, String selector, Map<String, ?> values, ClientDialect dialect, FormUses uses,
                       String pageUrl) {
        Element matched = select(root, selector, "change", pageUrl);
        Element form = formOf(matched, selector);
        String targetName = !values.isEmpty() ? values.keySet().iterator().next()
                : matched != form && !matched.attr("name").isEmpty() ? matched.attr("name") : null;
        Element targetField = targetName == null ? null : fieldNamed(form, targetName);

        String onlyName = null;
        String binding = form.attr("phx-change");
        if (targetField != null && targetField.hasAttr("phx-change")) {
            binding = targetField.attr("phx-change");
            onlyName = targetName;
        }
        if (binding.isEmpty()) {
            throw new IllegalArgumentException("Cannot change \"" + selector + "\" on " + pageUrl
                    + ": the form has no phx-change");
        }
        JsCommand push = firstPush(binding, selector, "phx-change", pageUrl);
        EventTarget eventTarget = eventTarget(root, form, push, pageUrl);

        PageView.FormUse use = uses.of(eventTarget.viewId(), form.id());
        use.usedNames.addAll(values.keySet());
        if (targetName != null) {
            use.usedNames.add(targetName);
        }
        String value = FormData.encode(FormData.pairs(form, values, new FormData.Options(null, onlyName,
                dialect.unusedMarkers(), use.usedNames, use.submitted)));

        String target = targetName == null ? "undefined" : targetName;
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("type", "form").put("event", push.text("event"));
        if (dialect.formMeta()) {
            payload.put("value", value);
            ObjectNode meta = payload.putObject("meta");
            meta.put("_target", target);
            meta.setAll(ElementValues.formMeta(form, push.args().get("value")));
        } else {
            String encodedTarget = "_target=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
            payload.put("value", value.isEmpty() ? encodedTarget : value + "&" + encodedTarget);
        }
        payload.putObject("uploads");
        eventTarget.putCid(payload);
        return new Push(eventTarget.viewId(), push.text("event"), payload);
    }

    /**
     * Returns the {@code phx-submit} event of a form; see {@link LiveView#submit(String, Map, String)}. Marks the
     * form as submitted, so later changes carry no {@code _unused_} markers.
     */
    static Push submit(Element root, String selector, Map<String, ?> values, String submitterSelector,
                       ClientDialect dialect, FormUses uses, String pageUrl) {
        Element form = formOf(select(root, selector, "submit", pageUrl), selector);
        if (!form.hasAttr("phx-submit")) {
            throw new IllegalArgumentException("Cannot submit \"" + selector + "\" on " + pageUrl
                    + ": the form has no phx-submit");
        }
        Element submitter = submitterSelector == null ? null : select(root, submitterSelector, "submit with", pageUrl);
        JsCommand push = firstPush(form.attr("phx-submit"), selector, "phx-submit", pageUrl);
        EventTarget eventTarget = eventTarget(root, form, push, pageUrl);

        PageView.FormUse use = uses.of(eventTarget.viewId(), form.id());
        String value = FormData.encode(FormData.pairs(form, values, new FormData.Options(submitter, null, false,
                use.usedNames, true)));
        use.submitted = true;

        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("type", "form").put("event", push.text("event"))
                .put("value", value);
        if (dialect.formMeta()) {
            payload.set("meta", ElementValues.formMeta(form, push.args().get("value")));
        }
        eventTarget.putCid(payload);
        return new Push(eventTarget.viewId(), push.text("event"), payload);
    }

    /**
     * Returns a hook event for the view that owns the first element matching the selector, with the cid of the
     * component around it, as a hook's {@code pushEventTo} sends it.
     */
    static Push hookTo(Element root, String selector, String event, Object value, String pageUrl) {
        Element target = select(root, selector, "push an event to", pageUrl);
        ObjectNode payload = hookPayload(event, value);
        OptionalInt cid = ViewState.componentIdOf(target);
        if (cid.isPresent()) {
            payload.put("cid", cid.getAsInt());
        }
        return new Push(viewIdOf(target, selector), event, payload);
    }

    /** Returns {@code {"type":"hook","event":...,"value":...}}; a null value is {@code {}}. */
    static ObjectNode hookPayload(String event, Object value) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("type", "hook").put("event", event);
        JsonNode tree = value == null ? JsonNodeFactory.instance.objectNode() : Json.MAPPER.valueToTree(value);
        payload.set("value", tree);
        return payload;
    }

    /** The view and component an event goes to. */
    private record EventTarget(String viewId, OptionalInt cid) {

        void putCid(ObjectNode payload) {
            if (cid.isPresent()) {
                payload.put("cid", cid.getAsInt());
            }
        }
    }

    /**
     * Resolves where an event from {@code source} goes, as the client's {@code targetComponentID} and
     * {@code withinTargets} do: a {@code target} of the push command or the element's {@code phx-target} that
     * is a number is the cid in the source's view; a CSS selector sends to the view owning its first match,
     * with the cid of the component around that match; without a target the event goes to the source's view.
     */
    private static EventTarget eventTarget(Element root, Element source, JsCommand push, String pageUrl) {
        JsonNode commandTarget = push.args().get("target");
        String target = commandTarget != null && !commandTarget.isNull() ? commandTarget.asText()
                : source.hasAttr("phx-target") ? source.attr("phx-target") : null;
        if (target == null) {
            return new EventTarget(viewIdOf(source, "the event source"), OptionalInt.empty());
        }
        OptionalInt cid = ElementValues.cidOf(target);
        if (cid.isPresent()) {
            return new EventTarget(viewIdOf(source, "the event source"), cid);
        }
        Element match = root.selectFirst(target);
        if (match == null) {
            throw new IllegalArgumentException("Nothing on " + pageUrl + " matches the phx-target \"" + target + "\"");
        }
        // NOTE: the official client sends the event once per element the selector matches; this sends it once.
        return new EventTarget(viewIdOf(match, target), ViewState.componentIdOf(match));
    }

    private static JsCommand firstPush(String binding, String selector, String attribute, String pageUrl) {
        for (JsCommand command : JsCommand.parse(binding)) {
            if (JsCommand.PUSH.equals(command.kind()) && command.text("event") != null) {
                return command;
            }
        }
        throw new IllegalArgumentException("The " + attribute + " of \"" + selector + "\" on " + pageUrl
                + " pushes no event: " + binding);
    }

    // ---- elements ----

    private static Element select(Element root, String selector, String action, String pageUrl) {
        Element found = root.selectFirst(selector);
        if (found == null) {
            throw new IllegalArgumentException("Cannot " + action + " \"" + selector + "\" on " + pageUrl
                    + ": no element matches it");
        }
        return found;
    }

    /** Returns the element or its closest ancestor with the attribute, not looking past a view container. */
    private static Element closest(Element element, String attribute) {
        for (Element current = element; current != null; current = current.parent()) {
            if (current.hasAttr(attribute)) {
                return current;
            }
            if (current.hasAttr(DeadRender.SESSION)) {
                return null;
            }
        }
        return null;
    }

    private static Element formOf(Element element, String selector) {
        if (element.normalName().equals("form")) {
            return element;
        }
        String formId = element.attr("form");
        if (!formId.isEmpty()) {
            Element byId = element.root().getElementById(formId);
            if (byId != null && byId.normalName().equals("form")) {
                return byId;
            }
        }
        Element form = element.closest("form");
        if (form == null) {
            throw new IllegalArgumentException("\"" + selector + "\" is not a form and not inside one");
        }
        return form;
    }

    private static Element fieldNamed(Element form, String name) {
        for (Element field : FormData.fields(form)) {
            if (name.equals(field.attr("name"))) {
                return field;
            }
        }
        return null;
    }

    /** Returns the id of the view whose container is the closest around the element. */
    static String viewIdOf(Element element, String description) {
        for (Element current = element; current != null; current = current.parent()) {
            if (current.hasAttr(DeadRender.SESSION) && !current.id().isEmpty()) {
                return current.id();
            }
        }
        throw new IllegalStateException("No LiveView on the page contains " + description);
    }
}
