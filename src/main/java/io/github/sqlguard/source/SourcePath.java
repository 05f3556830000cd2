package io.github.sqlguard.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file found by {@link SourceScanner}, with the names the rest of the plugin shows for it.
 *
 * @param file the absolute, normalised path of the file
 * @param relativePath the path shown to users: relative to the base directory given to the scanner,
 *     with {@code /} separators; for a file outside the base directory (a scanned directory elsewhere)
 *     the absolute path with {@code /} separators, because a path climbing out with {@code ../} is
 *     harder to recognise than the real location
 * @param scannedDirectory the configured directory the file was found under (absolute)
 * @param pathInDirectory the path relative to {@code scannedDirectory}, with {@code /} separators; this
 *     is the path the include and exclude globs were matched against
 */
public record SourcePath(Path file, String relativePath, Path scannedDirectory, String pathInDirectory) {

    public SourcePath {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(scannedDirectory, "scannedDirectory");
        Objects.requireNonNull(pathInDirectory, "pathInDirectory");
    }

    /** The file name without directories, e.g. {@code V2__close_acme.sql}. */
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public String toString() {
        return relativePath;
    }
}
