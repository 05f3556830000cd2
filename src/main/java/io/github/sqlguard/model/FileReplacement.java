package io.github.sqlguard.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a file whole or not at all: the new content goes to a temporary file beside it, which is then moved
 * over it, atomically where the file system allows, so a crash or a second build never leaves half a file.
 */
public final class FileReplacement {

    private static final AtomicLong WRITTEN = new AtomicLong();

    /** Writes the new content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private FileReplacement() {
    }

    /**
     * Replaces {@code file} with what {@code content} writes, creating its folder when needed.
     *
     * @throws IOException when the file cannot be written; it is then left as it was
     */
    public static void replace(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Named after the process and a counter rather than by Files.createTempFile, whose random names cost a
        // fresh JVM the seeding of a SecureRandom, paid by every build that changes a migration.
        Path temporary = folder.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + WRITTEN.incrementAndGet() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
