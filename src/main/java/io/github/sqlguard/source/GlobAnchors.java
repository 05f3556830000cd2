package io.github.sqlguard.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a glob may be read from. Users write {@code includes}, {@code excludes} and suppression
 * {@code <files>} from wherever they picture the file: the scanned folder ({@code db/migration/V1__x.sql}
 * under {@code src/main/resources}), a folder inside it that is configured too (a Flyway location, where
 * {@code legacy/*.sql} is natural) or the project ({@code src/main/resources/db/...}). A glob matches a file
 * when it matches the file's path relative to any of these folders that contains it, so each of those
 * spellings works the same way for all three settings.
 */
public final class GlobAnchors {

    private final List<Path> folders;

    private GlobAnchors(List<Path> folders) {
        this.folders = folders;
    }

    /**
     * @param directories the configured directories (relative ones resolved against {@code base})
     * @param base the project directory, always an anchor too
     */
    public static GlobAnchors of(List<Path> directories, Path base) {
        Path absoluteBase = base.toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>();
        for (Path directory : directories) {
            Path absolute = absoluteBase.resolve(directory).toAbsolutePath().normalize();
            if (!folders.contains(absolute)) {
                folders.add(absolute);
            }
        }
        if (!folders.contains(absoluteBase)) {
            folders.add(absoluteBase);
        }
        return new GlobAnchors(List.copyOf(folders));
    }

    /** The file's path relative to each anchor that contains it, with {@code /} separators. */
    public List<String> pathsOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<String> paths = new ArrayList<>();
        for (Path folder : folders) {
            if (absolute.startsWith(folder) && !absolute.equals(folder)) {
                String relative = folder.relativize(absolute).toString().replace(absolute.getFileSystem().getSeparator(), "/");
                if (!paths.contains(relative)) {
                    paths.add(relative);
                }
            }
        }
        return paths;
    }

    /** True when {@code glob} matches one of the file's anchored paths. */
    public boolean matches(GlobPattern glob, Path file) {
        return pathsOf(file).stream().anyMatch(glob::matches);
    }
}
