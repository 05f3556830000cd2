package io.github.sqlguard.maven;

import io.github.sqlguard.FlywayConfig;
import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LiquibaseConfig;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.source.FlywayNaming;
import io.github.sqlguard.suppress.Baseline;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.maven.project.MavenProject;

/**
 * Turns the values of the parameters the goals share into a {@link LintConfig}, filling what the user left unset
 * from the build around them: the flyway-maven-plugin's and liquibase-maven-plugin's settings in the same pom,
 * Spring and Flyway configuration files, the modules on the classpath and the project's encoding. The mojo only
 * declares the parameters; what a combination of them means is decided here.
 */
final class LintConfigAssembly {

    private final AbstractSqlguardMojo parameters;
    private final MavenProject project;
    private final Path base;
    private final BuildProperties properties;
    private final FlywayPluginSettings flywayPlugin;
    private final LiquibasePluginSettings liquibasePlugin;

    /** Reads the build around {@code parameters}; the plugins' settings are read once, here. */
    LintConfigAssembly(AbstractSqlguardMojo parameters) {
        this.parameters = parameters;
        this.project = parameters.hasProject() ? parameters.project : null;
        this.base = parameters.baseDir();
        this.properties = BuildProperties.of(parameters.project, parameters.session);
        this.flywayPlugin = FlywayPluginSettings.of(parameters.project, properties, System.getenv(),
                ModuleClasspath.modulesOf(parameters.session));
        this.liquibasePlugin = LiquibasePluginSettings.of(parameters.project, properties);
    }

    /**
     * What the flyway-maven-plugin's and liquibase-maven-plugin's settings could not give the check (a changelog it
     * cannot read, a location it cannot resolve): said only when the user named no folders, as then those settings
     * decide what is checked.
     */
    List<String> pluginWarnings() {
        if (project == null || namesFolders()) {
            return List.of();
        }
        return Stream.concat(liquibasePlugin.warnings().stream(), flywayPlugin.warnings().stream()).toList();
    }

    /**
     * The configuration.
     *
     * @param javaSourceIndex where what was learnt of the Java sources is kept between builds, or null
     * @throws IllegalArgumentException for a value no setting takes, with a message that says which
     */
    LintConfig lintConfig(Path javaSourceIndex) {
        FlywayConfig flyway = flywayConfig(javaSourceIndex);
        List<Path> scanned = MigrationLocations.of(parameters.directories, base, project, flywayPlugin,
                liquibasePlugin);
        return new LintConfig(base, scanned,
                MigrationIncludes.widened(ParameterValues.orDefault(parameters.includes, LintConfig.DEFAULT_INCLUDES),
                        flyway.suffixes()),
                ParameterValues.orDefault(parameters.excludes, List.of()), Dialect.fromConfig(parameters.dialect),
                charset(), parameters.rules == null ? Map.of() : parameters.rules,
                ParameterValues.splitList(parameters.disabledRules), flyway, liquibaseConfig(),
                SuppressionElements.configsOf(parameters.suppressions, project, base), baselinePath(), maxFileBytes(),
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                InferredDialect.of(parameters.dialect, parameters.project, properties, flywayPlugin, liquibasePlugin,
                        parameters.getLog(), scanned, base));
    }

    private boolean namesFolders() {
        return parameters.directories != null && !parameters.directories.isEmpty();
    }

    private LiquibaseConfig liquibaseConfig() {
        // An include that is not relative to its changelog is looked up on the classpath: the plugin's search
        // path, this project's resources and those of the modules it depends on.
        List<Path> searchPath = Stream.of(liquibasePlugin.searchPath().stream(), ownResourceFolders().stream(),
                ModuleClasspath.of(parameters.project, ModuleClasspath.modulesOf(parameters.session))
                        .everyResourceFolder().stream())
                .flatMap(folders -> folders).distinct().toList();
        return new LiquibaseConfig(ScriptMode.fromConfig("rollbacks", parameters.rollbacks),
                LiquibaseParameterValues.of(liquibasePlugin.parameters(), parameters.liquibaseProperties,
                        properties.commandLine()), searchPath);
    }

    /**
     * The project's own resource folders, which are on the classpath where Liquibase looks up an include that is
     * not relative to its changelog ({@code db/changelog/x.xml}): {@code directories} may name only a folder inside
     * them.
     */
    private List<Path> ownResourceFolders() {
        if (project == null) {
            return List.of();
        }
        return project.getResources().stream()
                .map(resource -> Path.of(resource.getDirectory()).toAbsolutePath().normalize()).toList();
    }

    /**
     * The baseline file; without a pom, {@code ${project.basedir}} in its default stays unresolved, so the
     * default is then the current folder's {@code sqlguard-baseline.json}.
     */
    private Path baselinePath() {
        if (parameters.baselineFile == null) {
            return null;
        }
        if (project == null && parameters.baselineFile.getPath().contains("${")) {
            return base.resolve(Baseline.DEFAULT_FILE_NAME);
        }
        return parameters.baselineFile.toPath();
    }

    private long maxFileBytes() {
        if (parameters.maxFileSizeMb < 1) {
            throw new IllegalArgumentException("maxFileSizeMb must be at least 1, not " + parameters.maxFileSizeMb);
        }
        return parameters.maxFileSizeMb * 1024L * 1024L;
    }

    private Charset charset() {
        return ScriptEncoding.of(parameters.encoding,
                project == null ? null : project.getProperties().getProperty("project.build.sourceEncoding"),
                flywayPlugin.encoding());
    }

    /** The folders {@code directories} names, relative ones taken from the base directory. */
    private List<Path> explicitDirectories() {
        return parameters.directories.stream().filter(Objects::nonNull)
                .map(directory -> base.resolve(directory.toPath()).toAbsolutePath().normalize()).toList();
    }

    /** The goal's Flyway parameters, each one unset taken from the flyway-maven-plugin's settings or Flyway's default. */
    private FlywayConfig flywayConfig(Path javaSourceIndex) {
        FlywayConfig defaults = FlywayConfig.DEFAULTS;
        Map<String, String> values = new LinkedHashMap<>(flywayPlugin.placeholders());
        if (parameters.placeholders != null) {
            values.putAll(ParameterValues.emptyForNull(parameters.placeholders));
        }
        // An empty <sqlMigrationSuffix/> reaches the mojo as null; it names no suffix.
        List<String> configuredSuffixes = ParameterValues.trimmedNonBlank(parameters.sqlMigrationSuffixes);
        List<String> suffixes = !configuredSuffixes.isEmpty() ? configuredSuffixes
                : flywayPlugin.suffixes().isEmpty() ? defaults.suffixes() : flywayPlugin.suffixes();
        String versioned = ParameterValues.firstSet(parameters.sqlMigrationPrefix,
                flywayPlugin.versionedPrefix().orElse(defaults.versionedPrefix()));
        String undo = ParameterValues.firstSet(parameters.undoSqlMigrationPrefix,
                flywayPlugin.undoPrefix().orElse(defaults.undoPrefix()));
        String repeatable = ParameterValues.firstSet(parameters.repeatableSqlMigrationPrefix,
                flywayPlugin.repeatablePrefix().orElse(defaults.repeatablePrefix()));
        String separator = ParameterValues.firstSet(parameters.sqlMigrationSeparator,
                flywayPlugin.separator().orElse(defaults.separator()));
        // Java migrations are looked for in the project's sources, in the packages of the Flyway locations or of
        // the script folders <directories> names (src/main/resources/db/migration stands for db.migration). The
        // folders <directories> names may hold classes too (a module's folder): the scan of the scripts meets those,
        // so the folders are not walked twice on every build.
        FlywayNaming naming = new FlywayNaming(versioned, undo, repeatable, separator, suffixes);
        List<Path> javaMigrations = project == null ? List.of() : JavaMigrations.in(project,
                namesFolders() ? explicitDirectories() : flywayPlugin.javaLocations(), naming, javaSourceIndex);
        String sinceVersion = parameters.sinceVersion;
        return new FlywayConfig(versioned, undo, repeatable, separator, suffixes, values,
                flywayPlugin.placeholderPrefix().orElse(defaults.placeholderPrefix()),
                flywayPlugin.placeholderSuffix().orElse(defaults.placeholderSuffix()),
                sinceVersion == null || sinceVersion.isBlank() ? null : sinceVersion.trim(),
                ScriptMode.fromConfig("undoScripts", parameters.undoScripts), javaMigrations,
                flywayPlugin.alternativesOutside(parameters.placeholders), flywayPlugin.defaultSchema().orElse(null),
                flywayPlugin.baselineVersion().orElse(null), namesFolders(), flywayPlugin.historyTables());
    }
}
