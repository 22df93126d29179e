package io.liveload.core.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The VU's cookie jar plus cookies given for one connection, which replace jar cookies of the same name.
 * Cookies the server sets go to the VU's jar.
 */
final class ExtraCookieJar implements CookieJar {

    private final CookieJar jar;
    private final Map<String, String> extra;

    ExtraCookieJar(CookieJar jar, Map<String, String> extra) {
        this.jar = jar;
        this.extra = Map.copyOf(extra);
    }

    @Override
    public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
        jar.saveFromResponse(url, cookies);
    }

    @Override
    public List<Cookie> loadForRequest(HttpUrl url) {
        List<Cookie> result = new ArrayList<>();
        for (Cookie cookie : jar.loadForRequest(url)) {
            if (!extra.containsKey(cookie.name())) {
                result.add(cookie);
            }
        }
        extra.forEach((name, value) -> result.add(
                new Cookie.Builder().name(name).value(value).hostOnlyDomain(url.host()).build()));
        return result;
    }
}
