package io.liveload.demo.internal.render;

import java.util.Arrays;
import java.util.List;

/**
 * The fixed HTML of one template: the static strings around its dynamic slots.
 *
 * <p>Templates are compared by identity. A client that already has the statics of a node
 * rendered from this instance receives only the changed dynamics of the next render, so declare
 * each template once, as a constant. Instances are immutable and safe to share between threads.
 */
public final class Template {
    private final List<String> statics;
    private final boolean singleElement;

    private Template(boolean singleElement, String... statics) {
        if (statics.length == 0) {
            throw new IllegalArgumentException("A template needs at least one static string, got none");
        }
        this.statics = List.of(statics);
        this.singleElement = singleElement;
    }

    /**
     * Creates a template whose output is exactly one HTML element. LiveView marks new nodes of
     * such templates with {@code "r":1}.
     */
    public static Template element(String... statics) {
        return new Template(true, statics);
    }

    /** Creates a template whose output is text, several elements or nothing. */
    public static Template fragment(String... statics) {
        return new Template(false, statics);
    }

    /** Returns the number of dynamic slots, one fewer than the static strings. */
    public int slotCount() {
        return statics.size() - 1;
    }

    String staticAt(int index) {
        return statics.get(index);
    }

    List<String> statics() {
        return statics;
    }

    boolean singleElement() {
        return singleElement;
    }

    @Override
    public String toString() {
        return "Template" + Arrays.toString(statics.toArray());
    }
}
