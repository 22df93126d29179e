package io.liveload.demo.internal.render;

import java.util.List;

/**
 * A slot value rendered by a loop: one entry per item, each entry filling the same template.
 *
 * <p>Entries hold only text slots (already escaped HTML). A stream comprehension lists only the
 * items inserted or updated by this render, and its {@link StreamPatch} tells the client where to
 * put them.
 */
public final class Comprehension {
    private final Template entryTemplate;
    private final List<String[]> entries;
    private final StreamPatch stream;

    private Comprehension(Template entryTemplate, List<String[]> entries, StreamPatch stream) {
        for (String[] entry : entries) {
            if (entry.length != entryTemplate.slotCount()) {
                throw new IllegalArgumentException("An entry of " + entryTemplate + " needs "
                        + entryTemplate.slotCount() + " values, got " + entry.length);
            }
        }
        if (stream != null && stream.inserts().size() != entries.size()) {
            throw new IllegalArgumentException("A stream render needs one entry per insert, got "
                    + entries.size() + " entries for " + stream.inserts().size() + " inserts");
        }
        this.entryTemplate = entryTemplate;
        this.entries = List.copyOf(entries);
        this.stream = stream;
    }

    /** Creates a plain list; the client keeps its entries and receives only the changed ones. */
    public static Comprehension of(Template entryTemplate, List<String[]> entries) {
        return new Comprehension(entryTemplate, entries, null);
    }

    /** Creates the render of a stream: the entries of the inserted items plus the stream operations. */
    public static Comprehension stream(Template entryTemplate, List<String[]> insertedEntries, StreamPatch patch) {
        return new Comprehension(entryTemplate, insertedEntries, patch);
    }

    Template entryTemplate() {
        return entryTemplate;
    }

    List<String[]> entries() {
        return entries;
    }

    StreamPatch stream() {
        return stream;
    }
}
