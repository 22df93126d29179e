package io.liveload.core.liveview.render;

/**
 * Signals a malformed rendered tree or diff, or a tree that cannot be rendered.
 *
 * <p>The message names the problem and {@link #path()} gives where it sits, as a JSON Pointer into
 * the message that was merged (for example {@code /c/3/1/k/0}), or into the stored tree when
 * {@link ViewState#html()} fails (for example {@code /c/3} for a component). A
 * {@link ViewState} that throws this exception keeps the state it had before the call.
 */
public final class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    RenderException(String problem, String path) {
        super(problem + " (at " + (path.isEmpty() ? "the top level" : path) + ")");
        this.path = path;
    }

    /** Returns the JSON Pointer of the offending value; the empty string means the top level. */
    public String path() {
        return path;
    }
}
