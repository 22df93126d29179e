package io.liveload.core.plan;

import java.net.URI;
import java.net.URISyntaxException;

/** Validates base URLs, so that a malformed one fails before any load is sent. */
public final class BaseUrl {

    private BaseUrl() {
    }

    /**
     * Parses a base URL.
     *
     * @throws IllegalArgumentException naming the value and the accepted form when it is not an absolute
     *                                  http or https URL with a host
     */
    public static URI parse(String text) {
        String accepted = ": expected an absolute http or https URL with a host, such as http://127.0.0.1:8080";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Invalid base URL \"" + (text == null ? "" : text) + "\"" + accepted);
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid base URL \"" + text + "\" (" + e.getReason() + ")" + accepted, e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("Invalid base URL \"" + text + "\"" + accepted);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Invalid base URL \"" + text
                    + "\": it cannot have a query or fragment; put those on each request");
        }
        return uri;
    }
}
