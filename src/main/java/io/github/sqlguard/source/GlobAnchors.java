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

    /** Each anchor as an absolute path with {@code /} separators and a trailing {@code /}. */
    private final List<String> folderPrefixes;

    private GlobAnchors(List<Path> folders) {
        List<String> prefixes = new ArrayList<>(folders.size());
        for (Path folder : folders) {
            String slashed = slashed(folder);
            prefixes.add(slashed.endsWith("/") ? slashed : slashed + "/");
        }
        this.folderPrefixes = List.copyOf(prefixes);
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

    /**
     * The file's path relative to each anchor that contains it, with {@code /} separators. Worked out on the
     * path's text: every scanned file passes here, and building a relative {@code Path} per anchor cost more
     * than the rest of a run that found nothing changed.
     */
    public List<String> pathsOf(Path file) {
        return pathsOf(slashed(file.toAbsolutePath().normalize()));
    }

    /** As {@link #pathsOf(Path)}, for a file given as its absolute, normalised path with {@code /} separators. */
    List<String> pathsOf(String absolute) {
        List<String> paths = new ArrayList<>(folderPrefixes.size());
        for (String prefix : folderPrefixes) {
            if (absolute.length() > prefix.length() && absolute.startsWith(prefix)) {
                String relative = absolute.substring(prefix.length());
                if (!paths.contains(relative)) {
                    paths.add(relative);
                }
            }
        }
        return paths;
    }

    private static String slashed(Path path) {
        String separator = path.getFileSystem().getSeparator();
        String text = path.toString();
        return separator.equals("/") ? text : text.replace(separator, "/");
    }

    /** True when {@code glob} matches one of the file's anchored paths. */
    public boolean matches(GlobPattern glob, Path file) {
        return pathsOf(file).stream().anyMatch(glob::matches);
    }
}
