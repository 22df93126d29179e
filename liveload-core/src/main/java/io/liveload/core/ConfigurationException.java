package io.liveload.core;

/**
 * A configuration error: an invalid option, threshold or URL. Found before load is sent where possible; when a
 * script reveals one during the run (a relative URL without a base URL, a host outside the allowed hosts), the
 * run stops at once and fails with this message instead of sending anything for it.
 */
public class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
