package io.github.sqlguard.source;

import java.nio.file.Path;

/**
 * Something under a scanned directory that the scanner could not look at (a symbolic link loop, a
 * directory it may not list, a broken link), reported so that nothing is skipped silently.
 *
 * @param path the absolute path concerned
 * @param relativePath the same path as shown to users (see {@link SourcePath#relativePath()})
 * @param message what went wrong, in words a user can act on
 */
public record ScanProblem(Path path, String relativePath, String message) {

    @Override
    public String toString() {
        return relativePath + ": " + message;
    }
}
