package io.github.sqlguard.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The changelogs an {@code org.liquibase:liquibase-maven-plugin} of the same pom runs ({@code changeLogFile} in
 * its configuration or executions, else the {@code liquibase.changeLogFile} property, else the
 * {@code changeLogFile} of its {@code propertyFile}), found the way the plugin finds them: next to the pom, in
 * its search path or on the classpath (the resource directories).
 *
 * @param changelogs the changelog files found, absolute and normalised
 * @param warnings what the build log must say about changelogs that were named but will not be checked
 * @param parameters the changelog parameters the plugin passes ({@code expressionVariables}, {@code
 *     expressionVars}) or a Spring Boot application gives ({@code spring.liquibase.parameters.*}, see
 *     {@link SpringLiquibaseParameters}): Liquibase sets them before reading the changelog, so they win over its
 *     {@code <property>}
 * @param databaseUrls the database URLs the plugin connects to ({@code url}, {@code liquibase.url}, or its
 *     {@code propertyFile}'s {@code url}), for the dialect ({@link InferredDialect})
 * @param searchPath the plugin's {@code searchPath} and {@code changeLogDirectory} folders, where Liquibase finds
 *     every changelog path, also one an include names relative to its changelog
 */
record LiquibasePluginSettings(List<Path> changelogs, List<String> warnings, Map<String, String> parameters,
        List<DatabaseUrl> databaseUrls, List<Path> searchPath) {

    static final LiquibasePluginSettings NONE = new LiquibasePluginSettings(List.of(), List.of(), Map.of(),
            List.of(), List.of());

    private static final String PLUGIN = "the liquibase-maven-plugin's changeLogFile";
    private static final List<String> PROPERTY_FILE_KEYS = List.of("changeLogFile", "changelogFile",
            "liquibase.changeLogFile", "liquibase.command.changelogFile");
    private static final List<String> URL_KEYS = List.of("url", "liquibase.url", "liquibase.command.url");

    LiquibasePluginSettings {
        changelogs = List.copyOf(changelogs);
        warnings = List.copyOf(warnings);
        parameters = Map.copyOf(parameters);
        databaseUrls = List.copyOf(databaseUrls);
        searchPath = List.copyOf(searchPath);
    }

    /**
     * The plugin's changelogs. A {@code changeLogFile} in the configuration wins over the property, as Maven
     * gives a parameter its property's value only when the pom does not set it; the property file's value
     * fills in when neither does, or wins with {@code propertyFileWillOverride}.
     */
    static LiquibasePluginSettings of(MavenProject project, BuildProperties properties) {
        if (project == null || project.getFile() == null) {
            return NONE;
        }
        Optional<List<Xpp3Dom>> declared = PluginConfigurations.of(project, "org.liquibase", "liquibase-maven-plugin");
        // Only in <pluginManagement>, the plugin does not run in this module's build: a missing file is no news.
        boolean runs = PluginConfigurations.isBuildPlugin(project, "org.liquibase", "liquibase-maven-plugin")
                || properties.value("liquibase.changeLogFile") != null;
        List<Xpp3Dom> configurations = new ArrayList<>(declared.orElse(List.of()));
        if (configurations.isEmpty()) {
            configurations.add(new Xpp3Dom("configuration"));
        }
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Set<Path> found = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        Set<Path> searched = new LinkedHashSet<>();
        for (Xpp3Dom configuration : configurations) {
            searched.addAll(searchPath(configuration, properties, base));
            String changelog = changelogOf(configuration, properties, project, base);
            if (changelog == null || changelog.isBlank()) {
                continue;
            }
            Optional<Path> file = locate(changelog.strip(), searchPath(configuration, properties, base), project,
                    base);
            if (file.isPresent() && holdsTheBuild(file.get().getParent(), project, base)) {
                addIf(runs, warnings, inBuildFolder(PLUGIN + " '" + changelog.strip() + "'", file.get(), base));
            } else if (file.isPresent()) {
                found.add(file.get());
                addIf(runs && file.get().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".groovy"),
                        warnings, "sqlguard: " + PLUGIN + " '" + changelog.strip() + "' is a Groovy changelog, which"
                        + " sqlguard does not read; its changes are not checked, only the XML, YAML, JSON and SQL"
                        + " files beside it. Review it by hand, or write its changes in one of those formats");
            } else if (runs) {
                warnings.add("sqlguard: " + PLUGIN + " '" + changelog.strip() + "' was not found (looked in "
                        + lookedIn(searchPath(configuration, properties, base), project, base)
                        + "); its changes are not checked. Correct the path, or list the changelog's folder in"
                        + " sqlguard's <directories>");
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        List<DatabaseUrl> urls = new ArrayList<>();
        for (Xpp3Dom configuration : configurations) {
            parameters(configuration, parameters);
            urlOf(configuration, properties, project, base).ifPresent(urls::add);
        }
        List<Path> resourceFolders = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            resourceFolders.add(Path.of(resource.getDirectory()).toAbsolutePath().normalize());
        }
        for (Map.Entry<String, String> parameter : SpringLiquibaseParameters.in(resourceFolders).entrySet()) {
            parameters.putIfAbsent(parameter.getKey(), parameter.getValue());
        }
        for (SpringLiquibaseChangelogs.Named named : SpringLiquibaseChangelogs.in(resourceFolders)) {
            springChangelog(named, project, base, found, warnings);
        }
        return new LiquibasePluginSettings(new ArrayList<>(found), new ArrayList<>(warnings), parameters, urls,
                new ArrayList<>(searched));
    }

    /**
     * A changelog a Spring Boot application runs ({@code spring.liquibase.change-log}): found as Spring Boot finds it
     * (the classpath, that is the resource directories; with {@code file:}, the project folder first), or a warning
     * that says it was not, or that it lies where sqlguard does not scan. The application runs it whether or not a
     * Liquibase plugin is declared.
     */
    private static void springChangelog(SpringLiquibaseChangelogs.Named named, MavenProject project, Path base,
            Set<Path> found, Set<String> warnings) {
        String described = "spring.liquibase.change-log '" + named.changelog() + "' (" + shown(named.namedIn(), base)
                + ")";
        if (named.changelog().contains("${")) {
            warnings.add("sqlguard: " + described + " names its file through a reference sqlguard does not resolve;"
                    + " the changelog is checked only if it lies in a scanned folder. List its folder in sqlguard's"
                    + " <directories> to be sure");
            return;
        }
        Optional<Path> file = locate(named.onClasspath() ? "classpath:" + named.path() : named.path(), List.of(),
                project, base);
        if (file.isEmpty()) {
            String places = lookedIn(List.of(), project, base);
            // on the classpath only: the resource directories
            places = named.onClasspath() ? places.replaceFirst("^the project folder(, )?", "") : places;
            warnings.add("sqlguard: " + described + " was not found (looked in " + places + "); its changes are not"
                    + " checked. Correct the path, or list the changelog's folder in sqlguard's <directories>");
        } else if (holdsTheBuild(file.get().getParent(), project, base)) {
            warnings.add(inBuildFolder(described, file.get(), base));
        } else {
            found.add(file.get());
        }
    }

    /**
     * The plugin's {@code <expressionVariables><name>value</name></expressionVariables>} and its
     * {@code <expressionVars>}, written as {@code <property><name>..</name><value>..</value></property>} or as
     * {@code <name>value</name>}; the first value of a name wins, as Liquibase keeps a parameter's first value.
     */
    private static void parameters(Xpp3Dom configuration, Map<String, String> parameters) {
        for (String parameter : List.of("expressionVariables", "expressionVars")) {
            Xpp3Dom dom = configuration.getChild(parameter);
            if (dom == null) {
                continue;
            }
            for (Xpp3Dom entry : dom.getChildren()) {
                Xpp3Dom name = entry.getChild("name");
                if (entry.getName().equals("property") && name != null && name.getValue() != null) {
                    Xpp3Dom value = entry.getChild("value");
                    parameters.putIfAbsent(name.getValue().strip(),
                            value == null || value.getValue() == null ? "" : value.getValue());
                } else {
                    parameters.putIfAbsent(entry.getName(), entry.getValue() == null ? "" : entry.getValue());
                }
            }
        }
    }

    /** The folders holding the changelogs: scanned, so that their includes resolve as Liquibase resolves them. */
    List<Path> folders() {
        return changelogs.stream().map(Path::getParent).distinct().toList();
    }

    private static void addIf(boolean condition, Set<String> warnings, String warning) {
        if (condition) {
            warnings.add(warning);
        }
    }

    /** The warning on {@code changelog} (described), found in a folder that holds the build ({@link #holdsTheBuild}). */
    private static String inBuildFolder(String described, Path changelog, Path base) {
        Path folder = changelog.getParent();
        return "sqlguard: " + described + " lies in " + (folder.equals(base) ? "the project folder itself" : folder)
                + ", which sqlguard does not scan as a whole (it holds the build output); its changes are not checked."
                + " Move the changelog into a folder of its own, or list that folder in sqlguard's <directories>";
    }

    /** True for the project folder, a folder above it, or one holding the build directory. */
    private static boolean holdsTheBuild(Path folder, MavenProject project, Path base) {
        String build = project.getBuild() == null ? null : project.getBuild().getDirectory();
        return base.startsWith(folder)
                || build != null && Path.of(build).toAbsolutePath().normalize().startsWith(folder);
    }

    private static String changelogOf(Xpp3Dom configuration, BuildProperties properties, MavenProject project,
            Path base) {
        String configured = valueOf(configuration, "changeLogFile", "liquibase.changeLogFile", properties);
        return propertyFileWins(configuration, properties, configured)
                ? fromPropertyFile(configuration, properties, project, base, PROPERTY_FILE_KEYS).orElse(configured)
                : configured;
    }

    /** The URL the plugin connects to, chosen between its parameter and its property file as its changelog is. */
    private static Optional<DatabaseUrl> urlOf(Xpp3Dom configuration, BuildProperties properties,
            MavenProject project, Path base) {
        String configured = valueOf(configuration, "url", "liquibase.url", properties);
        Optional<String> fromFile = propertyFileWins(configuration, properties, configured)
                ? fromPropertyFile(configuration, properties, project, base, URL_KEYS) : Optional.empty();
        if (fromFile.isPresent()) {
            return Optional.of(new DatabaseUrl(fromFile.get(), "url in the liquibase-maven-plugin's propertyFile "
                    + valueOf(configuration, "propertyFile", "liquibase.propertyFile", properties).strip()));
        }
        return configured == null || configured.isBlank() ? Optional.empty()
                : Optional.of(new DatabaseUrl(configured, "the liquibase-maven-plugin's url"));
    }

    /**
     * True when a value is to be looked for in the property file: the parameter is unset, or
     * {@code propertyFileWillOverride} lets the file win.
     */
    private static boolean propertyFileWins(Xpp3Dom configuration, BuildProperties properties, String configured) {
        return configured == null || configured.isBlank() || Boolean.parseBoolean(valueOf(configuration,
                "propertyFileWillOverride", "liquibase.propertyFileWillOverride", properties));
    }

    /** The first of {@code keys} the plugin's {@code propertyFile} sets. */
    private static Optional<String> fromPropertyFile(Xpp3Dom configuration, BuildProperties properties,
            MavenProject project, Path base, List<String> keys) {
        String propertyFile = valueOf(configuration, "propertyFile", "liquibase.propertyFile", properties);
        if (propertyFile == null || propertyFile.isBlank()) {
            return Optional.empty();
        }
        Optional<Path> file = locate(propertyFile.strip(), List.of(), project, base);
        if (file.isEmpty()) {
            return Optional.empty(); // Liquibase stops on a missing property file itself
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return keys.stream().map(values::getProperty).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    /** A parameter's value: the configuration's, else its property's (command line over pom). */
    private static String valueOf(Xpp3Dom configuration, String parameter, String property,
            BuildProperties properties) {
        Xpp3Dom dom = configuration.getChild(parameter);
        if (dom != null && dom.getValue() != null && !dom.getValue().isBlank()) {
            return dom.getValue();
        }
        return properties.value(property);
    }

    /** {@code searchPath} (comma-separated) and the older {@code changeLogDirectory}, relative to the project. */
    private static List<Path> searchPath(Xpp3Dom configuration, BuildProperties properties, Path base) {
        List<Path> folders = new ArrayList<>();
        List<String> named = new ArrayList<>(ParameterValues.splitList(
                valueOf(configuration, "searchPath", "liquibase.searchPath", properties)));
        named.addAll(ParameterValues.splitList(
                valueOf(configuration, "changeLogDirectory", "liquibase.changeLogDirectory", properties)));
        for (String folder : named) {
            try {
                folders.add(base.resolve(folder).normalize());
            } catch (InvalidPathException e) {
                // not a folder on this system: Liquibase cannot search it either
            }
        }
        return folders;
    }

    /**
     * The file a path names: absolute as it is; else under the search path, the project folder, then each
     * resource directory (the classpath, which also stands in for the build output it is copied to).
     */
    private static Optional<Path> locate(String named, List<Path> searchPath, MavenProject project, Path base) {
        boolean classpathOnly = named.startsWith("classpath:");
        String path = (classpathOnly ? named.substring("classpath:".length()) : named).replace('\\', '/');
        try {
            Path given = Path.of(path);
            if (given.isAbsolute() && !classpathOnly) {
                Path normalized = given.normalize();
                return fromBuildOutput(normalized, project)
                        .or(() -> Files.isRegularFile(normalized) ? Optional.of(normalized) : Optional.empty());
            }
            String relative = path.replaceFirst("^/+", "");
            List<Path> candidates = new ArrayList<>();
            searchPath.forEach(folder -> candidates.add(folder.resolve(relative)));
            if (!classpathOnly) {
                candidates.add(base.resolve(relative));
            }
            resourceDirectories(project).forEach(folder -> candidates.add(folder.resolve(relative)));
            return candidates.stream().map(Path::normalize).filter(Files::isRegularFile).findFirst();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * A changelog named in the build output ({@code ${project.build.outputDirectory}/db/master.xml}) is a copy;
     * the resource it was copied from is the one to check.
     */
    private static Optional<Path> fromBuildOutput(Path file, MavenProject project) {
        String output = project.getBuild() == null ? null : project.getBuild().getOutputDirectory();
        if (output == null) {
            return Optional.empty();
        }
        Path outputDirectory = Path.of(output).toAbsolutePath().normalize();
        if (!file.startsWith(outputDirectory)) {
            return Optional.empty();
        }
        Path relative = outputDirectory.relativize(file);
        return resourceDirectories(project).stream().map(folder -> folder.resolve(relative).normalize())
                .filter(Files::isRegularFile).findFirst();
    }

    private static List<Path> resourceDirectories(MavenProject project) {
        List<Path> folders = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            if (resource.getDirectory() != null) {
                folders.add(Path.of(resource.getDirectory()).toAbsolutePath().normalize());
            }
        }
        return folders;
    }

    private static String lookedIn(List<Path> searchPath, MavenProject project, Path base) {
        List<String> places = new ArrayList<>();
        searchPath.forEach(folder -> places.add(shown(folder, base)));
        places.add("the project folder");
        resourceDirectories(project).forEach(folder -> places.add(shown(folder, base)));
        return String.join(", ", places);
    }

    private static String shown(Path folder, Path base) {
        return folder.startsWith(base) ? base.relativize(folder).toString().replace('\\', '/')
                : folder.toString().replace('\\', '/');
    }
}
