package io.liveload.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Captures the log lines that slf4j-simple writes while it is open, and still passes them on. With its default
 * {@code org.slf4j.simpleLogger.logFile=System.err}, slf4j-simple 2.x looks {@link System#err} up for every line,
 * so replacing that stream is enough. Lines of every thread are captured: filter them by something unique to the
 * test, such as the run's test name, which every engine log line carries in brackets. Tests that capture must not
 * run in parallel with each other.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        original = System.err;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                original.flush();
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing. Close the capture to restore the previous {@link System#err}. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Returns every line captured so far. */
    public List<String> lines() {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\r?\n"));
    }

    /** Returns the captured lines that contain every one of the texts. */
    public List<String> linesContaining(String... texts) {
        return lines().stream().filter(line -> Arrays.stream(texts).allMatch(line::contains)).toList();
    }

    /** Returns all captured text as one string. */
    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }
}
