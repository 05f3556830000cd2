package io.github.sqlguard.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The parts of an {@code org.flywaydb:flyway-maven-plugin} configuration in the same pom that decide how
 * migrations are named, where they live and what their placeholders stand for, so users do not repeat them.
 */
record FlywayPluginSettings(
        Map<String, String> placeholders,
        Optional<String> placeholderPrefix,
        Optional<String> placeholderSuffix,
        Optional<String> versionedPrefix,
        Optional<String> undoPrefix,
        Optional<String> repeatablePrefix,
        Optional<String> separator,
        List<String> suffixes,
        List<Path> locations) {

    static final FlywayPluginSettings NONE = new FlywayPluginSettings(Map.of(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
            List.of());

    /** Reads the Flyway plugin's configuration (plugin level, then each execution) from the project. */
    static FlywayPluginSettings of(MavenProject project) {
        if (project == null || project.getFile() == null) {
            return NONE;
        }
        for (Plugin plugin : project.getBuildPlugins()) {
            if ("org.flywaydb".equals(plugin.getGroupId()) && "flyway-maven-plugin".equals(plugin.getArtifactId())) {
                List<Xpp3Dom> configurations = new ArrayList<>();
                if (plugin.getConfiguration() instanceof Xpp3Dom dom) {
                    configurations.add(dom);
                }
                for (PluginExecution execution : plugin.getExecutions()) {
                    if (execution.getConfiguration() instanceof Xpp3Dom dom) {
                        configurations.add(dom);
                    }
                }
                return read(configurations, project);
            }
        }
        return NONE;
    }

    private static FlywayPluginSettings read(List<Xpp3Dom> configurations, MavenProject project) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        List<String> suffixes = new ArrayList<>();
        List<Path> locations = new ArrayList<>();
        for (Xpp3Dom configuration : configurations) {
            Xpp3Dom placeholderDom = configuration.getChild("placeholders");
            if (placeholderDom != null) {
                for (Xpp3Dom entry : placeholderDom.getChildren()) {
                    placeholders.put(entry.getName(), entry.getValue() == null ? "" : entry.getValue());
                }
            }
            suffixes.addAll(values(configuration, "sqlMigrationSuffixes"));
            for (String location : values(configuration, "locations")) {
                locations.addAll(resolveLocation(location.trim(), project));
            }
        }
        return new FlywayPluginSettings(placeholders,
                first(configurations, "placeholderPrefix"), first(configurations, "placeholderSuffix"),
                first(configurations, "sqlMigrationPrefix"), first(configurations, "undoSqlMigrationPrefix"),
                first(configurations, "repeatableSqlMigrationPrefix"),
                first(configurations, "sqlMigrationSeparator"), suffixes, locations);
    }

    /** A list parameter: either child elements or one comma-separated value. */
    private static List<String> values(Xpp3Dom configuration, String name) {
        Xpp3Dom dom = configuration.getChild(name);
        List<String> values = new ArrayList<>();
        if (dom == null) {
            return values;
        }
        if (dom.getChildCount() > 0) {
            for (Xpp3Dom child : dom.getChildren()) {
                if (child.getValue() != null && !child.getValue().isBlank()) {
                    values.add(child.getValue().trim());
                }
            }
        } else if (dom.getValue() != null) {
            for (String part : dom.getValue().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static Optional<String> first(List<Xpp3Dom> configurations, String name) {
        for (Xpp3Dom configuration : configurations) {
            Xpp3Dom dom = configuration.getChild(name);
            if (dom != null && dom.getValue() != null && !dom.getValue().isEmpty()) {
                return Optional.of(dom.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Flyway locations: {@code filesystem:dir} is relative to the project; {@code classpath:dir} (and a bare
     * {@code dir}) is looked up under each resource directory.
     */
    private static List<Path> resolveLocation(String location, MavenProject project) {
        Path base = project.getBasedir().toPath();
        if (location.startsWith("filesystem:")) {
            return List.of(base.resolve(location.substring("filesystem:".length())).normalize());
        }
        String classpathDir = location.startsWith("classpath:") ? location.substring("classpath:".length())
                : location;
        List<Path> resolved = new ArrayList<>();
        for (var resource : project.getResources()) {
            File directory = new File(resource.getDirectory());
            resolved.add(directory.toPath().resolve(classpathDir.replaceFirst("^/", "")).normalize());
        }
        return resolved;
    }
}
