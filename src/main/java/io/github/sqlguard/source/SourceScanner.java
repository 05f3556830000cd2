package io.github.sqlguard.source;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the files to check under the configured directories: those matching at least one include glob
 * and no exclude glob (see {@link GlobPattern}), or copies named for a database of a script that does
 * ({@code x.sql.sqlite} of {@code x.sql}), in a deterministic order. A glob is matched against the
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
    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.sql", "**/*.SQL");

    // Comparators written out, not composed from method references: each reference is a class generated when
    // first used, and every build scans.
    private static final Comparator<SourcePath> BY_PATH_IN_DIRECTORY = new Comparator<>() {
        @Override
        public int compare(SourcePath a, SourcePath b) {
            return a.pathInDirectory().compareTo(b.pathInDirectory());
        }
    };
    private static final Comparator<SourcePath> BY_RELATIVE_PATH = new Comparator<>() {
        @Override
        public int compare(SourcePath a, SourcePath b) {
            int byPath = a.relativePath().compareTo(b.relativePath());
            return byPath != 0 ? byPath : a.file().compareTo(b.file());
        }
    };
    private static final Comparator<ScanProblem> PROBLEMS_BY_RELATIVE_PATH = new Comparator<>() {
        @Override
        public int compare(ScanProblem a, ScanProblem b) {
            return a.relativePath().compareTo(b.relativePath());
        }
    };

    private final List<GlobPattern> includes;
    private final List<GlobPattern> excludes;
    private final FlywayNaming flyway;

    /**
     * Creates a scanner for projects named as Flyway names by default.
     *
     * @param includes include globs; {@link #DEFAULT_INCLUDES} when null or empty
     * @param excludes exclude globs; none when null
     * @throws IllegalArgumentException when a glob is blank
     */
    public SourceScanner(List<String> includes, List<String> excludes) {
        this(includes, excludes, FlywayNaming.DEFAULT);
    }

    /**
     * Creates a scanner.
     *
     * @param includes include globs; {@link #DEFAULT_INCLUDES} when null or empty
     * @param excludes exclude globs; none when null
     * @param flyway how Flyway names its migrations: a database's copy of one is not selected (see
     *     {@link DatabaseCopyName})
     * @throws IllegalArgumentException when a glob is blank
     */
    public SourceScanner(List<String> includes, List<String> excludes, FlywayNaming flyway) {
        List<String> wanted = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
        this.includes = compiled(wanted);
        this.excludes = compiled(excludes == null ? List.of() : excludes);
        this.flyway = flyway;
    }

    private static List<GlobPattern> compiled(List<String> globs) {
        List<GlobPattern> patterns = new ArrayList<>(globs.size());
        for (String glob : globs) {
            patterns.add(GlobPattern.compile(glob));
        }
        return List.copyOf(patterns);
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
        List<ScanResult.ListedFolder> listed = new ArrayList<>();
        List<SourcePath> programs = new ArrayList<>();
        List<SourcePath> javaSources = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        GlobAnchors anchors = GlobAnchors.of(directories, base);
        List<Path> resolved = new ArrayList<>(directories.size());
        for (Path configured : directories) {
            resolved.add(base.resolve(configured).normalize());
        }
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
                walk(directory, base, anchors, found, programs, javaSources, problems, listed);
                found.sort(BY_PATH_IN_DIRECTORY);
                for (SourcePath file : found) {
                    if (seen.add(file.file())) {
                        files.add(file);
                    }
                }
            }
        }
        files.sort(BY_RELATIVE_PATH);
        problems.sort(PROBLEMS_BY_RELATIVE_PATH);
        List<SourcePath> plsqlSources = new ArrayList<>();
        List<SourcePath> stepCandidates = new ArrayList<>();
        for (SourcePath program : programs) {
            (PlsqlSourceNames.isUnitSource(program.fileName()) ? plsqlSources : stepCandidates).add(program);
        }
        List<SourcePath> codeSteps = new ArrayList<>(CodeSteps.among(stepCandidates, files));
        codeSteps.sort(BY_RELATIVE_PATH);
        plsqlSources.sort(BY_RELATIVE_PATH);
        javaSources.sort(BY_RELATIVE_PATH);
        return new ScanResult(files, missing, problems, listed, codeSteps, plsqlSources, javaSources);
    }

    /** True when a path relative to a scanned directory is selected by the includes and excludes. */
    public boolean isSelected(String pathInDirectory) {
        return isSelected(List.of(pathInDirectory));
    }

    /**
     * True when an include matches one of the file's anchored paths and no exclude matches any of them; a database's
     * copy of a script ({@code x.sql.postgres}, see {@link DatabaseCopyName}) is selected as that script would be,
     * since the runner that reads {@code x.sql} runs it too and a glob written for {@code *.sql} must not leave it
     * unread without a word.
     */
    private boolean isSelected(List<String> anchoredPaths) {
        // Loops, not streams: this runs for every file of every run, most often in a JVM that has not warmed up.
        if (matchesAny(excludes, anchoredPaths)) {
            return false;
        }
        if (matchesAny(includes, anchoredPaths)) {
            return true;
        }
        List<String> scriptPaths = new ArrayList<>(anchoredPaths.size());
        for (String path : anchoredPaths) {
            String script = DatabaseCopyName.scriptPath(path, flyway);
            if (script == null) {
                return false; // every anchored path ends in the same file name
            }
            scriptPaths.add(script);
        }
        return matchesAny(includes, scriptPaths) && !matchesAny(excludes, scriptPaths);
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
        for (Path other : directories) {
            if (!other.equals(directory) && directory.startsWith(other) && Files.isDirectory(other)) {
                return true;
            }
        }
        return false;
    }

    private void walk(Path directory, Path base, GlobAnchors anchors, List<SourcePath> found,
            List<SourcePath> programs, List<SourcePath> javaSources, List<ScanProblem> problems,
            List<ScanResult.ListedFolder> listed) {
        Object rootKey;
        try {
            rootKey = keyOf(directory, Files.readAttributes(directory, BasicFileAttributes.class));
        } catch (IOException | RuntimeException failure) {
            problems.add(new ScanProblem(directory, displayPath(directory, base),
                    "scanning stopped: " + describe(failure)));
            return;
        }
        Walk walk = new Walk(directory, withTrailingSlash(slashed(directory)), withTrailingSlash(slashed(base)),
                anchors, found, programs, javaSources, problems, listed);
        List<Object> ancestors = new ArrayList<>();
        ancestors.add(rootKey);
        walk.folder(directory.toFile(), "", ancestors);
    }

    /**
     * One configured directory's walk. Folders are listed with {@link File#list()} and files told apart with
     * {@link File#isFile()}: a run with nothing changed walks every folder in a JVM that has not warmed up,
     * where the NIO tree walker's objects per entry cost most of the scan. Entries that are not plain files
     * (folders, links to nowhere, devices) are then looked at closely, folders by their file key, so that a
     * link back to a folder being walked is reported instead of followed.
     */
    private final class Walk {

        private final Path directory;
        private final String directoryPrefix;
        private final String basePrefix;
        private final GlobAnchors anchors;
        private final List<SourcePath> found;
        /**
         * Program files the globs do not select and do not exclude: steps of code when among scripts, and PL/SQL
         * unit sources ({@link PlsqlSourceNames}).
         */
        private final List<SourcePath> programs;
        /** Java and Kotlin sources outside test source sets, whatever the globs say. */
        private final List<SourcePath> javaSources;
        private final List<ScanProblem> problems;
        private final List<ScanResult.ListedFolder> listed;

        Walk(Path directory, String directoryPrefix, String basePrefix, GlobAnchors anchors, List<SourcePath> found,
                List<SourcePath> programs, List<SourcePath> javaSources, List<ScanProblem> problems,
                List<ScanResult.ListedFolder> listed) {
            this.directory = directory;
            this.directoryPrefix = directoryPrefix;
            this.basePrefix = basePrefix;
            this.anchors = anchors;
            this.found = found;
            this.programs = programs;
            this.javaSources = javaSources;
            this.problems = problems;
            this.listed = listed;
        }

        /**
         * @param inDirectory the folder's path relative to the configured directory, with a trailing slash
         *     (empty for the directory itself)
         * @param ancestors the file keys of the folders being walked, this one last
         */
        void folder(File folder, String inDirectory, List<Object> ancestors) {
            // Taken before the listing: a change made while it is listed leaves the folder newer than this.
            listed.add(new ScanResult.ListedFolder(folder.getPath(), folder.lastModified()));
            String[] names = folder.list();
            if (names == null) {
                problems.add(problem(inDirectory.isEmpty() ? "" : inDirectory.substring(0, inDirectory.length() - 1),
                        "cannot be read: " + whyUnlistable(folder) + "; files below it are not checked"));
                return;
            }
            for (String name : names) {
                File child = new File(folder, name);
                String path = inDirectory + name;
                if (child.isFile()) {
                    file(child, path);
                } else {
                    other(child, path, ancestors);
                }
            }
        }

        private void file(File file, String inDirectory) {
            String absolute = directoryPrefix + inDirectory;
            List<String> anchored = anchoredPaths(absolute, inDirectory);
            if (isSelected(anchored)) {
                found.add(new SourcePath(file.toPath(), shown(absolute), directory, inDirectory));
            } else if ((CodeSteps.mayBeStep(file.getName()) || PlsqlSourceNames.isUnitSource(file.getName()))
                    && !matchesAny(excludes, anchored)) {
                programs.add(new SourcePath(file.toPath(), shown(absolute), directory, inDirectory));
            }
            if (JavaMigrationClasses.isJavaSource(file.getName()) && !JavaMigrationClasses.inTestSourceSet(
                    directory.getFileName() == null ? "" : directory.getFileName().toString(), inDirectory)) {
                javaSources.add(new SourcePath(file.toPath(), shown(absolute), directory, inDirectory));
            }
        }

        /** A folder, a link to nowhere, or something that is no file at all. */
        private void other(File entry, String inDirectory, List<Object> ancestors) {
            Path path = entry.toPath();
            BasicFileAttributes attributes;
            Object key;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
                key = attributes.isDirectory() ? keyOf(path, attributes) : null;
            } catch (IOException | RuntimeException failure) {
                if (isBrokenLink(path)) {
                    selectedProblem(inDirectory, "broken symbolic link (its target does not exist); not checked");
                } else {
                    problems.add(problem(inDirectory, "cannot be read: " + describe(failure)
                            + "; files below it are not checked"));
                }
                return;
            }
            if (attributes.isDirectory()) {
                if (ancestors.contains(key)) {
                    problems.add(problem(inDirectory,
                            "symbolic link loop (leads back to one of its parent directories); not followed"));
                    return;
                }
                ancestors.add(key);
                folder(entry, inDirectory + "/", ancestors);
                ancestors.remove(ancestors.size() - 1);
            } else if (attributes.isRegularFile()) {
                file(entry, inDirectory); // became a file since it was listed
            } else {
                selectedProblem(inDirectory, "not a regular file (device, pipe or socket); not checked");
            }
        }

        private void selectedProblem(String inDirectory, String message) {
            if (isSelected(anchoredPaths(directoryPrefix + inDirectory, inDirectory))) {
                problems.add(problem(inDirectory, message));
            }
        }

        private ScanProblem problem(String inDirectory, String message) {
            String absolute = inDirectory.isEmpty() ? slashed(directory) : directoryPrefix + inDirectory;
            return new ScanProblem(directory.resolve(inDirectory), shown(absolute), message);
        }

        private List<String> anchoredPaths(String absolute, String inDirectory) {
            List<String> anchored = new ArrayList<>(2);
            anchored.add(inDirectory);
            for (String path : anchors.pathsOf(absolute)) {
                if (!anchored.contains(path)) {
                    anchored.add(path);
                }
            }
            return anchored;
        }

        private String shown(String absolute) {
            if (!absolute.startsWith(basePrefix)) {
                return absolute;
            }
            return absolute.length() == basePrefix.length() ? "." : absolute.substring(basePrefix.length());
        }
    }

    /**
     * What identifies a folder however it was reached: its file key (device and inode), or where the file
     * system has none, its real path.
     */
    private static Object keyOf(Path folder, BasicFileAttributes attributes) throws IOException {
        Object key = attributes.fileKey();
        return key != null ? key : folder.toRealPath();
    }

    private static boolean isBrokenLink(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Why {@link File#list()} gave nothing: it does not say, the NIO listing does. */
    private static String whyUnlistable(File folder) {
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder.toPath())) {
            return "it cannot be listed";
        } catch (IOException | RuntimeException failure) {
            return describe(failure);
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
