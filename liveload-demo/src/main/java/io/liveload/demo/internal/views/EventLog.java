package io.liveload.demo.internal.views;

import io.liveload.demo.internal.render.Comprehension;
import io.liveload.demo.internal.render.Html;
import io.liveload.demo.internal.render.StreamInsert;
import io.liveload.demo.internal.render.StreamPatch;
import io.liveload.demo.internal.render.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * The counter's event log, a LiveView stream: each message is inserted at the top and the client
 * keeps at most {@link #LIMIT} items. The server keeps only the inserts not yet rendered, since
 * stream items live in the client's DOM.
 */
final class EventLog {
    static final int LIMIT = 5;
    private static final String STREAM_REF = "0";
    private static final Template ITEM = Template.fragment("<li", ">", "</li>");

    private final List<StreamInsert> inserts = new ArrayList<>(1);
    private final List<String[]> entries = new ArrayList<>(1);
    private long nextItemId = 1;

    /** Queues a message for the next render. */
    void insert(String message) {
        String domId = "events-" + nextItemId++;
        inserts.add(new StreamInsert(domId, 0, LIMIT, false));
        entries.add(new String[] {Html.attribute("id", domId), Html.escape(message)});
    }

    /** Returns whether an insert waits for the next render. */
    boolean hasPendingInserts() {
        return !inserts.isEmpty();
    }

    /** Renders the pending inserts and clears them. */
    Comprehension render() {
        Comprehension list = Comprehension.stream(ITEM, entries, new StreamPatch(STREAM_REF, inserts, List.of(), false));
        inserts.clear();
        entries.clear();
        return list;
    }
}
