package io.liveload.demo.internal.render;

/**
 * A slot value that stands for a stateful LiveComponent. The diff carries the integer cid in the
 * slot and the component's own tree under {@code "c"}.
 */
public record ComponentRef(int cid) {
    public ComponentRef {
        if (cid < 1) {
            throw new IllegalArgumentException("A component id must be 1 or greater, got " + cid);
        }
    }
}
