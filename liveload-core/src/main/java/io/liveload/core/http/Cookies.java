package io.liveload.core.http;

import java.util.Map;

/** A VU's cookie jar: cookies set by responses, plus those added here. Cookies follow RFC 6265 matching. */
public interface Cookies {

    /** Adds a cookie for the host of the base URL, all paths. */
    void add(String name, String value);

    /** Adds a cookie for the host of the URL, all paths. */
    void add(String url, String name, String value);

    /** Returns the cookies that a request to the URL would send, by name. */
    Map<String, String> forUrl(String url);

    /** Removes every cookie. */
    void clear();
}
