package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes the value of a {@code "form"} event the way LiveView does with Plug's query decoder:
 * {@code user[name]=Ann&tags[]=a} becomes {@code {"user":{"name":"Ann"},"tags":["a"]}}, the
 * event's {@code meta} object is merged over the result, and {@code _target} becomes the list of
 * name segments of the changed input ({@code ["user","name"]}).
 */
final class FormDecoder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FormDecoder() {
    }

    static ObjectNode decode(String urlEncoded, JsonNode meta) {
        ObjectNode params = JSON.objectNode();
        if (urlEncoded != null && !urlEncoded.isEmpty()) {
            for (String pair : urlEncoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decodeComponent(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decodeComponent(pair.substring(equals + 1));
                put(params, keyPath(name), value);
            }
        }
        if (meta != null && meta.isObject()) {
            for (Map.Entry<String, JsonNode> field : meta.properties()) {
                params.set(field.getKey(), field.getValue());
            }
        }
        JsonNode target = params.get("_target");
        if (target != null && target.isTextual()) {
            ArrayNode segments = JSON.arrayNode();
            for (String segment : keyPath(target.asText())) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
            params.set("_target", segments);
        }
        return params;
    }

    /** Splits {@code user[address][city]} into {@code [user, address, city]}; {@code []} gives an empty segment. */
    private static List<String> keyPath(String name) {
        List<String> path = new ArrayList<>(3);
        int open = name.indexOf('[');
        if (open <= 0) {
            path.add(name);
            return path;
        }
        path.add(name.substring(0, open));
        while (open >= 0 && open < name.length()) {
            int close = name.indexOf(']', open);
            if (close < 0) {
                break;
            }
            path.add(name.substring(open + 1, close));
            open = name.indexOf('[', close);
        }
        return path;
    }

    private static void put(ObjectNode params, List<String> path, String value) {
        ObjectNode current = params;
        for (int i = 0; i < path.size() - 1; i++) {
            String segment = path.get(i);
            String next = path.get(i + 1);
            if (next.isEmpty()) {
                JsonNode list = current.get(segment);
                ArrayNode array = list instanceof ArrayNode existing ? existing : current.putArray(segment);
                array.add(value);
                return;
            }
            JsonNode child = current.get(segment);
            current = child instanceof ObjectNode object ? object : current.putObject(segment);
        }
        current.put(path.get(path.size() - 1), value);
    }

    private static String decodeComponent(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return encoded;
        }
    }
}
