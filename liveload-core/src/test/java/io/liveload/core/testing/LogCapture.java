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
 * so replacing that stream is enough. {@link #startStandardOutput()} captures {@link System#out} instead, where the
 * end-of-test summary goes. Lines of every thread are captured: filter them by something unique to the test, such
 * as the run's test name, which every engine log line carries in brackets. Tests that capture must not run in
 * parallel with each other.
 */
public final class LogCapture implements AutoCloseable {

    private final boolean standardOutput;
    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture(boolean standardOutput) {
        this.standardOutput = standardOutput;
        original = standardOutput ? System.out : System.err;
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
        PrintStream replacement = new PrintStream(tee, true, StandardCharsets.UTF_8);
        if (standardOutput) {
            System.setOut(replacement);
        } else {
            System.setErr(replacement);
        }
    }

    /** Starts capturing {@link System#err}. Close the capture to restore the previous stream. */
    public static LogCapture start() {
        return new LogCapture(false);
    }

    /** Starts capturing {@link System#out}. Close the capture to restore the previous stream. */
    public static LogCapture startStandardOutput() {
        return new LogCapture(true);
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
        if (standardOutput) {
            System.out.flush();
            System.setOut(original);
        } else {
            System.err.flush();
            System.setErr(original);
        }
    }
}
