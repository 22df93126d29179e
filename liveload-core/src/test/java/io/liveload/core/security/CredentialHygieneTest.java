package io.liveload.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.dsl.Liveload;
import io.liveload.core.http.RequestOptions;
import io.liveload.core.plan.RunOptions;
import io.liveload.core.plan.TimeSeriesOutput;
import io.liveload.core.testing.FaultServer;
import io.liveload.core.testing.LogCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that sends cookies, an {@code Authorization} header, other credential headers and a URL password, to routes
 * that succeed, fail, reset and redirect to another origin. None of the secrets may appear in the log, the printed
 * summary or any file the run writes.
 */
@Timeout(60)
class CredentialHygieneTest {

    private static final String BEARER_TOKEN = "bearer-secret-7d1f";
    private static final String JAR_COOKIE = "jar-cookie-secret-93ab";
    private static final String API_KEY = "api-key-secret-55e2";
    private static final String PROXY_PASSWORD = "proxy-secret-1c3c";
    private static final String REQUEST_COOKIE = "request-cookie-secret-0aa9";
    private static final String SERVER_COOKIE = "server-cookie-secret-b3f0";
    private static final String URL_PASSWORD = "url-password-secret-77e1";
    private static final List<String> SECRETS = List.of(BEARER_TOKEN, JAR_COOKIE, API_KEY, PROXY_PASSWORD,
            REQUEST_COOKIE, SERVER_COOKIE, URL_PASSWORD);

    private static FaultServer server;
    private static String log;
    private static String printed;

    @TempDir
    static Path outputDir;

    @BeforeAll
    static void runWithSecrets() {
        server = new FaultServer();
        Consumer<RequestOptions> credentials = request -> request
                .header("Authorization", "Bearer " + BEARER_TOKEN)
                .header("X-Api-Key", API_KEY)
                .header("Proxy-Authorization", "Basic " + PROXY_PASSWORD)
                .cookie("preference", REQUEST_COOKIE);
        String otherOrigin = "http://localhost:" + server.port() + "/echo-cookie";
        String withPassword = "http://user:" + URL_PASSWORD + "@127.0.0.1:" + server.port() + "/ok";
        try (LogCapture errors = LogCapture.start(); LogCapture out = LogCapture.startStandardOutput()) {
            Liveload.plan("credentials").baseUrl(server.baseUrl()).outputDir(outputDir)
                    .cookie("session", JAR_COOKIE)
                    .options(options -> options.withTimeSeries(TimeSeriesOutput.json().withHistogramLogs(true)))
                    .scenario("secrets", s -> s.perVuIterations(2).exec(vu -> {
                        vu.http().get("/set-cookie?name=server",
                                request -> request.header("X-Cookie-Value", SERVER_COOKIE));
                        vu.http().get("/echo-cookie", credentials);
                        vu.http().get("/reset", credentials);
                        vu.http().get("/flaky?every=1", credentials);
                        vu.http().get("/redirect?to=" + otherOrigin, credentials);
                        vu.http().get(withPassword, credentials);
                        vu.check(vu.http().get("/missing", credentials), "found", response -> response.status() == 200);
                    }))
                    .threshold("http_req_failed", "rate == 0")
                    .run();
            log = errors.text();
            printed = out.text();
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Map<Path, String> writtenFiles() {
        try (Stream<Path> files = Files.walk(outputDir)) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(file -> file,
                    file -> read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void serverReceivedSecrets() {
        var echo = server.requests().stream().filter(request -> request.target().equals("/echo-cookie")).toList();

        assertThat(echo).isNotEmpty();
        assertThat(echo.get(0).header("Authorization")).isEqualTo("Bearer " + BEARER_TOKEN);
        assertThat(echo.get(0).header("Cookie")).contains(JAR_COOKIE, REQUEST_COOKIE, SERVER_COOKIE);
    }

    @Test
    void logHasNoSecret() {
        assertThat(log).contains("[credentials]");
        assertThat(log).doesNotContain(SECRETS);
    }

    @Test
    void printedSummaryHasNoSecret() {
        assertThat(printed).contains("credentials");
        assertThat(printed).doesNotContain(SECRETS);
    }

    @Test
    void writtenFilesHaveNoSecret() {
        Map<Path, String> files = writtenFiles();

        assertThat(files.keySet()).extracting(file -> file.getFileName().toString())
                .contains("summary.json", "report.html", "metrics.json");
        files.forEach((file, text) -> assertThat(text).as(file.toString()).doesNotContain(SECRETS));
    }

    @Test
    void otherOriginGetsNoCredentials() {
        var crossOrigin = server.requests().stream()
                .filter(request -> "localhost:" .concat(String.valueOf(server.port())).equals(request.header("Host")))
                .toList();

        assertThat(crossOrigin).isNotEmpty();
        assertThat(crossOrigin).allSatisfy(request -> {
            assertThat(request.header("Authorization")).isNull();
            assertThat(request.header("Proxy-Authorization")).isNull();
            assertThat(request.header("Cookie")).isNull();
        });
    }
}
