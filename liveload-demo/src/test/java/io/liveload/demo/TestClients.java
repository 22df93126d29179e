package io.liveload.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** OkHttp clients for tests; each has its own cookie jar, like one browser tab. */
final class TestClients {
    private TestClients() {
    }

    /** Returns a client that keeps cookies (all hosts share one jar) and does not follow redirects. */
    static OkHttpClient browser() {
        return browser(new Jar());
    }

    static OkHttpClient browser(Jar jar) {
        return new OkHttpClient.Builder()
                .cookieJar(jar)
                .followRedirects(false)
                .readTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Returns a browser client that already has a session cookie for the user. */
    static OkHttpClient withSession(DemoApp app, String user) {
        Jar jar = new Jar();
        jar.put(HttpUrl.get(app.baseUrl().toString()), DemoApp.SESSION_COOKIE_NAME, app.sessionCookieFor(user));
        return browser(jar);
    }

    /** Releases the client's threads and pooled connections. */
    static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }

    /** A cookie jar keyed by cookie name only, enough for one test server. */
    static final class Jar implements CookieJar {
        private final Map<String, Cookie> cookies = new LinkedHashMap<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            for (Cookie cookie : received) {
                if (cookie.expiresAt() < System.currentTimeMillis() || cookie.value().isEmpty()) {
                    cookies.remove(cookie.name());
                } else {
                    cookies.put(cookie.name(), cookie);
                }
            }
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return new ArrayList<>(cookies.values());
        }

        synchronized void put(HttpUrl url, String name, String value) {
            cookies.put(name, new Cookie.Builder().name(name).value(value).domain(url.host()).path("/").build());
        }

        synchronized String value(String name) {
            Cookie cookie = cookies.get(name);
            return cookie == null ? null : cookie.value();
        }

        /** Returns the {@code Cookie} request header for all cookies, as a browser sends it. */
        synchronized String header() {
            StringBuilder header = new StringBuilder();
            for (Cookie cookie : cookies.values()) {
                if (header.length() > 0) {
                    header.append("; ");
                }
                header.append(cookie.name()).append('=').append(cookie.value());
            }
            return header.toString();
        }
    }
}
