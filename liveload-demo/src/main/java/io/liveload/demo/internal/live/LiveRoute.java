package io.liveload.demo.internal.live;

import java.util.Map;

/**
 * A router match for a LiveView page.
 *
 * @param view the view name
 * @param liveSession the live_session of the route; live navigation works only within one
 * @param pathParams parameters taken from the path, for example {@code username}
 */
public record LiveRoute(String view, String liveSession, Map<String, String> pathParams) {
    public LiveRoute {
        pathParams = Map.copyOf(pathParams);
    }
}
