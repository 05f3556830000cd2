package io.github.sqlguard.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The parts of an {@code org.flywaydb:flyway-maven-plugin} configuration in the same pom, and of the
 * {@code flyway.*} properties that plugin reads, that decide how migrations are named, where they live and what
 * their placeholders stand for, so users do not repeat them.
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

    private static final String PROPERTY_PREFIX = "flyway.";
    private static final String PLACEHOLDERS_PREFIX = "flyway.placeholders.";

    /**
     * Reads the Flyway plugin's configuration (plugin level, then each execution), and over it the {@code flyway.*}
     * settings as the plugin itself takes them: pom properties, then {@code FLYWAY_*} environment variables, then
     * the command line, each overriding the one before. The properties count even when the pom names no Flyway
     * plugin, since {@code mvn flyway:migrate} reads them all the same.
     */
    static FlywayPluginSettings of(MavenProject project, BuildProperties properties, Map<String, String> environment) {
        if (project == null || project.getFile() == null) {
            return NONE;
        }
        List<Xpp3Dom> configurations = PluginConfigurations.of(project, "org.flywaydb", "flyway-maven-plugin")
                .orElse(List.of());
        return read(configurations, overrides(properties, environment), project);
    }

    /** The {@code flyway.*} settings outside the plugin's configuration, the strongest last in. */
    private static Map<String, String> overrides(BuildProperties properties, Map<String, String> environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        properties.pom().forEach((name, value) -> putFlywaySetting(overrides, name, value));
        environment.forEach((name, value) -> putFlywaySetting(overrides, FlywayEnvironment.propertyOf(name), value));
        properties.commandLine().forEach((name, value) -> putFlywaySetting(overrides, name, value));
        return overrides;
    }

    private static void putFlywaySetting(Map<String, String> settings, String name, String value) {
        if (name != null && name.startsWith(PROPERTY_PREFIX) && value != null) {
            settings.put(name, value);
        }
    }

    private static FlywayPluginSettings read(List<Xpp3Dom> configurations, Map<String, String> overrides,
            MavenProject project) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        List<String> suffixes = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (Xpp3Dom configuration : configurations) {
            Xpp3Dom placeholderDom = configuration.getChild("placeholders");
            if (placeholderDom != null) {
                for (Xpp3Dom entry : placeholderDom.getChildren()) {
                    placeholders.put(entry.getName(), entry.getValue() == null ? "" : entry.getValue());
                }
            }
            suffixes.addAll(values(configuration, "sqlMigrationSuffixes"));
            locations.addAll(values(configuration, "locations"));
        }
        overrides.forEach((name, value) -> {
            if (name.startsWith(PLACEHOLDERS_PREFIX) && name.length() > PLACEHOLDERS_PREFIX.length()) {
                placeholders.put(name.substring(PLACEHOLDERS_PREFIX.length()), value);
            }
        });
        List<String> overriddenLocations = ParameterValues.splitList(overrides.get(PROPERTY_PREFIX + "locations"));
        List<String> overriddenSuffixes = ParameterValues.splitList(overrides.get(PROPERTY_PREFIX + "sqlMigrationSuffixes"));
        List<Path> resolved = new ArrayList<>();
        for (String location : overriddenLocations.isEmpty() ? locations : overriddenLocations) {
            resolved.addAll(resolveLocation(location.trim(), project));
        }
        return new FlywayPluginSettings(placeholders,
                setting("placeholderPrefix", configurations, overrides),
                setting("placeholderSuffix", configurations, overrides),
                setting("sqlMigrationPrefix", configurations, overrides),
                setting("undoSqlMigrationPrefix", configurations, overrides),
                setting("repeatableSqlMigrationPrefix", configurations, overrides),
                setting("sqlMigrationSeparator", configurations, overrides),
                overriddenSuffixes.isEmpty() ? suffixes : overriddenSuffixes, resolved);
    }

    /** A single-valued setting: the {@code flyway.<name>} property when one is given, else the configuration's. */
    private static Optional<String> setting(String name, List<Xpp3Dom> configurations, Map<String, String> overrides) {
        String overridden = overrides.get(PROPERTY_PREFIX + name);
        return overridden != null && !overridden.isEmpty() ? Optional.of(overridden) : first(configurations, name);
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
     * {@code dir}) is looked up under each resource directory. A {@code {vendor}} folder is every folder there.
     */
    static List<Path> resolveLocation(String location, MavenProject project) {
        Path base = project.getBasedir().toPath();
        if (location.startsWith("filesystem:")) {
            return VendorFolders.expand(base.resolve(location.substring("filesystem:".length())).normalize());
        }
        String classpathDir = location.startsWith("classpath:") ? location.substring("classpath:".length())
                : location;
        List<Path> resolved = new ArrayList<>();
        for (var resource : project.getResources()) {
            File directory = new File(resource.getDirectory());
            resolved.addAll(VendorFolders.expand(
                    directory.toPath().resolve(classpathDir.replaceFirst("^/", "")).normalize()));
        }
        return resolved;
    }
}
