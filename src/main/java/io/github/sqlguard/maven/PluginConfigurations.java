package io.github.sqlguard.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** The {@code <configuration>} blocks of another plugin of the same pom, where sqlguard reads its settings. */
final class PluginConfigurations {

    private PluginConfigurations() {
    }

    /**
     * The plugin's configuration, then that of each of its executions; empty when the pom does not mention the
     * plugin. A plugin only in {@code <pluginManagement>} counts too: {@code mvn flyway:migrate} and
     * {@code mvn liquibase:update} run with that configuration.
     */
    static Optional<List<Xpp3Dom>> of(MavenProject project, String groupId, String artifactId) {
        if (project == null) {
            return Optional.empty();
        }
        Optional<Plugin> plugin = find(project.getBuildPlugins(), groupId, artifactId);
        PluginManagement management = project.getPluginManagement();
        if (plugin.isEmpty() && management != null) {
            plugin = find(management.getPlugins(), groupId, artifactId);
        }
        return plugin.isPresent() ? Optional.of(configurations(plugin.get())) : Optional.empty();
    }

    /** True when the plugin is one of the build's plugins, so it runs in this module's lifecycle. */
    static boolean isBuildPlugin(MavenProject project, String groupId, String artifactId) {
        return project != null && find(project.getBuildPlugins(), groupId, artifactId).isPresent();
    }

    private static Optional<Plugin> find(List<Plugin> plugins, String groupId, String artifactId) {
        if (plugins == null) {
            return Optional.empty();
        }
        for (Plugin plugin : plugins) {
            if (groupId.equals(plugin.getGroupId()) && artifactId.equals(plugin.getArtifactId())) {
                return Optional.of(plugin);
            }
        }
        return Optional.empty();
    }

    private static List<Xpp3Dom> configurations(Plugin plugin) {
        List<Xpp3Dom> configurations = new ArrayList<>();
        if (plugin.getConfiguration() instanceof Xpp3Dom dom) {
            configurations.add(dom);
        }
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getConfiguration() instanceof Xpp3Dom dom) {
                configurations.add(dom);
            }
        }
        return configurations;
    }
}
