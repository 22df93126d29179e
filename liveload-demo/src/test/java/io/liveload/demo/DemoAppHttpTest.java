package io.liveload.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoAppHttpTest {
    private static DemoApp app;
    private static OkHttpClient http;

    @BeforeAll
    static void start() {
        app = DemoApp.start();
        http = TestClients.browser();
    }

    @AfterAll
    static void stop() {
        TestClients.shutdown(http);
        app.close();
    }

    @Test
    void loginSetsCookieAndRedirects() throws IOException {
        try (Response response = get(http, "/login?user=glennr")) {
            assertThat(response.code()).isEqualTo(302);
            assertThat(response.header("Location")).isEqualTo("/profile/settings");
            assertThat(response.headers("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(DemoApp.SESSION_COOKIE_NAME + "=").contains("HttpOnly"));
        }
    }

    @Test
    void loginRejectsInvalidName() throws IOException {
        try (Response response = get(http, "/login?user=glenn%20r")) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.headers("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void loginWithoutUserShowsForm() throws IOException {
        try (Response response = get(http, "/login")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("<form id=\"login-form\" action=\"/login\" method=\"get\">");
        }
    }

    @Test
    void settingsWithoutCookieRedirectsToLogin() throws IOException {
        OkHttpClient anonymous = TestClients.browser();
        try (Response response = get(anonymous, "/profile/settings")) {
            assertThat(response.code()).isEqualTo(302);
            assertThat(response.header("Location")).isEqualTo("/login");
        } finally {
            TestClients.shutdown(anonymous);
        }
    }

    @Test
    void settingsShowsHeading() throws IOException {
        OkHttpClient client = TestClients.withSession(app, "glennr");
        try {
            DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/profile/settings"));

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("Profile Settings");
            assertThat(page.document().selectFirst("h1").text()).isEqualTo("Profile Settings");
            assertThat(page.document().selectFirst("#current-user").text()).isEqualTo("glennr");
            assertThat(page.document().selectFirst("#settings-form").attr("phx-change")).isEqualTo("validate");
            assertThat(page.document().selectFirst("#settings-form").attr("phx-submit")).isEqualTo("save");
            assertThat(page.document().selectFirst("#user_username").attr("name")).isEqualTo("user[username]");
            assertThat(page.document().selectFirst("#profile-link").attr("href")).isEqualTo("/glennr");
            assertThat(page.document().selectFirst("#profile-link").attr("data-phx-link")).isEqualTo("redirect");
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void loginCookieOpensSettings() throws IOException {
        OkHttpClient client = TestClients.browser();
        try {
            get(client, "/login?user=ann_1").close();
            try (Response response = get(client, "/profile/settings")) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).contains("<span id=\"current-user\">ann_1</span>");
            }
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void logoutClearsSession() throws IOException {
        OkHttpClient client = TestClients.browser();
        try {
            get(client, "/login?user=ann_1").close();
            try (Response logout = get(client, "/logout")) {
                assertThat(logout.code()).isEqualTo(302);
                assertThat(logout.header("Location")).isEqualTo("/login");
            }
            try (Response settings = get(client, "/profile/settings")) {
                assertThat(settings.code()).isEqualTo(302);
            }
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void profileIsAbout40KilobytesWithArtist() throws IOException {
        OkHttpClient client = TestClients.withSession(app, "glennr");
        try (Response response = get(client, "/glennr")) {
            byte[] body = response.body().bytes();
            String html = new String(body, StandardCharsets.UTF_8);

            assertThat(response.code()).isEqualTo(200);
            assertThat(body.length).isBetween(35 * 1024, 45 * 1024);
            assertThat(html).contains("Artist");
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void profileDeadRenderIsStatic() throws IOException {
        OkHttpClient client = TestClients.withSession(app, "glennr");
        try {
            DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/glennr"));

            assertThat(page.document().selectFirst("#profile-title").text()).isEqualTo("glennr's profile");
            assertThat(page.document().selectFirst("#render-mode").text()).isEqualTo("static");
            assertThat(page.document().select("#songs tbody tr")).hasSize(100);
            assertThat(page.document().selectFirst("#song-2 td:nth-child(3)").text()).isEqualTo("Tycho");
            assertThat(page.document().selectFirst("#song-5 td:nth-child(4)").text()).isEqualTo("4:05");
            assertThat(page.document().selectFirst("#settings-link").attr("href")).isEqualTo("/profile/settings");
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void profileRendersNestedViewForLaterJoin() throws IOException {
        OkHttpClient client = TestClients.withSession(app, "glennr");
        try {
            DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/glennr"));
            Element child = page.document().selectFirst("#now-playing");

            assertThat(child.attr("data-phx-session")).isEmpty();
            assertThat(child.attr("data-phx-static")).isNotEmpty();
            assertThat(child.attr("data-phx-parent-id")).isEqualTo(page.viewId());
            assertThat(child.selectFirst("#now-playing-title").text()).isEqualTo("glennr track 1");
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void repeatedPageLoadsGetOwnIdsAndTokens() throws IOException {
        OkHttpClient client = TestClients.withSession(app, "glennr");
        try {
            DeadPage first = DeadPage.fetch(client, app.baseUrl().resolve("/glennr"));
            DeadPage second = DeadPage.fetch(client, app.baseUrl().resolve("/glennr"));

            assertThat(second.viewId()).isNotEqualTo(first.viewId());
            assertThat(second.sessionToken()).isNotEqualTo(first.sessionToken());
            assertThat(second.csrfToken()).isNotEqualTo(first.csrfToken());
            assertThat(second.document().selectFirst("#now-playing").attr("data-phx-parent-id")).isEqualTo(second.viewId());
            assertThat(second.document().select("#songs tbody tr")).hasSize(100);
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void profileWithoutCookieRedirectsToLogin() throws IOException {
        OkHttpClient anonymous = TestClients.browser();
        try (Response response = get(anonymous, "/glennr")) {
            assertThat(response.code()).isEqualTo(302);
            assertThat(response.header("Location")).isEqualTo("/login");
        } finally {
            TestClients.shutdown(anonymous);
        }
    }

    @Test
    void counterPageHasLiveViewBootstrap() throws IOException {
        OkHttpClient client = TestClients.browser();
        try {
            DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.csrfToken()).isNotEmpty();
            assertThat(page.viewId()).startsWith("phx-");
            assertThat(page.main().hasAttr("data-phx-main")).isTrue();
            assertThat(page.sessionToken()).isNotEmpty();
            assertThat(page.staticToken()).isNotEmpty();
            assertThat(page.document().title()).isEqualTo("LV test");
            assertThat(page.document().select("[phx-track-static]")).hasSize(2);
            assertThat(page.document().selectFirst("#count").text()).isEqualTo("0");
            assertThat(page.document().selectFirst("#inc-by").attr("phx-value-by")).isEqualTo("10");
            assertThat(page.document().selectFirst("#events").attr("phx-update")).isEqualTo("stream");
            assertThat(page.document().select("#todo-list li")).hasSize(2);
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void counterPageSetsAnonymousSession() throws IOException {
        OkHttpClient client = TestClients.browser();
        try (Response response = get(client, "/counter")) {
            assertThat(response.headers("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(DemoApp.SESSION_COOKIE_NAME + "="));
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void counterPageParamsSetPage() throws IOException {
        DeadPage page = DeadPage.fetch(http, app.baseUrl().resolve("/counter?page=4"));

        assertThat(page.document().selectFirst("#page").text()).isEqualTo("4");
        assertThat(page.document().selectFirst("#next-page").attr("href")).isEqualTo("/counter?page=5");
    }

    @Test
    void otherPageShowsUser() throws IOException {
        OkHttpClient client = TestClients.withSession(app, "glennr");
        try {
            DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/other"));

            assertThat(page.document().selectFirst("h1").text()).isEqualTo("Other LiveView");
            assertThat(page.document().selectFirst("#user").text()).isEqualTo("glennr");
            assertThat(page.document().selectFirst("#back-link").attr("href")).isEqualTo("/counter");
        } finally {
            TestClients.shutdown(client);
        }
    }

    @Test
    void rootRedirectsToCounter() throws IOException {
        try (Response response = get(http, "/")) {
            assertThat(response.code()).isEqualTo(302);
            assertThat(response.header("Location")).isEqualTo("/counter");
        }
    }

    @Test
    void assetsAreServed() throws IOException {
        try (Response css = get(http, "/assets/app.css"); Response js = get(http, "/assets/app.js")) {
            assertThat(css.code()).isEqualTo(200);
            assertThat(css.header("Content-Type")).startsWith("text/css");
            assertThat(js.code()).isEqualTo(200);
            assertThat(js.header("Content-Type")).startsWith("text/javascript");
        }
    }

    @Test
    void unknownPathIsNotFound() throws IOException {
        try (Response response = get(http, "/no/such/page")) {
            assertThat(response.code()).isEqualTo(404);
        }
    }

    @Test
    void postIsRejected() throws IOException {
        Request post = new Request.Builder()
                .url(app.baseUrl().resolve("/counter").toString())
                .post(okhttp3.RequestBody.create(new byte[0]))
                .build();
        try (Response response = http.newCall(post).execute()) {
            assertThat(response.code()).isEqualTo(405);
        }
    }

    @Test
    void sessionCookieForRejectsInvalidName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.sessionCookieFor("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"x\"");
    }

    static Response get(OkHttpClient client, String path) throws IOException {
        return client.newCall(new Request.Builder().url(app.baseUrl().resolve(path).toString()).build()).execute();
    }
}
