package io.liveload.core.http;

import io.liveload.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * An in-memory cookie jar for one VU. OkHttp parses and matches cookies ({@link Cookie#parse},
 * {@link Cookie#matches}); this class only stores them, replacing a cookie with the same name, domain and path.
 * Websocket handshakes of the VU use it too, so a LiveView socket carries the session cookie of the page.
 */
final class VuCookieJar implements CookieJar, Cookies {

    private final List<Cookie> cookies = new ArrayList<>();
    private final HttpUrl baseUrl;
    private Map<String, String> requestCookies = Map.of();

    VuCookieJar(HttpUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
        for (Cookie cookie : received) {
            store(cookie);
        }
    }

    private void store(Cookie cookie) {
        cookies.removeIf(existing -> existing.name().equals(cookie.name())
                && existing.domain().equals(cookie.domain()) && existing.path().equals(cookie.path()));
        if (cookie.expiresAt() > System.currentTimeMillis()) {
            cookies.add(cookie);
        }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
        if (cookies.isEmpty() && requestCookies.isEmpty()) {
            return List.of();
        }
        List<Cookie> matching = new ArrayList<>(cookies.size());
        long now = System.currentTimeMillis();
        for (Iterator<Cookie> iterator = cookies.iterator(); iterator.hasNext(); ) {
            Cookie cookie = iterator.next();
            if (cookie.expiresAt() <= now) {
                iterator.remove();
            } else if (cookie.matches(url) && !requestCookies.containsKey(cookie.name())) {
                matching.add(cookie);
            }
        }
        requestCookies.forEach((name, value) -> matching.add(
                new Cookie.Builder().name(name).value(value).hostOnlyDomain(url.host()).build()));
        return matching;
    }

    /**
     * Sets cookies that requests send on top of the jar's until the next call; they replace jar cookies of the
     * same name. OkHttp writes the {@code Cookie} header from the jar, so per-request cookies go through here.
     */
    synchronized void setRequestCookies(Map<String, String> cookiesForRequest) {
        requestCookies = cookiesForRequest;
    }

    @Override
    public void add(String name, String value) {
        if (baseUrl == null) {
            throw new ConfigurationException("Cannot add cookie \"" + name + "\" for the base URL: no base URL is set;"
                    + " set liveload.baseUrl or use add(url, name, value)");
        }
        add(baseUrl, name, value);
    }

    @Override
    public void add(String url, String name, String value) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("Invalid cookie URL \"" + url + "\": expected an absolute http or https URL");
        }
        add(parsed, name, value);
    }

    private synchronized void add(HttpUrl url, String name, String value) {
        store(new Cookie.Builder().name(name).value(value).hostOnlyDomain(url.host()).path("/").build());
    }

    @Override
    public Map<String, String> forUrl(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("Invalid URL \"" + url + "\": expected an absolute http or https URL");
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (Cookie cookie : loadForRequest(parsed)) {
            byName.put(cookie.name(), cookie.value());
        }
        return byName;
    }

    @Override
    public synchronized void clear() {
        cookies.clear();
    }
}
