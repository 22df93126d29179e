package io.liveload.demo.internal.live;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a page URL that routing needs: the decoded path and the query parameters.
 *
 * @param path the decoded path, for example {@code /counter}
 * @param query the query parameters; for a repeated name the last value wins, as in Plug
 */
public record PageUrl(String path, Map<String, String> query) {
    public PageUrl {
        query = Map.copyOf(query);
    }

    /** Parses an absolute URL or a path with query; empty when it is no valid URI. */
    public static Optional<PageUrl> parse(String url) {
        try {
            URI uri = new URI(url);
            String path = uri.getPath();
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            return Optional.of(new PageUrl(path, parseQuery(uri.getRawQuery())));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Parses a raw {@code a=1&b=2} query string; a name without {@code =} gets an empty value. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.put(name, value);
        }
        return query;
    }

    /** Returns the route's path parameters merged over the query parameters, as LiveView passes them to handle_params. */
    public Map<String, String> paramsWith(LiveRoute route) {
        Map<String, String> params = new HashMap<>(query);
        params.putAll(route.pathParams());
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }
}
