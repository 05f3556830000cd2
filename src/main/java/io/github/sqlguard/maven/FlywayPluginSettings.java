package io.github.sqlguard.maven;

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
 * their placeholders stand for, so users do not repeat them. Flyway settings written in files beside the code
 * (a Spring Boot application's {@code spring.flyway.*}, {@code flyway.conf}, {@code flyway.toml}) add their
 * locations, since whatever runs Flyway with them runs those migrations too, and fill in the naming and
 * placeholders the pom leaves unset. So do the locations of the pom's profiles ({@link FlywayProfileLocations}).
 * The folders each location stands for come from {@link FlywayLocations}.
 *
 * @param placeholderAlternatives for a placeholder that settings files give other values than the one taken (two
 *     Spring Boot profiles, or a Spring Boot file and the pom), those other values
 * @param encoding the encoding Flyway reads the scripts in ({@code encoding}, {@code spring.flyway.encoding})
 * @param locations the folders the locations stand for in this module
 * @param javaLocations the locations as written, under the project ({@code filesystem:}) or each resource folder
 *     ({@code classpath:}), a {@code {vendor}} folder or wildcard not yet expanded: Flyway finds Java migrations in
 *     the packages they stand for, and a package that only holds classes has no resource folder to expand them in
 * @param moduleLocations the folders a {@code classpath:} location (Flyway's default one too, when the module runs
 *     Flyway) stands for in the other modules of the build on its classpath ({@link ModuleClasspath})
 * @param databaseUrls the database URLs Flyway connects to: the {@code flyway.url} setting, else the plugin's
 *     {@code <url>}, and those of {@code flyway.conf} and {@code flyway.toml}, for the dialect
 *     ({@link InferredDialect})
 * @param defaultSchema the schema Flyway runs the scripts in ({@link #defaultSchemaOf}), when every source that
 *     names one names the same plain name
 * @param baselineVersion Flyway's {@code baselineVersion} ({@link FlywayBaselineVersion}), when a source names one
 * @param historyTables the names the sources give Flyway's history table ({@code table}), each once
 */
record FlywayPluginSettings(
        Map<String, String> placeholders,
        Map<String, List<String>> placeholderAlternatives,
        Optional<String> placeholderPrefix,
        Optional<String> placeholderSuffix,
        Optional<String> versionedPrefix,
        Optional<String> undoPrefix,
        Optional<String> repeatablePrefix,
        Optional<String> separator,
        List<String> suffixes,
        Optional<String> encoding,
        List<Path> locations,
        List<Path> javaLocations,
        List<Path> moduleLocations,
        List<String> warnings,
        List<DatabaseUrl> databaseUrls,
        Optional<String> defaultSchema,
        Optional<String> baselineVersion,
        List<String> historyTables) {

    static final FlywayPluginSettings NONE = new FlywayPluginSettings(Map.of(), Map.of(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
            List.of());

    /** The other values of the placeholders that {@code chosen} (sqlguard's own {@code <placeholders>}) leaves open. */
    Map<String, List<String>> alternativesOutside(Map<String, String> chosen) {
        Map<String, List<String>> open = new LinkedHashMap<>(placeholderAlternatives);
        if (chosen != null) {
            open.keySet().removeAll(chosen.keySet());
        }
        return open;
    }

    private static final String PROPERTY_PREFIX = "flyway.";
    private static final String PLACEHOLDERS_PREFIX = "flyway.placeholders.";
    private static final String DEFAULT_LOCATION = "classpath:db/migration";

    /**
     * Reads the Flyway plugin's configuration (plugin level, then each execution), and over it the {@code flyway.*}
     * settings as the plugin itself takes them: pom properties, then {@code FLYWAY_*} environment variables, then
     * the command line, each overriding the one before. The properties count even when the pom names no Flyway
     * plugin, since {@code mvn flyway:migrate} reads them all the same.
     *
     * @param reactor the modules of the build, where {@code classpath:} locations are looked for too
     */
    static FlywayPluginSettings of(MavenProject project, BuildProperties properties, Map<String, String> environment,
            List<MavenProject> reactor) {
        if (project == null || project.getFile() == null) {
            return NONE;
        }
        List<Xpp3Dom> configurations = PluginConfigurations.of(project, "org.flywaydb", "flyway-maven-plugin")
                .orElse(List.of());
        Map<String, String> overrides = overrides(properties, environment);
        List<String> warnings = new ArrayList<>();
        List<Path> resourceFolders = FlywayLocations.resourceFolders(project);
        Map<String, String> filtering = properties.forResourceFiltering(project.getBasedir().toPath());
        List<FlywaySettingsSource> files = new ArrayList<>(SpringFlywaySettings.in(resourceFolders, filtering,
                warnings));
        String namedFiles = overrides.get(PROPERTY_PREFIX + "configFiles");
        List<String> configFiles = new ArrayList<>();
        if (namedFiles != null) {
            configFiles.addAll(ParameterValues.splitList(namedFiles));
        } else {
            for (Xpp3Dom configuration : configurations) {
                configFiles.addAll(values(configuration, "configFiles"));
            }
        }
        List<FlywaySettingsSource> configFileSettings = FlywayConfigFiles.in(project.getBasedir().toPath(),
                configFiles, warnings);
        files.addAll(configFileSettings);
        files.addAll(FlywayProfileLocations.in(project, filtering));
        return read(configurations, overrides, files, project, ModuleClasspath.of(project, reactor), warnings,
                databaseUrls(configurations, overrides, configFileSettings, project.getBasedir().toPath()));
    }

    /**
     * The URLs Flyway connects to. The Spring Boot settings are left to {@link SpringDatabaseUrls}, which reads
     * only the application's own files, and the profiles' settings stay out: a profile that is not active names a
     * database this build does not run on.
     */
    private static List<DatabaseUrl> databaseUrls(List<Xpp3Dom> configurations, Map<String, String> overrides,
            List<FlywaySettingsSource> configFiles, Path base) {
        List<DatabaseUrl> urls = new ArrayList<>();
        String overridden = overrides.get(PROPERTY_PREFIX + "url");
        if (overridden != null && !overridden.isBlank()) {
            urls.add(new DatabaseUrl(overridden, "flyway.url"));
        } else {
            for (Xpp3Dom configuration : configurations) {
                Xpp3Dom url = configuration.getChild("url");
                if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
                    urls.add(new DatabaseUrl(url.getValue(), "the flyway-maven-plugin's <url>"));
                }
            }
        }
        for (FlywaySettingsSource file : configFiles) {
            String url = file.settings().get(PROPERTY_PREFIX + "url");
            if (url != null && !url.isBlank()) {
                urls.add(new DatabaseUrl(url, "url in " + base.relativize(file.file()).toString().replace('\\', '/')));
            }
        }
        return urls;
    }

    /**
     * The {@code flyway.*} settings outside the plugin's configuration, the strongest last in. Loops, not
     * lambdas, here and below: this runs on every build, in a JVM that has not warmed up, where every lambda is
     * a class generated at its first use.
     */
    private static Map<String, String> overrides(BuildProperties properties, Map<String, String> environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : properties.pom().entrySet()) {
            putFlywaySetting(overrides, property.getKey(), property.getValue());
        }
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            putFlywaySetting(overrides, FlywayEnvironment.propertyOf(variable.getKey()), variable.getValue());
        }
        for (Map.Entry<String, String> property : properties.commandLine().entrySet()) {
            putFlywaySetting(overrides, property.getKey(), property.getValue());
        }
        return overrides;
    }

    private static void putFlywaySetting(Map<String, String> settings, String name, String value) {
        if (name != null && name.startsWith(PROPERTY_PREFIX) && value != null) {
            settings.put(name, value);
        }
    }

    private static FlywayPluginSettings read(List<Xpp3Dom> configurations, Map<String, String> overrides,
            List<FlywaySettingsSource> files, MavenProject project, ModuleClasspath classpath, List<String> warnings,
            List<DatabaseUrl> databaseUrls) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
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
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String name = override.getKey();
            if (name.startsWith(PLACEHOLDERS_PREFIX) && name.length() > PLACEHOLDERS_PREFIX.length()) {
                placeholders.put(name.substring(PLACEHOLDERS_PREFIX.length()), override.getValue());
            }
        }
        List<String> overriddenLocations = ParameterValues.splitList(overrides.get(PROPERTY_PREFIX + "locations"));
        List<String> overriddenSuffixes = ParameterValues.splitList(overrides.get(PROPERTY_PREFIX + "sqlMigrationSuffixes"));
        List<Path> resolved = new ArrayList<>();
        List<String> allLocations = new ArrayList<>(overriddenLocations.isEmpty() ? locations : overriddenLocations);
        for (FlywaySettingsSource file : files) {
            allLocations.addAll(ParameterValues.splitList(file.settings().get(PROPERTY_PREFIX + "locations")));
            for (Map.Entry<String, String> setting : file.settings().entrySet()) {
                String name = setting.getKey();
                if (name.startsWith(PLACEHOLDERS_PREFIX) && name.length() > PLACEHOLDERS_PREFIX.length()) {
                    String placeholder = name.substring(PLACEHOLDERS_PREFIX.length());
                    String taken = placeholders.putIfAbsent(placeholder, setting.getValue());
                    if (taken != null && !taken.equals(setting.getValue())) {
                        List<String> others = alternatives.computeIfAbsent(placeholder, key -> new ArrayList<>());
                        if (!others.contains(setting.getValue())) {
                            others.add(setting.getValue());
                        }
                    }
                }
            }
        }
        List<Path> javaLocations = new ArrayList<>();
        for (String location : allLocations) {
            for (Path path : FlywayLocations.folders(location.trim(), project)) {
                if (!resolved.contains(path)) {
                    resolved.add(path);
                }
            }
            javaLocations.addAll(FlywayLocations.unexpanded(location.trim(), project));
        }
        List<Path> moduleLocations = new ArrayList<>();
        if (allLocations.isEmpty() && classpath.runsFlyway()) {
            // Flyway's default: where a module has none, it is no news, unlike a location somebody wrote.
            FlywayLocations.inOtherModules(DEFAULT_LOCATION, project, classpath, moduleLocations, new ArrayList<>());
        }
        for (String location : allLocations) {
            FlywayLocations.inOtherModules(location.trim(), project, classpath, moduleLocations, warnings);
        }
        if (overriddenSuffixes.isEmpty() && suffixes.isEmpty()) {
            suffixes.addAll(ParameterValues.splitList(fromFiles("sqlMigrationSuffixes", files).orElse(null)));
        }
        return new FlywayPluginSettings(placeholders, alternatives,
                setting("placeholderPrefix", configurations, overrides, files),
                setting("placeholderSuffix", configurations, overrides, files),
                setting("sqlMigrationPrefix", configurations, overrides, files),
                setting("undoSqlMigrationPrefix", configurations, overrides, files),
                setting("repeatableSqlMigrationPrefix", configurations, overrides, files),
                setting("sqlMigrationSeparator", configurations, overrides, files),
                overriddenSuffixes.isEmpty() ? suffixes : overriddenSuffixes, setting("encoding", configurations,
                overrides, files), resolved, List.copyOf(javaLocations), List.copyOf(moduleLocations),
                List.copyOf(warnings),
                List.copyOf(databaseUrls), defaultSchemaOf(configurations, overrides, files),
                FlywayBaselineVersion.of(configurations, overrides, files),
                historyTablesOf(configurations, overrides, files));
    }

    /**
     * The names of the table Flyway records its runs in: the pom's ({@code flyway.table} over the plugin's
     * {@code <table>}) and each settings file's, since a deploy may run with any of them.
     */
    private static List<String> historyTablesOf(List<Xpp3Dom> configurations, Map<String, String> overrides,
            List<FlywaySettingsSource> files) {
        List<String> named = new ArrayList<>();
        String overridden = overrides.get(PROPERTY_PREFIX + "table");
        addTable(named, overridden != null && !overridden.isBlank() ? overridden
                : first(configurations, "table").orElse(null));
        for (FlywaySettingsSource file : files) {
            addTable(named, file.settings().get(PROPERTY_PREFIX + "table"));
        }
        return List.copyOf(named);
    }

    private static void addTable(List<String> named, String table) {
        if (table != null && !table.isBlank() && !named.contains(table.strip())) {
            named.add(table.strip());
        }
    }

    /** A schema name sqlguard can match written names against: one plain name, its letters all of one case. */
    private static final java.util.regex.Pattern PLAIN_SCHEMA =
            java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*|[A-Z_][A-Z0-9_]*");

    /**
     * The schema Flyway sets as the current one (PostgreSQL's search path, MySQL's {@code USE}) before it runs the
     * scripts: {@code defaultSchema}, else the first of {@code schemas}, of the pom's settings (the {@code flyway.*}
     * properties over the plugin's configuration) and of each settings file. Empty when none names one, when two
     * name different ones (which of them runs the scripts is not known), or when a name is no plain one (a
     * placeholder, a quoted mixed-case name): names then resolve as in the database's own default schema.
     */
    private static Optional<String> defaultSchemaOf(List<Xpp3Dom> configurations, Map<String, String> overrides,
            List<FlywaySettingsSource> files) {
        List<String> named = new ArrayList<>();
        String pomDefault = overrides.get(PROPERTY_PREFIX + "defaultSchema");
        Optional<String> configured = first(configurations, "defaultSchema");
        List<String> pomSchemas = ParameterValues.splitList(overrides.get(PROPERTY_PREFIX + "schemas"));
        if (pomSchemas.isEmpty()) {
            for (Xpp3Dom configuration : configurations) {
                pomSchemas = pomSchemas.isEmpty() ? values(configuration, "schemas") : pomSchemas;
            }
        }
        addSchema(named, defaultOrFirst(pomDefault != null && !pomDefault.isBlank() ? pomDefault
                : configured.orElse(null), pomSchemas));
        for (FlywaySettingsSource file : files) {
            addSchema(named, defaultOrFirst(file.settings().get(PROPERTY_PREFIX + "defaultSchema"),
                    ParameterValues.splitList(file.settings().get(PROPERTY_PREFIX + "schemas"))));
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        for (String schema : named) {
            if (!schema.equals(named.get(0)) || !PLAIN_SCHEMA.matcher(schema).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(named.get(0));
    }

    /** Flyway's own rule: {@code defaultSchema} when set, else the first of {@code schemas}; null for neither. */
    private static String defaultOrFirst(String defaultSchema, List<String> schemas) {
        return defaultSchema != null && !defaultSchema.isBlank() ? defaultSchema
                : schemas.isEmpty() ? null : schemas.get(0);
    }

    private static void addSchema(List<String> named, String schema) {
        if (schema != null && !schema.isBlank()) {
            named.add(schema.strip());
        }
    }

    /**
     * A single-valued setting: the {@code flyway.<name>} property when one is given, else the configuration's,
     * else the first settings file's.
     */
    private static Optional<String> setting(String name, List<Xpp3Dom> configurations, Map<String, String> overrides,
            List<FlywaySettingsSource> files) {
        String overridden = overrides.get(PROPERTY_PREFIX + name);
        if (overridden != null && !overridden.isEmpty()) {
            return Optional.of(overridden);
        }
        Optional<String> configured = first(configurations, name);
        return configured.isPresent() ? configured : fromFiles(name, files);
    }

    private static Optional<String> fromFiles(String name, List<FlywaySettingsSource> files) {
        for (FlywaySettingsSource file : files) {
            String value = file.settings().get(PROPERTY_PREFIX + name);
            if (value != null && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
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
}
