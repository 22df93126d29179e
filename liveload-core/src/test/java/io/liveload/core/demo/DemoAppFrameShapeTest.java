package io.liveload.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.demo.DemoApp;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the client side of the recorded LiveView 1.2.10 sessions against the demo app. Every
 * frame the demo sends must have the shape of the recorded one: the same event, the same payload
 * keys at every level, the same JSON value types and the same stream-op layout. Values such as
 * tokens, view ids, refs and stream item ids may differ.
 *
 * <p>Recorded outbound frames are sent with their own refs, so replies pair up by ref. Other
 * inbound frames pair up by event and join ref, in order. The demo's profile page differs from
 * the recorded one on purpose: it has more rows and a nested view, so the live navigation to it
 * (the last join of s5) allows those differences and no others.
 */
class DemoAppFrameShapeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static DemoApp app;

    @BeforeAll
    static void start() {
        app = DemoApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "s1_counter_clicks",
        "s2_live_component",
        "s3_live_patch",
        "s5_settings_form_and_navigate",
        "s7_ticker_push_event",
        "s9_stream_limit"
    })
    void framesHaveRecordedShape(String scenario) throws Exception {
        JsonNode vector = loadVector(scenario);
        String recordedBase = baseOf(vector.get("initial_http").get("url").asText());
        String path = vector.get("initial_http").get("url").asText().substring(recordedBase.length());
        Document recordedPage = Jsoup.parse(vector.get("initial_http").get("html").asText());
        String recordedViewId = recordedPage.selectFirst("[data-phx-main]").id();

        Jar jar = new Jar();
        OkHttpClient http = new OkHttpClient.Builder().cookieJar(jar).followRedirects(false).build();
        try {
            if (path.startsWith("/profile")) {
                get(http, "/login?user=glennr");
            }
            Document page = Jsoup.parse(get(http, path), app.baseUrl().resolve(path).toString());
            Element main = page.selectFirst("[data-phx-main]");
            String csrf = page.selectFirst("meta[name=csrf-token]").attr("content");
            Replacements replacements = new Replacements(recordedBase, app.baseUrl().toString().replaceAll("/$", ""),
                    "lv:" + recordedViewId, "lv:" + main.id(), csrf, main.attr("data-phx-session"),
                    main.attr("data-phx-static"), trackedStatics(page));

            try (Recorder recorder = Recorder.open(http, app.baseUrl().resolve("/live/websocket?_csrf_token=" + csrf + "&vsn=2.0.0"))) {
                replay(vector, replacements, recorder);
            }
        } finally {
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
    }

    private static void replay(JsonNode vector, Replacements replacements, Recorder recorder) throws Exception {
        List<JsonNode> steps = new ArrayList<>();
        vector.get("steps").forEach(steps::add);
        Map<String, Integer> seenPushes = new LinkedHashMap<>();
        String lastJoinRef = null;

        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            JsonNode frame = MAPPER.readTree(step.get("frame").asText());
            if (step.get("dir").asText().equals("out")) {
                if (frame.get(3).asText().equals("phx_join")) {
                    lastJoinRef = frame.get(1).asText();
                }
                recorder.send(replacements.apply((ArrayNode) frame));
                continue;
            }

            String key = frame.get(3).asText() + "/" + frame.get(0).asText(null) + "/" + frame.get(1).isNull();
            int occurrence = seenPushes.merge(key, 1, Integer::sum) - 1;
            JsonNode actual = frame.get(3).asText().equals("phx_reply")
                    ? recorder.await(candidate -> isReplyTo(candidate, frame.get(1).asText()), 0)
                    : recorder.await(candidate -> sameEventAndJoinRef(candidate, frame), occurrence);

            boolean profileNavigation = frame.get(3).asText().equals("phx_reply")
                    && frame.get(1).asText().equals(lastJoinRef)
                    && frame.get(4).path("response").has("container");
            List<String> differences = new ArrayList<>();
            compare(frame, actual, "frame", profileNavigation, differences);
            assertThat(differences)
                    .as("shape of inbound step %d of %s%nrecorded: %s%ndemo:     %s", i, vector.get("scenario").asText(), frame, actual)
                    .isEmpty();
        }
    }

    /**
     * Adds a line to {@code differences} for every place where the demo frame's shape differs.
     *
     * @param profileNavigation whether this is the join reply of the demo's profile page, which has
     *     a nested view in slot 5 of its content and a different number of song rows
     */
    private static void compare(JsonNode recorded, JsonNode actual, String path, boolean profileNavigation, List<String> differences) {
        if (recorded.getNodeType() != actual.getNodeType()) {
            differences.add(path + ": recorded " + recorded.getNodeType() + ", demo " + actual.getNodeType());
            return;
        }
        if (path.equals("frame[3]") && !recorded.asText().equals(actual.asText())) {
            differences.add(path + ": recorded event " + recorded.asText() + ", demo " + actual.asText());
        }
        if (recorded.isArray()) {
            boolean contentTemplate = profileNavigation && path.equals("frame[4].response.rendered.p.3");
            if (recorded.size() != actual.size() && !contentTemplate) {
                differences.add(path + ": recorded " + recorded.size() + " elements, demo " + actual.size());
                return;
            }
            for (int i = 0; i < Math.min(recorded.size(), actual.size()); i++) {
                compare(recorded.get(i), actual.get(i), path + "[" + i + "]", profileNavigation, differences);
            }
            return;
        }
        if (!recorded.isObject()) {
            return;
        }

        Set<String> recordedKeys = keys(recorded);
        Set<String> actualKeys = keys(actual);
        boolean songRows = profileNavigation && path.equals("frame[4].response.rendered.2.3.k");
        if (songRows) {
            recordedKeys = Set.of("0", "kc");
            actualKeys.retainAll(Set.of("0", "kc"));
        }
        if (profileNavigation && path.equals("frame[4].response.rendered.2")) {
            actualKeys.remove("5");
        }
        if (!recordedKeys.equals(actualKeys)) {
            differences.add(path + ": recorded keys " + new TreeSet<>(recordedKeys) + ", demo keys " + new TreeSet<>(actualKeys));
            return;
        }
        for (String key : recordedKeys) {
            compare(recorded.get(key), actual.get(key), path + "." + key, profileNavigation, differences);
        }
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new HashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static boolean isReplyTo(JsonNode frame, String ref) {
        return frame.get(3).asText().equals("phx_reply") && ref.equals(frame.get(1).asText(null));
    }

    private static boolean sameEventAndJoinRef(JsonNode candidate, JsonNode recorded) {
        return candidate.get(3).asText().equals(recorded.get(3).asText())
                && candidate.get(0).asText("").equals(recorded.get(0).asText(""))
                && candidate.get(1).isNull() == recorded.get(1).isNull();
    }

    /** Values of the recording that the replay swaps for the demo's own. */
    private record Replacements(String recordedBase, String demoBase, String recordedTopic, String demoTopic,
            String csrfToken, String sessionToken, String staticToken, ArrayNode trackedStatics) {

        ArrayNode apply(ArrayNode frame) {
            ArrayNode copy = frame.deepCopy();
            if (copy.get(2).asText().equals(recordedTopic)) {
                copy.set(2, demoTopic);
            }
            if (!copy.get(3).asText().equals("phx_join")) {
                return copy;
            }
            ObjectNode payload = (ObjectNode) copy.get(4);
            rebase(payload, "url");
            rebase(payload, "redirect");
            payload.put("session", sessionToken);
            payload.put("static", staticToken);
            ObjectNode params = (ObjectNode) payload.get("params");
            params.put("_csrf_token", csrfToken);
            params.set("_track_static", trackedStatics);
            rebase(params, "_live_referer");
            return copy;
        }

        private void rebase(ObjectNode object, String field) {
            JsonNode value = object.get(field);
            if (value != null && value.isTextual() && value.asText().startsWith(recordedBase)) {
                object.put(field, demoBase + value.asText().substring(recordedBase.length()));
            }
        }
    }

    /** Records every frame of one websocket in arrival order. */
    private static final class Recorder implements AutoCloseable {
        private final List<JsonNode> frames = new ArrayList<>();
        private final WebSocket socket;

        private Recorder(OkHttpClient http, java.net.URI url) {
            Request request = new Request.Builder()
                    .url(url.toString().replaceFirst("^http", "ws"))
                    .header("Origin", app.baseUrl().toString())
                    .build();
            socket = http.newWebSocket(request, new WebSocketListener() {
                @Override
                public void onMessage(WebSocket webSocket, String text) {
                    synchronized (frames) {
                        try {
                            frames.add(MAPPER.readTree(text));
                        } catch (IOException e) {
                            throw new IllegalStateException("The demo sent invalid JSON: " + text, e);
                        }
                        frames.notifyAll();
                    }
                }
            });
        }

        static Recorder open(OkHttpClient http, java.net.URI url) {
            return new Recorder(http, url);
        }

        void send(ArrayNode frame) {
            socket.send(frame.toString());
        }

        /** Waits for the {@code occurrence}-th (from 0) received frame that matches. */
        JsonNode await(java.util.function.Predicate<JsonNode> matcher, int occurrence) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            synchronized (frames) {
                while (true) {
                    List<JsonNode> matching = frames.stream().filter(matcher).toList();
                    if (matching.size() > occurrence) {
                        return matching.get(occurrence);
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return fail("No matching frame within %s; the demo sent %s", WAIT, frames);
                    }
                    TimeUnit.NANOSECONDS.timedWait(frames, left);
                }
            }
        }

        @Override
        public void close() {
            socket.close(1000, null);
        }
    }

    /** A cookie jar for the one demo host. */
    private static final class Jar implements CookieJar {
        private final Map<String, Cookie> cookies = new LinkedHashMap<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            received.forEach(cookie -> cookies.put(cookie.name(), cookie));
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return new ArrayList<>(cookies.values());
        }
    }

    private static String get(OkHttpClient http, String path) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(app.baseUrl().resolve(path).toString()).build()).execute()) {
            return response.body().string();
        }
    }

    private static ArrayNode trackedStatics(Document page) {
        ArrayNode urls = MAPPER.createArrayNode();
        page.select("[phx-track-static]").forEach(element ->
                urls.add(element.hasAttr("href") ? element.absUrl("href") : element.absUrl("src")));
        return urls;
    }

    private static String baseOf(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static JsonNode loadVector(String scenario) throws IOException {
        try (InputStream in = DemoAppFrameShapeTest.class.getResourceAsStream("/liveview-vectors/lv1.2/" + scenario + ".json")) {
            assertThat(in).as("test vector %s", scenario).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
