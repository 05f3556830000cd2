package io.github.sqlguard.liquibase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the files a changelog refers to the way Liquibase does (next to the changelog, or in the search
 * roots and then the other modules' resource folders, which stand for the classpath), names them relative to the
 * project, and tells whether they lie inside the scanned directories.
 */
final class ReferenceResolver {

    private static final List<String> CLASSPATH_PREFIXES = List.of("classpath:", "classpath*:");

    private static final List<String> CHANGELOG_SUFFIXES = List.of(".xml", ".yaml", ".yml", ".json", ".sql");

    /** The suffix of a changelog written in Liquibase's Groovy DSL, which an extension of Liquibase reads. */
    static final String GROOVY_SUFFIX = ".groovy";

    private final List<Path> searchRoots;
    private final List<Path> classpathRoots;
    private final Path baseDirectory;
    /**
     * True when the root changelog is shown by its absolute path (it lies outside the project folder): the files it
     * includes are shown the same way, since a path relative to the root's own folder would drop the folders that
     * tell one module's {@code 1.0/changes.xml} from another's.
     */
    private final boolean absoluteNames;
    private final ModuleResourceFolders moduleResources;

    ReferenceResolver(List<Path> searchRoots, List<Path> classpathRoots, Path rootChangelog,
            String rootRelativePath) {
        this.searchRoots = searchRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.classpathRoots = classpathRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.baseDirectory = baseDirectoryOf(rootChangelog, rootRelativePath);
        this.absoluteNames = Path.of(rootRelativePath.replace('\\', '/')).isAbsolute();
        this.moduleResources = new ModuleResourceFolders(this.searchRoots);
    }

    /** The folder that {@code relativePath} is relative to, so included files are named the same way. */
    private static Path baseDirectoryOf(Path file, String relativePath) {
        Path relative = Path.of(relativePath.replace('\\', '/')).normalize();
        if (!relative.isAbsolute() && file.endsWith(relative)
                && file.getNameCount() > relative.getNameCount()) {
            return file.getRoot().resolve(file.subpath(0, file.getNameCount() - relative.getNameCount()));
        }
        Path parent = file.getParent();
        return parent == null ? file : parent;
    }

    /** The path shown in findings for {@code file} (absolute, normalised). */
    String relativePathOf(Path file) {
        if (absoluteNames) {
            return file.toString().replace('\\', '/');
        }
        try {
            return baseDirectory.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString().replace('\\', '/'); // another drive: no relative path exists
        }
    }

    /**
     * Finds a referenced file: next to the changelog, or in the search roots, the classpath roots, the resource
     * folder that holds the changelog (above the scanned folder when that lies inside it) and then next to it; a
     * classpath path that none of these holds, in the resource folders of the modules a scanned folder holds.
     */
    Optional<Path> resolve(Path from, String target, boolean relativeToChangelogFile) {
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        String cleaned = target.strip().replace('\\', '/');
        // classpath*: asks for every match on the classpath; the scanned folders stand for it as for classpath:
        for (String prefix : CLASSPATH_PREFIXES) {
            if (cleaned.startsWith(prefix)) {
                cleaned = cleaned.substring(prefix.length());
                break;
            }
        }
        Path folder = from.getParent();
        try {
            String rooted = cleaned.replaceFirst("^/+", "");
            if (relativeToChangelogFile) {
                // Liquibase appends the path to the changelog's folder after a slash, so a leading one stays inside
                Path sibling = folder.resolve(rooted).toAbsolutePath().normalize();
                return Optional.of(Files.exists(sibling) ? sibling : inAnotherRoot(sibling).orElse(sibling));
            }
            List<Path> candidates = new ArrayList<>();
            searchRoots.forEach(root -> candidates.add(root.resolve(rooted).normalize()));
            classpathRoots.forEach(root -> candidates.add(root.resolve(rooted).normalize()));
            ModuleResourceFolders.resourceFolderHolding(from.toAbsolutePath().normalize())
                    .ifPresent(root -> candidates.add(root.resolve(rooted).normalize()));
            candidates.add(folder.resolve(cleaned).toAbsolutePath().normalize());
            candidates.add(baseDirectory.resolve(rooted).toAbsolutePath().normalize());
            // A classpath path may be held by any module of a repository scanned whole, as on the classpath
            return candidates.stream().filter(Files::exists).findFirst().or(() -> moduleResources.holding(rooted))
                    .or(() -> Optional.of(candidates.get(0)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Liquibase names a file relative to its changelog by its path under the search root or classpath entry that
     * holds the changelog, and finds that path in every root: {@code ../common.xml} next to one module's
     * changelogs may be held by another module's resources, as it is on the classpath. A scanned folder holding
     * several modules holds their resource folders too, each a root of its own.
     */
    private Optional<Path> inAnotherRoot(Path sibling) {
        List<Path> roots = Stream.concat(searchRoots.stream(), classpathRoots.stream()).toList();
        // The root is not known when a scanned folder lies inside a resource folder: each that holds it is tried.
        return roots.stream().filter(sibling::startsWith).map(root -> root.relativize(sibling))
                .flatMap(path -> roots.stream().map(root -> root.resolve(path))).filter(Files::exists).findFirst()
                .or(() -> moduleResources.sameResourceElsewhere(sibling));
    }

    /**
     * True when {@code file} lies outside every scanned directory. Without search roots (a changelog read on
     * its own) nothing is outside.
     */
    boolean isOutsideScannedDirectories(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return !searchRoots.isEmpty() && searchRoots.stream().noneMatch(normalized::startsWith);
    }

    /** True for a file name (in lower case) that Liquibase's own parsers read. */
    static boolean hasChangelogSuffix(String lowerCaseName) {
        for (String suffix : CHANGELOG_SUFFIXES) {
            if (lowerCaseName.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The changelog and SQL files under {@code folder}, in name order, as includeAll reads them. */
    static List<Path> changelogsIn(Path folder) throws IOException {
        return filesIn(folder, ReferenceResolver::hasChangelogSuffix);
    }

    /** The Groovy changelogs under {@code folder}, which includeAll runs where Liquibase has the Groovy DSL. */
    static List<Path> groovyChangelogsIn(Path folder) throws IOException {
        return filesIn(folder, name -> name.endsWith(GROOVY_SUFFIX));
    }

    private static List<Path> filesIn(Path folder, Predicate<String> lowerCaseNameMatches) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> lowerCaseNameMatches.test(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        }
    }
}
