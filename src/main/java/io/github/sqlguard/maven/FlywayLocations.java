package io.github.sqlguard.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * What a Flyway location ({@code classpath:db/migration}, {@code filesystem:sql}, a bare folder) stands for in a
 * module: the folders under its resource directories or its base directory, and under the resource directories of
 * the modules of the build it depends on.
 */
final class FlywayLocations {

    private static final String CLASSPATH = "classpath:";

    private FlywayLocations() {
    }

    /**
     * Adds the existing folders a {@code classpath:} location stands for in the other modules on the classpath. A
     * location found in none of them nor in the module's own resources is a warning: Flyway finds nothing there, or
     * finds it in a jar, and either way nothing under that name is checked.
     */
    static void inOtherModules(String location, MavenProject project, ModuleClasspath classpath,
            List<Path> found, List<String> warnings) {
        if (location.startsWith("filesystem:")) {
            return;
        }
        String folder = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        boolean exists = false;
        for (Path path : folders(location, project)) {
            exists |= Files.isDirectory(path);
        }
        for (Path resources : classpath.resourceFolders()) {
            for (Path path : foldersOf(resources, folder)) {
                // A folder another source named first exists all the same: only its adding is skipped.
                boolean isFolder = Files.isDirectory(path);
                exists |= isFolder;
                if (isFolder && !found.contains(path)) {
                    found.add(path);
                }
            }
        }
        for (Path resources : classpath.checkedByThemselves()) {
            for (Path path : foldersOf(resources, folder)) {
                exists |= Files.isDirectory(path);
            }
        }
        if (!exists) {
            warnings.add("sqlguard: the Flyway location " + location + " is in no resource folder of "
                    + project.getArtifactId() + (classpath.resourceFolders().isEmpty() ? ""
                            : " or of the modules of this build it depends on")
                    + "; Flyway finds no migrations there, or finds them in a dependency's jar, and those are not "
                    + "checked here (check them in the module that holds them)");
        }
    }

    /** The paths {@code location} names, as {@link #folders} finds them but with nothing expanded. */
    static List<Path> unexpanded(String location, MavenProject project) {
        if (location.startsWith("filesystem:")) {
            return List.of(project.getBasedir().toPath().resolve(location.substring("filesystem:".length()))
                    .normalize());
        }
        String folder = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        List<Path> paths = new ArrayList<>();
        for (Path resources : resourceFolders(project)) {
            paths.add(resources.resolve(folder.replaceFirst("^/", "")).normalize());
        }
        return paths;
    }

    static List<Path> resourceFolders(MavenProject project) {
        List<Path> folders = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            folders.add(Path.of(resource.getDirectory()).toAbsolutePath().normalize());
        }
        return folders;
    }

    /** The folders a classpath location's {@code folder} stands for under one resource folder. */
    private static List<Path> foldersOf(Path resources, String folder) {
        return LocationFolders.expand(resources.resolve(folder.replaceFirst("^/", "")).normalize());
    }

    /**
     * Flyway locations: {@code filesystem:dir} is relative to the project; {@code classpath:dir} (and a bare
     * {@code dir}) is looked up under each resource directory. A {@code {vendor}} folder is every folder there, and
     * wildcards match folders as Flyway matches them ({@link LocationFolders}).
     */
    static List<Path> folders(String location, MavenProject project) {
        Path base = project.getBasedir().toPath();
        if (location.startsWith("filesystem:")) {
            return LocationFolders.expand(base.resolve(location.substring("filesystem:".length())).normalize());
        }
        String classpathDir = location.startsWith("classpath:") ? location.substring("classpath:".length())
                : location;
        List<Path> resolved = new ArrayList<>();
        for (var resource : project.getResources()) {
            File directory = new File(resource.getDirectory());
            resolved.addAll(LocationFolders.expand(
                    directory.toPath().resolve(classpathDir.replaceFirst("^/", "")).normalize()));
        }
        return resolved;
    }
}
