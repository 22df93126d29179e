package io.liveload.demo.internal.views;

import io.liveload.demo.internal.live.LiveRoute;
import io.liveload.demo.internal.live.LiveView;
import io.liveload.demo.internal.live.Router;
import io.liveload.demo.internal.security.Tokens;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The LiveView routes of the demo app, in two live_sessions:
 *
 * <ul>
 *   <li>{@code public}: {@code /counter} (counter) and {@code /other} (other);
 *   <li>{@code authenticated}: {@code /profile/settings} (settings) and {@code /:username}
 *       (profile), for names of 2 to 30 letters, digits or underscores.
 * </ul>
 *
 * The nested view {@code now_playing} has no route. Paths served by plain HTTP handlers
 * ({@code /login}, {@code /logout}, {@code /assets/...}, {@code /live/...}) never match. One
 * instance per app, because it owns the song cache.
 */
public final class DemoRouter implements Router {
    static final String COUNTER = "counter";
    static final String OTHER = "other";
    static final String SETTINGS = "settings";
    static final String PROFILE = "profile";
    static final String NOW_PLAYING = "now_playing";

    private static final String PUBLIC = "public";
    private static final String AUTHENTICATED = "authenticated";
    private static final Set<String> RESERVED_NAMES = Set.of("counter", "other", "login", "logout", "assets", "live", "profile");

    private final SongCatalog songs = new SongCatalog();

    @Override
    public Optional<LiveRoute> route(String path) {
        switch (path) {
            case "/counter":
                return Optional.of(new LiveRoute(COUNTER, PUBLIC, Map.of()));
            case "/other":
                return Optional.of(new LiveRoute(OTHER, PUBLIC, Map.of()));
            case "/profile/settings":
                return Optional.of(new LiveRoute(SETTINGS, AUTHENTICATED, Map.of()));
            default:
                break;
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (Tokens.isValidUsername(name) && !RESERVED_NAMES.contains(name)) {
            return Optional.of(new LiveRoute(PROFILE, AUTHENTICATED, Map.of("username", name)));
        }
        return Optional.empty();
    }

    @Override
    public LiveView newView(String view) {
        return switch (view) {
            case COUNTER -> new CounterView();
            case OTHER -> new OtherView();
            case SETTINGS -> new SettingsView();
            case PROFILE -> new ProfileView(songs);
            case NOW_PLAYING -> new NowPlayingView();
            default -> throw new IllegalArgumentException("Unknown view \"" + view + "\"");
        };
    }
}
