package io.liveload.demo.internal.render;

/**
 * A template filled with one value per slot, each slot marked as changed or unchanged since the
 * view's previous render.
 *
 * <p>A slot value is a {@code String} of escaped HTML, a nested {@code Rendered}, a
 * {@link Comprehension} or a {@link ComponentRef}. The change marks drive the diff the way
 * LiveView's change tracking does. An unchanged slot is left out of the diff. A changed text slot
 * is sent again even when its text is equal, and a changed nested node or list is compared with
 * the client's copy. Marks are ignored when the client lacks the template and when rendering HTML.
 */
public final class Rendered {
    private final Template template;
    private final Object[] values;
    private final boolean[] changed;

    private Rendered(Template template, Object[] values, boolean[] changed) {
        this.template = template;
        this.values = values;
        this.changed = changed;
    }

    /** Starts filling the slots of the given template, in slot order. */
    public static Builder of(Template template) {
        return new Builder(template);
    }

    Template template() {
        return template;
    }

    Object valueAt(int slot) {
        return values[slot];
    }

    boolean changedAt(int slot) {
        return changed[slot];
    }

    /** Collects slot values in order; {@link #build()} checks that every slot got one. */
    public static final class Builder {
        private final Template template;
        private final Object[] values;
        private final boolean[] changed;
        private int next;

        private Builder(Template template) {
            this.template = template;
            this.values = new Object[template.slotCount()];
            this.changed = new boolean[template.slotCount()];
        }

        /** Adds text, escaping it for HTML. */
        public Builder text(String text, boolean changed) {
            return add(Html.escape(text), changed);
        }

        /** Adds HTML that is already escaped, such as an attribute snippet built with {@link Html#attribute}. */
        public Builder html(String html, boolean changed) {
            return add(html, changed);
        }

        /** Adds a nested node; marking it changed makes the diff compare it with the client's copy. */
        public Builder node(Rendered node, boolean changed) {
            return add(node, changed);
        }

        /** Adds a nested node, or an empty string when {@code node} is null, like a HEEx {@code :if} that is false. */
        public Builder optional(Rendered node, boolean changed) {
            return node == null ? add("", changed) : add(node, changed);
        }

        /** Adds a list; marking it changed makes the diff compare its entries with the client's copy. */
        public Builder list(Comprehension list, boolean changed) {
            return add(list, changed);
        }

        /** Adds a stateful component; its own render is sent separately under {@code "c"}. */
        public Builder component(ComponentRef component) {
            return add(component, false);
        }

        /** Returns the node; fails when a slot has no value. */
        public Rendered build() {
            if (next != values.length) {
                throw new IllegalStateException(template + " needs " + values.length + " slot values, got " + next);
            }
            return new Rendered(template, values, changed);
        }

        private Builder add(Object value, boolean isChanged) {
            if (next == values.length) {
                throw new IllegalStateException(template + " has only " + values.length + " slots");
            }
            if (value == null) {
                throw new IllegalArgumentException("Slot " + next + " of " + template + " needs a value, got null");
            }
            values[next] = value;
            changed[next] = isChanged;
            next++;
            return this;
        }
    }
}
