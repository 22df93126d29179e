package io.liveload.demo.internal.render;

import java.util.List;

/**
 * The client's copy of one node after the last message: the template, and per slot the
 * print of a nested node or list. A list's print also keeps its entries, so the next render can
 * send only the entries that differ; stream lists keep none because their items live only in the
 * client's DOM.
 */
public final class Print {
    private final Template template;
    private final Print[] children;
    private final List<String[]> entries;

    Print(Template template, Print[] children, List<String[]> entries) {
        this.template = template;
        this.children = children;
        this.entries = entries;
    }

    Template template() {
        return template;
    }

    Print childAt(int slot) {
        return children == null ? null : children[slot];
    }

    List<String[]> entries() {
        return entries;
    }
}
