package io.liveload.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes report files so that a reader never sees half a file: a temporary file next to the target, then a move. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes the text as UTF-8 to the file, creating its directory. The move is atomic where the file system
     * supports it, and a plain replacing move otherwise.
     *
     * @throws IOException when the directory, the temporary file or the move fails; the temporary file is deleted
     */
    static void write(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: its owner-only permissions would stay on the report after the move, while a
        // plain new file gets the usual permissions, so CI artifact uploads and other users can read it.
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
        Path temporary = directory.resolve("." + file.getFileName() + "." + suffix);
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
