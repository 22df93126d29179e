package io.liveload.samples;

import io.liveload.demo.DemoApp;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the embedded demo app on a free 127.0.0.1 port before a sample class and stops it afterwards, unless the
 * configuration parameter {@code liveload.baseUrl} points the samples at another server. Register it in a
 * static field with {@code @RegisterExtension}.
 */
public final class DemoAppExtension implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private volatile DemoApp app;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getConfigurationParameter("liveload.baseUrl").isEmpty()) {
            app = DemoApp.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DemoApp running = app;
        app = null;
        if (running != null) {
            running.close();
        }
    }

    /** Returns the demo app's base URL. */
    public URI baseUrl() {
        return running().baseUrl();
    }

    /** Returns the demo app's session cookie value for a user, as a browser gets it after logging in. */
    public String sessionCookieFor(String user) {
        return cookies.computeIfAbsent(user, running()::sessionCookieFor);
    }

    private DemoApp running() {
        DemoApp running = app;
        if (running == null) {
            throw new IllegalStateException("The demo app is not running: liveload.baseUrl is set, so pass the "
                    + "session cookie with -Dliveload.env.LIVEBEATS_COOKIE=...");
        }
        return running;
    }
}
