package io.liveload.core.liveview.render;

import java.util.ArrayList;

/**
 * The position of the merger inside the message, as a stack of JSON keys and array indexes.
 * Pushing reuses the key strings of the message, so tracking costs no allocation until an error
 * message or a LiveView 0.18 stream key needs the path as a string.
 */
final class PathStack {

    private final ArrayList<Object> segments = new ArrayList<>();

    void push(String key) {
        segments.add(key);
    }

    void push(int index) {
        segments.add(index);
    }

    void pop() {
        segments.remove(segments.size() - 1);
    }

    RenderException error(String problem) {
        return new RenderException(problem, toString());
    }

    /** Returns the path as a JSON Pointer, for example {@code /c/3/1}; the top level is "". */
    @Override
    public String toString() {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
