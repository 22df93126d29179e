package io.liveload.demo.internal.live;

import java.util.Optional;

/** Maps paths to LiveViews and creates view instances. Implementations are stateless and thread-safe. */
public interface Router {
    /** Returns the LiveView route of a path, or empty when the path is no LiveView page. */
    Optional<LiveRoute> route(String path);

    /** Returns a new instance of the named view; fails for an unknown name. */
    LiveView newView(String view);
}
