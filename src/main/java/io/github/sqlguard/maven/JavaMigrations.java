package io.github.sqlguard.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.project.MavenProject;

/**
 * The source files of Flyway Java migrations: classes such as {@code db.migration.V3__Backfill} that Flyway finds
 * in a {@code classpath:} location as it finds SQL scripts there. Their sources lie in the compile source roots
 * ({@code src/main/java}, and {@code src/main/kotlin} for Kotlin), in the package the location names.
 */
final class JavaMigrations {

    private JavaMigrations() {
    }

    /**
     * Every {@code .java} or {@code .kt} file in the packages of the Flyway locations (sub-packages included, as
     * Flyway scans them) whose class name starts with one of the migration prefixes; the name's exact form is
     * judged with the rest of Flyway's naming when the files are reported.
     *
     * @param locations the Flyway locations resolved under the resource directories, empty for the default
     *     {@code db/migration}
     */
    static List<Path> in(MavenProject project, List<Path> locations, List<String> prefixes) {
        if (project == null) {
            return List.of();
        }
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
        Set<Path> roots = new LinkedHashSet<>();
        project.getCompileSourceRoots().forEach(root -> roots.add(Path.of(root).toAbsolutePath().normalize()));
        roots.add(project.getBasedir().toPath().resolve("src/main/kotlin").normalize());
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            for (Path packageFolder : packages) {
                found.addAll(sources(root.resolve(packageFolder), prefixes));
            }
        }
        return found.stream().distinct().toList();
    }

    private static List<Path> sources(Path folder, List<String> prefixes) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return (name.endsWith(".java") || name.endsWith(".kt")) && prefixes.stream().anyMatch(name::startsWith);
            }).sorted().toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
