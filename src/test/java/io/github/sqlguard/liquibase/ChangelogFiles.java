package io.github.sqlguard.liquibase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Changelog files the Liquibase tests write under a temporary folder. */
final class ChangelogFiles {

    private ChangelogFiles() {
    }

    /** Writes {@code text} to {@code relative} under {@code base}, creating its folders. */
    static Path write(Path base, String relative, String text) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** An XML changelog whose root holds {@code body}. */
    static String changelog(String body) {
        return "<databaseChangeLog>\n" + body + "\n</databaseChangeLog>\n";
    }
}
