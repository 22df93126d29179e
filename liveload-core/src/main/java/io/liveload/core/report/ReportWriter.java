package io.liveload.core.report;

import io.liveload.core.RunResult;
import io.liveload.core.engine.RunListener;
import io.liveload.core.report.SummaryText.Marks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the end-of-test summary when a run finishes and, when the run's {@code outputDir} is set, writes
 * {@value #SUMMARY_FILE} and the HTML report {@value HtmlReport#FILE_NAME} there. A file that cannot be written is
 * logged with its path and the run's result stays as it is. Holds no state between runs, so one instance may serve
 * several runs.
 */
public final class ReportWriter implements RunListener {

    /** The name of the k6-shaped JSON summary in the output directory. */
    public static final String SUMMARY_FILE = "summary.json";

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private final PrintStream out;
    private final Marks marks;

    /** Creates a writer that prints to {@link System#out}, with ASCII marks when its encoding cannot show ✓. */
    public ReportWriter() {
        this(System.out, consoleMarks());
    }

    /**
     * Creates a writer that prints to the given stream.
     *
     * @param out   receives the text summary
     * @param marks the marks of passed and failed thresholds and checks
     */
    public ReportWriter(PrintStream out, Marks marks) {
        this.out = Objects.requireNonNull(out, "out");
        this.marks = Objects.requireNonNull(marks, "marks");
    }

    /**
     * Returns {@link Marks#UNICODE} when the encoding of standard output can encode ✓ and ✗, else {@link Marks#ASCII}.
     * The encoding is the {@code stdout.encoding} system property (Java 19+), {@code sun.stdout.encoding} (set on
     * a console) or the default charset.
     */
    public static Marks consoleMarks() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        Charset charset = Charset.defaultCharset();
        if (name != null) {
            try {
                charset = Charset.forName(name);
            } catch (IllegalArgumentException e) {
                // An unknown or malformed charset name: assume the console cannot show ✓.
                return Marks.ASCII;
            }
        }
        String marks = Marks.UNICODE.pass() + Marks.UNICODE.fail();
        boolean unicode = charset.canEncode() && charset.newEncoder().canEncode(marks);
        return unicode ? Marks.UNICODE : Marks.ASCII;
    }

    @Override
    public void runFinished(RunResult result) {
        out.print(SummaryText.render(result, marks));
        out.flush();
        Path directory = result.plan().options().outputDir();
        if (directory != null) {
            writeFile(directory.resolve(SUMMARY_FILE), () -> SummaryJson.render(result));
            writeFile(directory.resolve(HtmlReport.FILE_NAME), () -> HtmlReport.render(result));
        }
    }

    private static void writeFile(Path file, Supplier<String> content) {
        try {
            AtomicFiles.write(file, content.get());
            LOG.info("Wrote {}", file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write {}: {}", file, e.toString());
        }
    }
}
