package io.liveload.demo.internal.live;

import java.util.EnumSet;

/**
 * The assigns of a view or component that changed since its last render, like LiveView's
 * {@code __changed__} map. A new instance reports every field as changed, because nothing has
 * been rendered yet. Not thread-safe; a view is only touched under its socket's lock.
 *
 * @param <F> the enum that names the assigns
 */
public final class Changes<F extends Enum<F>> {
    private final EnumSet<F> changed;
    private boolean everything = true;

    private Changes(Class<F> fields) {
        this.changed = EnumSet.noneOf(fields);
    }

    /** Returns a change set for the given assigns, with every field marked for the first render. */
    public static <F extends Enum<F>> Changes<F> of(Class<F> fields) {
        return new Changes<>(fields);
    }

    /** Marks the field as changed until the next render. */
    public void mark(F field) {
        changed.add(field);
    }

    /** Returns whether the field changed since the last render. */
    public boolean has(F field) {
        return everything || changed.contains(field);
    }

    /** Returns whether any field changed since the last render. */
    public boolean any() {
        return everything || !changed.isEmpty();
    }

    /** Forgets all marks; called after each render. */
    public void clear() {
        everything = false;
        changed.clear();
    }
}
