package io.github.sqlguard.maven;

import io.github.sqlguard.source.FlywayNaming;
import io.github.sqlguard.source.JavaMigrationClasses;
import io.github.sqlguard.source.SourceClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.maven.project.MavenProject;

/**
 * The source files of Flyway Java migrations: classes such as {@code db.migration.V3__Backfill} that Flyway finds
 * in a {@code classpath:} location as it finds SQL scripts there, and classes anywhere in the sources that are
 * Java migrations by their type ({@link JavaMigrationClasses}). Their sources lie in the compile source roots
 * ({@code src/main/java}, and {@code src/main/kotlin} for Kotlin).
 */
final class JavaMigrations {

    private JavaMigrations() {
    }

    /**
     * Every {@code .java} or {@code .kt} file in the packages of the Flyway locations (sub-packages included, as
     * Flyway scans them) whose class name Flyway's naming reads as a migration, then every other source file that declares a
     * Java migration by its type.
     *
     * @param locations the Flyway locations resolved under the resource directories, empty for the default
     *     {@code db/migration}; a {@code {vendor}} folder or a wildcard left unexpanded
     *     ({@link FlywayPluginSettings#javaLocations}) stands for every package of the sources it matches
     * @param indexFile where what was learnt of the sources is kept for the next build, or null to read every
     *     source (see {@link JavaMigrationClasses#in})
     */
    static List<Path> in(MavenProject project, List<Path> locations, FlywayNaming naming, Path indexFile) {
        if (project == null) {
            return List.of();
        }
        Set<Path> roots = new LinkedHashSet<>();
        for (String root : project.getCompileSourceRoots()) {
            roots.add(Path.of(root).toAbsolutePath().normalize());
        }
        roots.add(project.getBasedir().toPath().resolve("src/main/kotlin").normalize());
        if (noneIsFolder(roots)) {
            return List.of(); // a project of scripts alone, asked on every build
        }
        // Named as a script would be, a class name tells whether Flyway reads it as a migration.
        SourceClassifier classifier = new SourceClassifier(naming);
        Predicate<String> namedAsMigration = className -> classifier.classify(className
                + naming.sqlSuffixes().get(0), "").kind().isFlyway();
        List<Path> resources = project.getResources().stream()
                .map(resource -> Path.of(resource.getDirectory()).toAbsolutePath().normalize()).toList();
        Set<Path> packages = new LinkedHashSet<>();
        if (locations.isEmpty()) {
            packages.add(Path.of("db", "migration"));
        }
        for (Path location : locations) {
            resources.stream().filter(location::startsWith).findFirst()
                    .ifPresent(resource -> packages.add(resource.relativize(location)));
        }
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            for (Path packageFolder : packages) {
                // A package that only holds classes has no resource folder, so {vendor} is expanded here, in the
                // sources: classpath:db/{vendor} with db/h2 in the resources and db/postgresql in src/main/java.
                for (Path expanded : LocationFolders.expand(root.resolve(packageFolder).normalize())) {
                    found.addAll(sources(expanded, namedAsMigration));
                }
            }
        }
        found.addAll(JavaMigrationClasses.in(roots, indexFile));
        return found.stream().distinct().toList();
    }

    private static boolean noneIsFolder(Set<Path> roots) {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> sources(Path folder, Predicate<String> namedAsMigration) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return (name.endsWith(".java") || name.endsWith(".kt"))
                        && namedAsMigration.test(name.substring(0, name.lastIndexOf('.')));
            }).sorted().toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
