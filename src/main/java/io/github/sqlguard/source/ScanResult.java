package io.github.sqlguard.source;

import io.github.sqlguard.model.ContentHash;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SourceScanner#scan} found.
 *
 * @param files matching files, sorted by {@link SourcePath#relativePath()}, each real file once
 * @param missingDirectories configured directories that do not exist, in configuration order; the
 *     caller warns about them (a project without migrations yet is not an error)
 * @param problems entries that could not be scanned; the caller reports them so nothing is skipped
 *     silently
 * @param listedFolders every folder the scan listed, with its modification time just before (see
 *     {@link ScanSnapshot})
 * @param codeSteps program files among the migration scripts that their runner runs as steps (see
 *     {@link CodeSteps}), sorted like {@code files}; the caller reports them as not checked
 * @param plsqlSources PL/SQL unit sources ({@link PlsqlSourceNames}) the includes do not select and the excludes do
 *     not name, sorted like {@code files}; the caller names them, as an install script may run them
 * @param javaSources Java and Kotlin sources below the scanned folders, outside test source sets
 *     ({@code src/test}), whatever the globs say, sorted like {@code files}: a folder of scripts may hold classes
 *     Flyway runs as migrations ({@link JavaMigrationClasses#among})
 * @param listing the {@link #listingOf listing} of {@code files}, which a {@link ScanSnapshot} keeps with them: a run
 *     with nothing changed then need not hash every path again in a JVM that has not warmed up
 */
public record ScanResult(List<SourcePath> files, List<Path> missingDirectories, List<ScanProblem> problems,
        List<ListedFolder> listedFolders, List<SourcePath> codeSteps, List<SourcePath> plsqlSources,
        List<SourcePath> javaSources, String listing) {

    public ScanResult {
        files = List.copyOf(files);
        missingDirectories = List.copyOf(missingDirectories);
        problems = List.copyOf(problems);
        listedFolders = List.copyOf(listedFolders);
        codeSteps = List.copyOf(codeSteps);
        plsqlSources = List.copyOf(plsqlSources);
        javaSources = List.copyOf(javaSources);
    }

    /** A scan of {@code files} and the rest, whose listing is worked out here. */
    public ScanResult(List<SourcePath> files, List<Path> missingDirectories, List<ScanProblem> problems,
            List<ListedFolder> listedFolders, List<SourcePath> codeSteps, List<SourcePath> plsqlSources,
            List<SourcePath> javaSources) {
        this(files, missingDirectories, problems, listedFolders, codeSteps, plsqlSources, javaSources,
                listingOf(files));
    }

    /** A scan that found no PL/SQL unit source and no Java source besides the files. */
    public ScanResult(List<SourcePath> files, List<Path> missingDirectories, List<ScanProblem> problems,
            List<ListedFolder> listedFolders, List<SourcePath> codeSteps) {
        this(files, missingDirectories, problems, listedFolders, codeSteps, List.of(), List.of());
    }

    /**
     * A hash of the relative paths of {@code files}, in order: two scans that found the same files have the same
     * listing.
     */
    public static String listingOf(List<SourcePath> files) {
        StringBuilder listing = new StringBuilder();
        for (SourcePath source : files) {
            listing.append(source.relativePath()).append('\n');
        }
        return ContentHash.of(listing);
    }

    /**
     * A folder the scan listed.
     *
     * @param path its path as the scan reached it (through any links)
     * @param modifiedMillis its modification time before it was listed, as {@link java.io.File#lastModified()}
     */
    public record ListedFolder(String path, long modifiedMillis) {
    }
}
