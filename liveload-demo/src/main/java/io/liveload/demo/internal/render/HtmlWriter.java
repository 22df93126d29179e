package io.liveload.demo.internal.render;

import java.util.function.IntFunction;

/** Writes a rendered tree as HTML, the way the dead render of a LiveView page shows it. */
public final class HtmlWriter {
    private HtmlWriter() {
    }

    /**
     * Appends the HTML of the node to {@code out}.
     *
     * @param components returns the current render of a component by cid
     */
    public static void write(Rendered node, IntFunction<Rendered> components, StringBuilder out) {
        Template template = node.template();
        out.append(template.staticAt(0));
        for (int slot = 0; slot < template.slotCount(); slot++) {
            writeValue(node.valueAt(slot), components, out);
            out.append(template.staticAt(slot + 1));
        }
    }

    private static void writeValue(Object value, IntFunction<Rendered> components, StringBuilder out) {
        if (value instanceof String html) {
            out.append(html);
        } else if (value instanceof Rendered nested) {
            write(nested, components, out);
        } else if (value instanceof Comprehension list) {
            writeEntries(list, out);
        } else if (value instanceof ComponentRef ref) {
            write(components.apply(ref.cid()), components, out);
        } else {
            throw new IllegalStateException("Unexpected slot value " + value);
        }
    }

    private static void writeEntries(Comprehension list, StringBuilder out) {
        Template template = list.entryTemplate();
        for (String[] entry : list.entries()) {
            out.append(template.staticAt(0));
            for (int slot = 0; slot < entry.length; slot++) {
                out.append(entry[slot]).append(template.staticAt(slot + 1));
            }
        }
    }
}
