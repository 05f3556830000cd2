package io.github.sqlguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * The resource folders of the other modules of the build that lie on a module's classpath: those it depends on in
 * compile, runtime or provided scope, directly or through one another. Flyway run by the module (its Maven plugin,
 * or the application at start-up) finds a {@code classpath:} location in their resources as in its own, so in a
 * build where the migrations live in one module and the application in another, those are the migrations it runs.
 * A module that runs sqlguard itself is left to its own check.
 *
 * @param resourceFolders the resource folders of those modules, nearest first
 * @param checkedByThemselves the resource folders of those modules that run sqlguard themselves: a location there
 *     is checked in that module's build, with its own baseline and pom suppressions
 * @param runsFlyway true when the module or one of those declares a Flyway dependency or the Flyway plugin, so
 *     Flyway's default location {@code classpath:db/migration} applies to it
 * @param modulesCheckingThemselves the artifact ids of those modules that run sqlguard themselves
 */
record ModuleClasspath(List<Path> resourceFolders, List<Path> checkedByThemselves, boolean runsFlyway,
        List<String> modulesCheckingThemselves) {

    static final ModuleClasspath NONE = new ModuleClasspath(List.of(), List.of(), false, List.of());

    private static final Set<String> CLASSPATH_SCOPES = Set.of("compile", "runtime", "provided");
    private static final String SQLGUARD_GROUP = "io.github.sqlguard";
    private static final String SQLGUARD_PLUGIN = "sqlguard-maven-plugin";

    static ModuleClasspath of(MavenProject project, List<MavenProject> reactor) {
        if (project == null) {
            return NONE;
        }
        List<MavenProject> reached = new ArrayList<>(List.of(project));
        for (int i = 0; i < reached.size(); i++) {
            for (Dependency dependency : reached.get(i).getDependencies()) {
                MavenProject module = moduleOf(dependency, reactor);
                if (module != null && !reached.contains(module)) {
                    reached.add(module);
                }
            }
        }
        boolean runsFlyway = PluginConfigurations.of(project, "org.flywaydb", "flyway-maven-plugin").isPresent();
        List<Path> folders = new ArrayList<>();
        List<Path> checkedByThemselves = new ArrayList<>();
        List<String> modulesCheckingThemselves = new ArrayList<>();
        for (MavenProject module : reached) {
            for (Dependency dependency : module.getDependencies()) {
                runsFlyway |= "org.flywaydb".equals(dependency.getGroupId())
                        || dependency.getArtifactId() != null && dependency.getArtifactId().contains("flyway");
            }
            // A module whose own build runs sqlguard checks its migrations there, with its own baseline and pom
            // suppressions; checked here again, what it acknowledged would fail this module.
            boolean checksItself = PluginConfigurations.isBuildPlugin(module, SQLGUARD_GROUP, SQLGUARD_PLUGIN);
            if (module != project && checksItself) {
                modulesCheckingThemselves.add(module.getArtifactId());
            }
            if (module != project) {
                for (Resource resource : module.getResources()) {
                    (checksItself ? checkedByThemselves : folders).add(
                            Path.of(resource.getDirectory()).toAbsolutePath().normalize());
                }
            }
        }
        return new ModuleClasspath(List.copyOf(folders), List.copyOf(checkedByThemselves), runsFlyway,
                List.copyOf(modulesCheckingThemselves));
    }

    /**
     * The resource folders of those modules, whether they run sqlguard or not: Liquibase finds an included
     * changelog in any of them, and the changelog that includes it runs it in this module's history.
     */
    List<Path> everyResourceFolder() {
        List<Path> every = new ArrayList<>(resourceFolders);
        every.addAll(checkedByThemselves);
        return every;
    }

    /** Every module of the build, also those {@code -pl} leaves out: their sources are what their jars hold. */
    static List<MavenProject> modulesOf(MavenSession session) {
        if (session == null) {
            return List.of();
        }
        List<MavenProject> all = session.getAllProjects();
        return all != null ? all : session.getProjects() != null ? session.getProjects() : List.of();
    }

    /** The module of the build a dependency names, or null for an artifact from a repository or a test one. */
    private static MavenProject moduleOf(Dependency dependency, List<MavenProject> reactor) {
        String scope = dependency.getScope() == null ? "compile" : dependency.getScope();
        if (!CLASSPATH_SCOPES.contains(scope) || "test-jar".equals(dependency.getType()) || reactor == null) {
            return null;
        }
        for (MavenProject module : reactor) {
            if (module.getArtifactId().equals(dependency.getArtifactId())
                    && module.getGroupId().equals(dependency.getGroupId())) {
                return module;
            }
        }
        return null;
    }
}
