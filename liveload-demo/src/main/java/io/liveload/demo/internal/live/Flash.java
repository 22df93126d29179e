package io.liveload.demo.internal.live;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flash messages of one view, by kind ("info", "error"). Any change re-renders both flash
 * slots of the layout, as LiveView re-renders everything that reads {@code @flash}.
 */
public final class Flash {
    public static final String INFO = "info";
    public static final String ERROR = "error";

    private final Map<String, String> messages = new LinkedHashMap<>(4);
    private boolean changed;
    private boolean changedSinceCallback;

    /** Sets the message of a kind. */
    public void put(String kind, String message) {
        if (!message.equals(messages.put(kind, message))) {
            markChanged();
        }
    }

    /** Removes the message of a kind, if any. */
    public void clear(String kind) {
        if (messages.remove(kind) != null) {
            markChanged();
        }
    }

    /** Removes every message. */
    public void clearAll() {
        if (!messages.isEmpty()) {
            messages.clear();
            markChanged();
        }
    }

    /** Returns the message of a kind, or {@code null}. */
    public String get(String kind) {
        return messages.get(kind);
    }

    /** Returns a copy of all messages. */
    public Map<String, String> asMap() {
        return Map.copyOf(messages);
    }

    /** Returns whether the flash changed since the last render. */
    public boolean changed() {
        return changed;
    }

    /** Adds messages without marking a change, as the mount of a view receives its flash. */
    public void restore(Map<String, String> flash) {
        messages.putAll(flash);
    }

    void clearChanged() {
        changed = false;
    }

    /** Returns whether the flash changed since the last call, then resets that mark. */
    boolean takeCallbackChange() {
        boolean result = changedSinceCallback;
        changedSinceCallback = false;
        return result;
    }

    private void markChanged() {
        changed = true;
        changedSinceCallback = true;
    }
}
