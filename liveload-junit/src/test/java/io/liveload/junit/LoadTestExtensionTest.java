package io.liveload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.liveload.core.RunResult;
import io.liveload.core.Vu;
import io.liveload.core.testing.LocalHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

class LoadTestExtensionTest {

    private static LocalHttpServer server;
    private static final AtomicReference<RunResult> seenInAfterEach = new AtomicReference<>();

    @TempDir
    Path outputDir;

    @BeforeAll
    static void startServer() {
        server = new LocalHttpServer().text("/ok", 200, "Profile Settings").text("/missing", 404, "nope");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ConfigKeys.BASE_URL, server.baseUrl())
                .configurationParameter(ConfigKeys.OUTPUT_DIR, outputDir.toString())
                .configurationParameter(ConfigKeys.PROGRESS, "off")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    @Test
    void passingThresholdsPass() {
        Events events = run(PassingLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("settings"), finishedSuccessfully()));
    }

    @Test
    void breachedThresholdFailsWithMessage() {
        Events events = run(BreachingLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("missingPage"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(text -> text.contains("✗ http_req_failed rate == 0: observed 1 (100.00%)")))));
    }

    @Test
    void failureMessageListsEveryBreach() {
        Events events = run(BreachingLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("missingPage"), finishedWithFailure(
                message(text -> text.startsWith("2 thresholds breached")))));
    }

    @Test
    void invalidThresholdFailsBeforeLoad() {
        long before = server.requestCount();

        Events events = run(InvalidThresholdLoad.class);

        events.assertThatEvents().haveExactly(1, event(test("badThreshold"), finishedWithFailure(
                message(text -> text.contains("Invalid threshold \"p95 < 500\"")))));
        assertThat(server.requestCount()).isEqualTo(before);
    }

    @Test
    void resultReachesAfterEach() {
        seenInAfterEach.set(null);

        run(PassingLoad.class);

        assertThat(seenInAfterEach.get()).isNotNull();
        assertThat(seenInAfterEach.get().scenarios().get(0).completeIterations()).isEqualTo(6);
    }

    @Test
    void configurationParameterOverridesVus() {
        seenInAfterEach.set(null);

        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ConfigKeys.BASE_URL, server.baseUrl())
                .configurationParameter(ConfigKeys.OUTPUT_DIR, outputDir.toString())
                .configurationParameter(ConfigKeys.VUS, "4")
                .selectors(selectClass(PassingLoad.class))
                .execute();

        assertThat(seenInAfterEach.get().scenarios().get(0).completeIterations()).isEqualTo(12);
    }

    @Test
    void outputGoesToClassAndMethodFolder() {
        run(PassingLoad.class);

        assertThat(Files.isDirectory(outputDir.resolve(PassingLoad.class.getName()).resolve("settings"))).isTrue();
    }

    @Threshold(metric = "checks", condition = "rate == 1")
    static class PassingLoad {

        @LoadTest(vus = 2, iterations = 3)
        @Threshold(metric = "http_req_duration", condition = "p(95) < 2s")
        void settings(Vu vu) {
            var response = vu.http().get("/ok");
            vu.check(response, "status 200", r -> r.status() == 200);
            vu.check(response, "has header", r -> r.body().contains("Profile Settings"));
        }

        @AfterEach
        void keep(RunResult result) {
            seenInAfterEach.set(result);
        }
    }

    static class BreachingLoad {

        @LoadTest(vus = 1, iterations = 2)
        @Threshold(metric = "http_req_failed", condition = "rate == 0")
        @Threshold(metric = "checks", condition = "rate > 0.99")
        @Threshold(metric = "http_req_duration", condition = "max < 10s")
        void missingPage(Vu vu) {
            var response = vu.http().get("/missing");
            vu.check(response, "status 200", r -> r.status() == 200);
        }
    }

    static class InvalidThresholdLoad {

        @LoadTest(vus = 1, iterations = 1)
        @Threshold(metric = "http_req_duration", condition = "p95 < 500")
        void badThreshold(Vu vu) {
            vu.http().get("/ok");
        }
    }
}
