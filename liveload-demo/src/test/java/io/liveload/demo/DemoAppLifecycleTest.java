package io.liveload.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoAppLifecycleTest {

    @Test
    void twentyStartStopCyclesReleaseThreadsAndFiles() throws Exception {
        // One cycle first, so that classes, JIT and JDK-wide threads are loaded before the baseline.
        runCycle();
        List<String> baselineThreads = threadsOutsideTestClient();
        int baselineFiles = openFileCount();

        for (int i = 0; i < 20; i++) {
            runCycle();
        }

        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            assertThat(threadsOutsideTestClient()).hasSizeLessThanOrEqualTo(baselineThreads.size());
            assertThat(openFileCount()).isLessThanOrEqualTo(baselineFiles);
        });
    }

    @Test
    void instancesRunSideBySide() throws IOException {
        try (DemoApp first = DemoApp.start(); DemoApp second = DemoApp.start()) {
            OkHttpClient client = TestClients.browser();
            try {
                assertThat(first.port()).isNotEqualTo(second.port());
                assertThat(status(client, first)).isEqualTo(200);
                assertThat(status(client, second)).isEqualTo(200);
            } finally {
                TestClients.shutdown(client);
            }
        }
    }

    @Test
    void sessionCookieOfOtherInstanceIsRejected() throws IOException {
        try (DemoApp first = DemoApp.start(); DemoApp second = DemoApp.start()) {
            OkHttpClient client = TestClients.withSession(first, "glennr");
            try (Response response = client.newCall(new Request.Builder()
                    .url(second.baseUrl().resolve("/profile/settings").toString()).build()).execute()) {
                assertThat(response.code()).isEqualTo(302);
            } finally {
                TestClients.shutdown(client);
            }
        }
    }

    @Test
    void baseUrlNamesLoopbackAndPort() {
        try (DemoApp app = DemoApp.start()) {
            assertThat(app.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + app.port());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "::1", "[::1]"})
    void otherLoopbackNamesServePages(String host) throws IOException {
        assumeTrue(host.equals("localhost") || ipv6LoopbackAvailable(), "this machine has no IPv6 loopback");
        try (DemoApp app = DemoApp.start(DemoOptions.defaults().withBindHost(host))) {
            OkHttpClient client = TestClients.browser();
            try {
                assertThat(status(client, app)).isEqualTo(200);
            } finally {
                TestClients.shutdown(client);
            }
        }
    }

    @Test
    void fixedPortIsUsed() {
        int port;
        try (DemoApp free = DemoApp.start()) {
            port = free.port();
        }
        try (DemoApp fixed = DemoApp.start(DemoOptions.defaults().withPort(port))) {
            assertThat(fixed.port()).isEqualTo(port);
        }
    }

    @Test
    void takenPortFailsToStart() {
        try (DemoApp first = DemoApp.start()) {
            assertThatThrownBy(() -> DemoApp.start(DemoOptions.defaults().withPort(first.port())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Integer.toString(first.port()));
        }
    }

    @Test
    void closeTwiceIsHarmless() {
        DemoApp app = DemoApp.start();
        app.close();
        app.close();
    }

    @Test
    void closeEndsOpenSockets() throws Exception {
        DemoApp app = DemoApp.start();
        OkHttpClient client = TestClients.browser();
        try {
            DeadPage page = DeadPage.fetch(client, app.baseUrl().resolve("/counter"));
            LiveTestSocket socket = LiveTestSocket.open(client, app.baseUrl(), page.csrfToken());
            JsonNode reply = socket.join(page.topic(), LiveTestSocket.joinPayload(page, 0));
            assertThat(reply.get(4).get("status").asText()).isEqualTo("ok");

            app.close();

            assertThat(socket.awaitClose(Duration.ofSeconds(5))).isNotZero();
        } finally {
            app.close();
            TestClients.shutdown(client);
        }
    }

    private static void runCycle() throws IOException {
        try (DemoApp app = DemoApp.start()) {
            OkHttpClient client = TestClients.browser();
            try {
                assertThat(status(client, app)).isEqualTo(200);
            } finally {
                TestClients.shutdown(client);
            }
        }
    }

    private static int status(OkHttpClient client, DemoApp app) throws IOException {
        try (Response response = client.newCall(new Request.Builder().url(app.baseUrl().resolve("/counter").toString()).build()).execute()) {
            return response.code();
        }
    }

    /** Returns the names of live threads, leaving out OkHttp's shared threads, which belong to the test's HTTP client. */
    private static List<String> threadsOutsideTestClient() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> !name.startsWith("OkHttp") && !name.startsWith("Okio"))
                .sorted()
                .toList();
    }

    private static boolean ipv6LoopbackAvailable() {
        try {
            new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1")).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int openFileCount() {
        String[] files = new File("/proc/self/fd").list();
        return files == null ? 0 : files.length;
    }
}
