package io.liveload.demo;

import java.io.IOException;
import java.net.URI;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A LiveView page fetched over HTTP, with what a client needs to join its main view. */
record DeadPage(String url, int status, String html, Document document) {

    /** Fetches the page; the client's cookie jar keeps the session cookie. */
    static DeadPage fetch(OkHttpClient http, URI url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
            String html = response.body().string();
            return new DeadPage(url.toString(), response.code(), html, Jsoup.parse(html, url.toString()));
        }
    }

    Element main() {
        return document.selectFirst("[data-phx-main]");
    }

    String csrfToken() {
        return document.selectFirst("meta[name=csrf-token]").attr("content");
    }

    String viewId() {
        return main().id();
    }

    String topic() {
        return "lv:" + viewId();
    }

    String sessionToken() {
        return main().attr("data-phx-session");
    }

    String staticToken() {
        return main().attr("data-phx-static");
    }
}
