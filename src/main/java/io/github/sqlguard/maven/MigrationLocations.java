package io.github.sqlguard.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * Where a module's migrations are looked for: the configured {@code directories} when there are any; else the
 * project's resource directories, the locations its Flyway plugin is told about (Flyway's default
 * {@code classpath:db/migration} when none), in its own resources and in those of the modules of the build it
 * depends on, the folder of a Liquibase changelog outside those, and a Grails application's
 * {@code grails-app/migrations}.
 */
final class MigrationLocations {

    private static final Path GRAILS_MIGRATIONS = Path.of("grails-app", "migrations");

    private MigrationLocations() {
    }

    /**
     * @param configured the {@code directories} parameter, or null
     * @param project the project, or null when the goal runs without one (then the base directory is scanned)
     */
    static List<Path> of(List<File> configured, Path base, MavenProject project, FlywayPluginSettings flyway,
            LiquibasePluginSettings liquibase) {
        List<Path> result = new ArrayList<>();
        if (configured != null && !configured.isEmpty()) {
            for (File directory : configured) {
                if (directory == null) {
                    throw new IllegalArgumentException("An empty <directory> in <directories>; name a folder to scan, "
                            + "relative to the project or absolute, or leave <directories> out to scan the resource "
                            + "folders and the Flyway and Liquibase locations");
                }
                Path path = directory.toPath();
                result.add((path.isAbsolute() ? path : base.resolve(path)).normalize());
            }
            return result;
        }
        if (project == null) {
            return List.of(base);
        }
        List<Path> resources = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            resources.add(Path.of(resource.getDirectory()).toAbsolutePath().normalize());
        }
        result.addAll(resources);
        result.addAll(flyway.locations());
        if (flyway.locations().isEmpty()) {
            // Flyway's default location, classpath:db/migration: globs may be written from there too.
            resources.forEach(resource -> result.add(resource.resolve("db").resolve("migration")));
        }
        // Those in the other modules of the build on the classpath, where Flyway finds them too.
        result.addAll(flyway.moduleLocations());
        // A changelog outside those folders: its folder is scanned, so its relative includes resolve.
        for (Path folder : liquibase.folders()) {
            if (result.stream().noneMatch(folder::startsWith)) {
                result.add(folder);
            }
        }
        // A Grails application's changelogs, which the Grails database-migration plugin reads from this folder by
        // default without any Maven plugin naming it.
        Path grailsMigrations = base.resolve(GRAILS_MIGRATIONS).toAbsolutePath().normalize();
        if (Files.isDirectory(grailsMigrations) && result.stream().noneMatch(grailsMigrations::startsWith)) {
            result.add(grailsMigrations);
        }
        List<Path> folders = ParameterValues.withoutNestedMissing(result);
        // Maven gives every project src/main/resources, named in its pom or not: where it is missing and the
        // migrations lie elsewhere (a Flyway location, a changelog's folder), its absence is no news to report.
        List<Path> present = new ArrayList<>();
        for (Path folder : folders) {
            if (!resources.contains(folder) || Files.isDirectory(folder)) {
                present.add(folder);
            }
        }
        return present.isEmpty() ? folders : present;
    }
}
