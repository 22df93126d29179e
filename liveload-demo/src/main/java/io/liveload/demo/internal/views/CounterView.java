package io.liveload.demo.internal.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.demo.internal.live.Changes;
import io.liveload.demo.internal.live.LiveComponent;
import io.liveload.demo.internal.live.LiveView;
import io.liveload.demo.internal.live.ViewContext;
import io.liveload.demo.internal.render.Rendered;
import io.liveload.demo.internal.render.Template;
import java.time.Duration;
import java.util.Map;

/**
 * The counter page ({@code /counter}): a count with buttons, a ticker that pushes diffs with
 * events, a page number driven by the URL, patch and navigation links and buttons, a stream
 * event log and a stateful to-do component.
 *
 * <p>Events: {@code inc} (optional {@code by}), {@code dec}, {@code crash} (raises, so the client
 * gets {@code phx_error}), {@code start_ticker} (replies {@code {"started":5}}, then ticks once a
 * second five times), {@code next_page} ({@code push_patch} to the next page) and {@code go_other}
 * ({@code push_navigate} to {@code /other}). {@code ?page=N} sets the page; {@code ?tick=N} starts
 * N ticks right after the connected mount.
 */
final class CounterView extends LiveView {
    static final int TICKS_PER_START = 5;
    static final int MAX_TICKS_FROM_URL = 60;
    private static final Duration TICK_INTERVAL = Duration.ofSeconds(1);

    private static final Template CONTENT = Template.fragment(
            "<h1>Counter</h1>\n<p>Count: <span id=\"count\">",
            "</span></p>\n<button id=\"dec\" phx-click=\"dec\">-</button>\n<button id=\"inc\" phx-click=\"inc\">+</button>\n"
                    + "<button id=\"inc-by\" phx-click=\"inc\" phx-value-by=\"10\">+10</button>\n"
                    + "<button id=\"crash\" phx-click=\"crash\">crash</button>\n"
                    + "<button id=\"ticker\" phx-click=\"start_ticker\">start 5 ticks</button>\n<p>Ticks: <span id=\"ticks\">",
            "</span></p>\n<p>Page: <span id=\"page\">",
            "</span></p>\n<nav>\n  ",
            "\n  <button id=\"patch-btn\" phx-click=\"next_page\">push_patch</button>\n  ",
            "\n  <button id=\"nav-btn\" phx-click=\"go_other\">push_navigate</button>\n</nav>\n"
                    + "<h2>Event log (stream)</h2>\n<ul id=\"events\" phx-update=\"stream\">\n  ",
            "\n</ul>\n",
            "");
    private static final Template NEXT_PAGE_LABEL = Layout.label("Next page (live_patch)");
    private static final Template OTHER_LABEL = Layout.label("Other LiveView (live_redirect)");

    private enum Field { COUNT, TICKS, PAGE }

    /** A ticker step: tick {@code n} of {@code total}. */
    private record Tick(int n, int total) {
    }

    private final Changes<Field> changes = Changes.of(Field.class);
    private final EventLog events = new EventLog();
    private final TodoComponent todos = new TodoComponent();
    private int count;
    private int ticks;
    private int page = 1;
    private boolean mounted;

    @Override
    public void mount(ViewContext context) {
        pageTitle("Counter");
    }

    @Override
    public void handleParams(Map<String, String> params, String url, ViewContext context) {
        int newPage = Math.max(1, parseInt(params.get("page"), 1));
        if (newPage != page) {
            page = newPage;
            changes.mark(Field.PAGE);
        }
        if (context.connected() && !mounted) {
            int urlTicks = Math.min(MAX_TICKS_FROM_URL, parseInt(params.get("tick"), 0));
            if (urlTicks > 0) {
                context.sendAfter(TICK_INTERVAL, new Tick(1, urlTicks));
            }
        }
        mounted = true;
    }

    @Override
    public void handleEvent(String event, JsonNode value, ViewContext context) {
        switch (event) {
            case "inc" -> {
                count += parseInt(value.path("by").asText(null), 1);
                changes.mark(Field.COUNT);
                events.insert("inc -> " + count);
            }
            case "dec" -> {
                count -= 1;
                changes.mark(Field.COUNT);
                events.insert("dec -> " + count);
            }
            case "crash" -> throw new IllegalStateException("the crash button was clicked");
            case "start_ticker" -> {
                context.reply(JsonNodeFactory.instance.objectNode().put("started", TICKS_PER_START));
                context.sendAfter(TICK_INTERVAL, new Tick(1, TICKS_PER_START));
            }
            case "next_page" -> context.pushPatch("/counter?page=" + (page + 1));
            case "go_other" -> context.pushNavigate("/other");
            default -> super.handleEvent(event, value, context);
        }
    }

    @Override
    public void handleInfo(Object message, ViewContext context) {
        if (!(message instanceof Tick tick)) {
            return;
        }
        ticks++;
        changes.mark(Field.TICKS);
        ObjectNode payload = JsonNodeFactory.instance.objectNode()
                .put("left", tick.total() - tick.n())
                .put("n", tick.n());
        context.pushEvent("tick", payload);
        if (tick.n() < tick.total()) {
            context.sendAfter(TICK_INTERVAL, new Tick(tick.n() + 1, tick.total()));
        }
    }

    @Override
    public Rendered render() {
        boolean pageChanged = changes.has(Field.PAGE);
        boolean eventsChanged = events.hasPendingInserts();
        Rendered content = Rendered.of(CONTENT)
                .text(Integer.toString(count), changes.has(Field.COUNT))
                .text(Integer.toString(ticks), changes.has(Field.TICKS))
                .text(Integer.toString(page), pageChanged)
                .node(Layout.patchLink("/counter?page=" + (page + 1), "next-page", NEXT_PAGE_LABEL, pageChanged), pageChanged)
                .node(Layout.navigateLink("/other", "other-link", OTHER_LABEL, false), false)
                .list(events.render(), eventsChanged)
                .component(TodoComponent.REF)
                .build();
        return Layout.page(flash(), content);
    }

    @Override
    public Changes<?> changes() {
        return changes;
    }

    @Override
    public Map<Integer, LiveComponent> components() {
        return Map.of(TodoComponent.REF.cid(), todos);
    }

    private static int parseInt(String text, int fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
