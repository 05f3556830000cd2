package io.github.sqlguard.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the files to check under the configured directories: those matching at least one include glob
 * and no exclude glob (see {@link GlobPattern}), in a deterministic order. A glob is matched against the
 * file's path relative to each configured directory that contains it and relative to the project (see
 * {@link GlobAnchors}); a directory inside another configured one is not walked twice.
 *
 * <p>Symbolic links are followed, because teams link shared migration folders into modules; a link that
 * leads back into one of its own parent directories is reported as a {@link ScanProblem} instead of being
 * walked forever. A link to a file is a file of its own, as it is for Flyway, which runs both under their
 * own names.
 */
public final class SourceScanner {

    /** The includes used when none are configured. */
    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.sql");

    private final List<GlobPattern> includes;
    private final List<GlobPattern> excludes;

    /**
     * Creates a scanner.
     *
     * @param includes include globs; {@link #DEFAULT_INCLUDES} when null or empty
     * @param excludes exclude globs; none when null
     * @throws IllegalArgumentException when a glob is blank
     */
    public SourceScanner(List<String> includes, List<String> excludes) {
        List<String> wanted = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
        this.includes = wanted.stream().map(GlobPattern::compile).toList();
        this.excludes = excludes == null ? List.of() : excludes.stream().map(GlobPattern::compile).toList();
    }

    /**
     * Scans the directories.
     *
     * @param directories directories to scan; relative ones are resolved against {@code baseDirectory}
     * @param baseDirectory the directory paths are shown relative to (the project base directory)
     */
    public ScanResult scan(List<Path> directories, Path baseDirectory) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        List<SourcePath> files = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        List<ScanProblem> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        GlobAnchors anchors = GlobAnchors.of(directories, base);
        List<Path> resolved = directories.stream().map(configured -> base.resolve(configured).normalize()).toList();
        for (Path directory : resolved) {
            if (isInsideAnother(directory, resolved)) {
                continue;
            }
            if (!Files.exists(directory)) {
                missing.add(directory);
            } else if (!Files.isDirectory(directory)) {
                problems.add(new ScanProblem(directory, displayPath(directory, base),
                        "is not a directory; list directories to scan, and select files with includes"));
            } else {
                List<SourcePath> found = new ArrayList<>();
                walk(directory, base, anchors, found, problems);
                found.sort(Comparator.comparing(SourcePath::pathInDirectory));
                for (SourcePath file : found) {
                    if (seen.add(file.file())) {
                        files.add(file);
                    }
                }
            }
        }
        files.sort(Comparator.comparing(SourcePath::relativePath).thenComparing(SourcePath::file));
        problems.sort(Comparator.comparing(ScanProblem::relativePath));
        return new ScanResult(files, missing, problems);
    }

    /** True when a path relative to a scanned directory is selected by the includes and excludes. */
    public boolean isSelected(String pathInDirectory) {
        return isSelected(List.of(pathInDirectory));
    }

    /** True when an include matches one of the file's anchored paths and no exclude matches any of them. */
    private boolean isSelected(List<String> anchoredPaths) {
        // Loops, not streams: this runs for every file of every run, most often in a JVM that has not warmed up.
        return matchesAny(includes, anchoredPaths) && !matchesAny(excludes, anchoredPaths);
    }

    private static boolean matchesAny(List<GlobPattern> globs, List<String> paths) {
        for (GlobPattern glob : globs) {
            for (String path : paths) {
                if (glob.matches(path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code directory} lies inside another of {@code directories}, which walks it already. */
    private static boolean isInsideAnother(Path directory, List<Path> directories) {
        return directories.stream().anyMatch(other -> !other.equals(directory) && directory.startsWith(other)
                && Files.isDirectory(other));
    }

    private void walk(Path directory, Path base, GlobAnchors anchors, List<SourcePath> found,
            List<ScanProblem> problems) {
        // The walk hands out the directory's path with names appended, so the relative paths are cut from the
        // text; Path.relativize per file cost more than the rest of a run that found nothing changed.
        String directoryPrefix = withTrailingSlash(slashed(directory));
        String basePrefix = withTrailingSlash(slashed(base));
        SimpleFileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String absolute = slashed(file);
                boolean builtFromDirectory = absolute.startsWith(directoryPrefix);
                String inDirectory = builtFromDirectory ? absolute.substring(directoryPrefix.length())
                        : slashed(directory.relativize(file));
                List<String> anchored = new ArrayList<>(2);
                anchored.add(inDirectory);
                for (String path : builtFromDirectory ? anchors.pathsOf(absolute) : anchors.pathsOf(file)) {
                    if (!anchored.contains(path)) {
                        anchored.add(path);
                    }
                }
                if (!isSelected(anchored)) {
                    return FileVisitResult.CONTINUE;
                }
                String shown = builtFromDirectory && absolute.startsWith(basePrefix)
                        ? absolute.substring(basePrefix.length()) : displayPath(file, base);
                if (attributes.isRegularFile()) {
                    found.add(new SourcePath(file, shown, directory, inDirectory));
                } else if (attributes.isSymbolicLink()) {
                    // With FOLLOW_LINKS, a link's own attributes arrive only when its target is missing.
                    problems.add(new ScanProblem(file, shown,
                            "broken symbolic link (its target does not exist); not checked"));
                } else {
                    problems.add(new ScanProblem(file, shown,
                            "not a regular file (device, pipe or socket); not checked"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                String message = failure instanceof FileSystemLoopException
                        ? "symbolic link loop (leads back to one of its parent directories); not followed"
                        : "cannot be read: " + describe(failure) + "; files below it are not checked";
                problems.add(new ScanProblem(file, displayPath(file, base), message));
                return FileVisitResult.CONTINUE;
            }
        };
        try {
            Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
        } catch (IOException | RuntimeException failure) {
            problems.add(new ScanProblem(directory, displayPath(directory, base),
                    "scanning stopped: " + describe(failure)));
        }
    }

    private static String describe(Exception failure) {
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    /** The path shown to users: relative to {@code base} when inside it, else absolute; always with '/'. */
    static String displayPath(Path file, Path base) {
        if (!file.startsWith(base)) {
            return slashed(file);
        }
        String relative = slashed(base.relativize(file));
        return relative.isEmpty() ? "." : relative;
    }

    private static String withTrailingSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    private static String slashed(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
