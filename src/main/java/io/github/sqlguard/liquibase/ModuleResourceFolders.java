package io.github.sqlguard.liquibase;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Maven resource folders ({@code src/main/resources}, {@code src/test/resources}) inside scanned folders that
 * hold several modules, as when a whole repository is checked at once. Each is a classpath root of its own when
 * the modules run, so a changelog's {@code ../common.xml} that only another module holds is found there, as
 * Liquibase finds it on the classpath. A Grails application's {@code grails-app/migrations} is such a root too: the
 * Grails database-migration plugin reads its changelogs from there, so their includes and sqlFiles name files by
 * the path under it. They are listed on the first question only, since most projects never ask.
 */
final class ModuleResourceFolders {

    private static final String RESOURCES = "resources";
    private static final String SOURCES = "src";
    /** The Grails database-migration plugin's default changelog location, {@code grails-app/migrations}. */
    private static final String GRAILS_APP = "grails-app";
    private static final String GRAILS_MIGRATIONS = "migrations";
    /** Build output and tool folders hold copies or nothing of the project's own resources. */
    private static final Set<String> SKIPPED = Set.of("target", "build", "node_modules", "bin", "out");

    private final List<Path> scannedFolders;
    private List<Path> folders;

    ModuleResourceFolders(List<Path> scannedFolders) {
        this.scannedFolders = scannedFolders;
    }

    /**
     * The file at {@code file}'s path under its own resource folder in the first other resource folder that holds
     * one; empty when {@code file} lies in no resource folder or no other one holds that path.
     */
    Optional<Path> sameResourceElsewhere(Path file) {
        Optional<Path> own = resourceFolderHolding(file);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Path underIt = own.get().relativize(file);
        return folders().stream().filter(folder -> !folder.equals(own.get())).map(folder -> folder.resolve(underIt))
                .filter(Files::exists).findFirst();
    }

    /**
     * The file at {@code pathOnClasspath} in the first resource folder that holds one, main folders first; empty
     * when none does.
     */
    Optional<Path> holding(String pathOnClasspath) {
        return folders().stream().map(folder -> folder.resolve(pathOnClasspath).normalize())
                .filter(Files::exists).findFirst();
    }

    /**
     * The resource folder {@code file} lies in ({@code src/main/resources} for a changelog under it), also when that
     * folder lies above every scanned folder, as when check-folder is pointed at {@code src/main/resources/db/changelog}:
     * it is the classpath root Liquibase reads the changelog's classpath paths from.
     */
    static Optional<Path> resourceFolderHolding(Path file) {
        for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
            if (isResourceFolder(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    private static boolean isResourceFolder(Path folder) {
        Path sourceSet = folder.getParent();
        Path sources = sourceSet == null ? null : sourceSet.getParent();
        return folder.getFileName() != null && RESOURCES.equals(folder.getFileName().toString())
                && sources != null && sources.getFileName() != null
                && SOURCES.equals(sources.getFileName().toString())
                || isGrailsMigrations(folder);
    }

    private static boolean isGrailsMigrations(Path folder) {
        Path parent = folder.getParent();
        return folder.getFileName() != null && GRAILS_MIGRATIONS.equals(folder.getFileName().toString())
                && parent != null && parent.getFileName() != null
                && GRAILS_APP.equals(parent.getFileName().toString());
    }

    private List<Path> folders() {
        if (folders == null) {
            List<Path> found = new ArrayList<>();
            scannedFolders.stream().filter(Files::isDirectory).forEach(folder -> collect(folder, found));
            // The main resources are on every classpath, the test ones only on the tests'.
            found.sort(Comparator.comparing((Path folder) -> folder.getParent().endsWith("test"))
                    .thenComparing(Comparator.naturalOrder()));
            folders = List.copyOf(found);
        }
        return folders;
    }

    private static void collect(Path scanned, List<Path> found) {
        try {
            Files.walkFileTree(scanned, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(scanned) && (name.startsWith(".") || SKIPPED.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (isResourceFolder(dir)) {
                        found.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable folder holds no resource the build can read
                }
            });
        } catch (IOException e) {
            // What was found so far still stands for the classpath; the include stays missing-include otherwise.
        }
    }
}
