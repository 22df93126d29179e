package io.liveload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liveload.core.RunResult;
import io.liveload.core.report.SummaryText.Marks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private final RunFixture fixture = RunFixture.standard();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ReportWriter writer = new ReportWriter(new PrintStream(printed, true, StandardCharsets.UTF_8),
            Marks.UNICODE);

    @TempDir
    Path directory;

    private RunResult resultWithOutputDir(Path outputDir) {
        return fixture.result(RunFixture.standardThresholds(), options -> options.withOutputDir(outputDir), List.of(),
                Optional.empty());
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTextSummary() {
        RunResult result = fixture.result();

        writer.runFinished(result);

        assertThat(printed()).isEqualTo(SummaryText.render(result, Marks.UNICODE));
    }

    @Test
    void writesHtmlReport() throws Exception {
        writer.runFinished(resultWithOutputDir(directory));

        assertThat(Files.readString(directory.resolve(HtmlReport.FILE_NAME))).startsWith("<!DOCTYPE html>");
    }

    @Test
    void writesSummaryJson() throws Exception {
        Path outputDir = directory.resolve("SettingsLoadTest/settingsPage");

        writer.runFinished(resultWithOutputDir(outputDir));

        JsonNode json = new ObjectMapper().readTree(outputDir.resolve(ReportWriter.SUMMARY_FILE).toFile());
        assertThat(json.path("metrics").path("http_reqs").path("values").path("count").asLong()).isEqualTo(75);
    }

    @Test
    void replacesExistingSummary() throws Exception {
        Files.writeString(directory.resolve(ReportWriter.SUMMARY_FILE), "old");

        writer.runFinished(resultWithOutputDir(directory));

        assertThat(Files.readString(directory.resolve(ReportWriter.SUMMARY_FILE))).startsWith("{");
    }

    @Test
    void leavesNoTemporaryFiles() throws Exception {
        writer.runFinished(resultWithOutputDir(directory));

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".tmp")))
                    .isEmpty();
        }
    }

    @Test
    void filesReadableByOthers() throws Exception {
        java.nio.file.FileStore store = Files.getFileStore(directory);
        org.junit.jupiter.api.Assumptions.assumeTrue(store.supportsFileAttributeView("posix"),
                "POSIX permissions are not available on this file system");
        Path probe = Files.writeString(directory.resolve("probe"), "a file created the usual way");

        writer.runFinished(resultWithOutputDir(directory));

        assertThat(Files.getPosixFilePermissions(directory.resolve(ReportWriter.SUMMARY_FILE)))
                .isEqualTo(Files.getPosixFilePermissions(probe));
        assertThat(Files.getPosixFilePermissions(directory.resolve(HtmlReport.FILE_NAME)))
                .isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void unwritableDirectoryDoesNotThrow() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("occupied"), "a file, not a directory");

        writer.runFinished(resultWithOutputDir(notADirectory.resolve("reports")));

        assertThat(printed()).contains("THRESHOLDS");
        assertThat(Files.readString(notADirectory)).isEqualTo("a file, not a directory");
    }

    @Test
    void withoutOutputDirWritesNothing() throws Exception {
        writer.runFinished(fixture.result());

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }
}
