package io.github.sqlguard.maven;

import io.github.sqlguard.HeapExhaustedException;
import io.github.sqlguard.LintConfig;
import io.github.sqlguard.Linter;
import io.github.sqlguard.LintResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters the goals share, turned into a {@link LintConfig} by {@link LintConfigAssembly}. */
abstract class AbstractSqlguardMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /**
     * Where to look for migrations. Default: the project's resource directories, the {@code filesystem:} and
     * {@code classpath:} locations of a flyway-maven-plugin in the same pom (or its {@code flyway.locations}
     * property, also in profiles), of Spring Boot's {@code spring.flyway.locations} and of {@code flyway.conf} or
     * {@code flyway.toml}, and the folder of a liquibase-maven-plugin's {@code changeLogFile} outside those; the
     * current directory when the goal runs without a project.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.directories")
    protected List<File> directories;

    /**
     * Ant-style globs of files to check, matched against a file's path from the module folder, a scanned directory
     * or a Flyway location. XML, YAML and JSON files count only with a {@code databaseChangeLog} root (XML also with
     * a lone {@code changeSet}, as Solidbase's), Groovy ones with a {@code databaseChangeLog} closure (unchecked).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.includes",
            defaultValue = "**/*.sql,**/*.SQL,**/*.xml,**/*.yaml,**/*.yml,**/*.json,**/*.groovy")
    protected List<String> includes;

    /**
     * Ant-style globs of files not to check, matched as {@code includes} are.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.excludes")
    protected List<String> excludes;

    /**
     * The SQL dialect of the scripts: {@code auto}, {@code postgresql}, {@code mysql}, {@code mariadb},
     * {@code sqlserver}, {@code oracle}, {@code h2} or {@code sqlite}. {@code auto} takes the database the
     * project's Flyway, Liquibase or Spring Boot settings connect to, when they name exactly one; otherwise it
     * reads the forms every dialect shares and guesses only where they cannot be confused.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.dialect", defaultValue = "auto")
    protected String dialect;

    /**
     * The encoding of the scripts: the project's source encoding, else UTF-8; Flyway's own {@code encoding}
     * setting wins over the source encoding. Bytes invalid in it are reported as {@code invalid-encoding}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.encoding", defaultValue = "${project.build.sourceEncoding}")
    protected String encoding;

    /**
     * Per-rule severity, e.g. {@code <drop-column>WARNING</drop-column>}: {@code ERROR}, {@code WARNING},
     * {@code INFO} or {@code OFF}. Rules not named keep their default severity.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> rules;

    /**
     * Rule ids to switch off, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.disabledRules")
    protected String disabledRules;

    /**
     * Values for Flyway {@code ${placeholders}}, added to those of a flyway-maven-plugin in the same pom and its
     * {@code flyway.placeholders.*} properties.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> placeholders;

    /**
     * Versioned Flyway scripts at or below this version already ran and are not checked (versions compare
     * as Flyway compares them). Repeatable scripts are always checked.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.sinceVersion")
    protected String sinceVersion;

    /**
     * Flyway undo scripts and down scripts ({@code 2020_x/down.sql}, {@code 1_x.down.sql},
     * {@code 1.1_to_1.2_rollback.sql}), which run only on a revert: {@code CHECK}, {@code WARN} (their findings
     * become warnings) or {@code SKIP}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.undoScripts", defaultValue = "WARN")
    protected String undoScripts;

    /**
     * Flyway versioned-migration prefix: that of a flyway-maven-plugin in the same pom, else {@code V}.
     * The property {@code sqlguard.flyway.sqlMigrationPrefix} is still read, with a deprecation warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.sqlMigrationPrefix")
    protected String sqlMigrationPrefix;

    /**
     * Flyway undo-migration prefix: that of a flyway-maven-plugin in the same pom, else {@code U}.
     * The property {@code sqlguard.flyway.undoSqlMigrationPrefix} is still read, with a deprecation warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.undoSqlMigrationPrefix")
    protected String undoSqlMigrationPrefix;

    /**
     * Flyway repeatable-migration prefix: that of a flyway-maven-plugin in the same pom, else {@code R}.
     * The property {@code sqlguard.flyway.repeatableSqlMigrationPrefix} is still read, with a deprecation
     * warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.repeatableSqlMigrationPrefix")
    protected String repeatableSqlMigrationPrefix;

    /**
     * Flyway version/description separator: that of a flyway-maven-plugin in the same pom, else {@code __}.
     * The property {@code sqlguard.flyway.sqlMigrationSeparator} is still read, with a deprecation warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.sqlMigrationSeparator")
    protected String sqlMigrationSeparator;

    /**
     * Flyway migration suffixes: those of a flyway-maven-plugin in the same pom, else {@code .sql}.
     * The property {@code sqlguard.flyway.sqlMigrationSuffixes} is still read, with a deprecation warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.sqlMigrationSuffixes")
    protected List<String> sqlMigrationSuffixes;

    /**
     * Liquibase rollback code: {@code SKIP} (it runs only when someone rolls back), {@code WARN} or
     * {@code CHECK}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.rollbacks", defaultValue = "SKIP")
    protected String rollbacks;

    /**
     * Values for Liquibase {@code ${property}} references. They, and the liquibase-maven-plugin's
     * {@code expressionVariables} and {@code expressionVars}, win over the changelogs' own properties, as the
     * parameters passed to Liquibase do; a {@code -Dname=value} of the command line wins over all of them, as
     * Liquibase reads system properties first.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> liquibaseProperties;

    /**
     * Findings acknowledged in the pom, each with a {@code rule}, a {@code files} glob and a required
     * {@code reason}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<Suppression> suppressions;

    /**
     * The baseline of findings in migrations that already ran: {@code baseline} writes it, {@code check}
     * treats findings that match it as acknowledged.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.baselineFile", defaultValue = "${project.basedir}/sqlguard-baseline.json")
    protected File baselineFile;

    /**
     * Files larger than this many megabytes are reported as {@code unreadable-file} instead of read.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.maxFileSizeMb", defaultValue = "50")
    protected int maxFileSizeMb;

    /** True when the goal runs in a folder without a pom. */
    protected boolean hasProject() {
        return project != null && project.getFile() != null;
    }

    protected Path baseDir() {
        if (hasProject()) {
            return project.getBasedir().toPath().toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    }

    /** The top of the multi-module build, which reports name paths from (see {@link ReactorRoot}). */
    protected Path reactorRoot() {
        // Without a pom, paths are relative to the folder the goal runs in, as the user sees it.
        return hasProject() ? ReactorRoot.of(project, session, baseDir()) : baseDir();
    }

    /**
     * True for the parent pom of a multi-module build that has no migrations of its own: its modules are
     * checked one by one, so an empty result here is no news.
     */
    protected boolean isAggregatorWithoutMigrations(LintResult result) {
        return hasProject() && !project.getModules().isEmpty() && result.scannedFiles().isEmpty()
                && result.findings().isEmpty();
    }

    /**
     * The validated configuration, or a MojoExecutionException that says what to fix. A Liquibase changelog the
     * liquibase-maven-plugin names but sqlguard cannot check is a warning in the log.
     */
    protected LintConfig lintConfig() throws MojoExecutionException {
        DeprecatedProperties.fillUnsetParameters(this);
        UnknownParameters.warnings(hasProject() ? project : null, mojoExecution).forEach(getLog()::warn);
        try {
            LintConfigAssembly assembly = new LintConfigAssembly(this);
            assembly.pluginWarnings().forEach(getLog()::warn);
            return assembly.lintConfig(javaSourceIndex());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("sqlguard configuration: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the analysis. A configuration the analysis refuses, a heap too small for the scripts and a defect of
     * sqlguard each end the build with a message that says which it is.
     *
     * @param cacheFile the analysis cache, or null to analyse every file
     */
    protected static LintResult analyse(Linter linter, LintConfig config, Path cacheFile) throws MojoExecutionException {
        try {
            return linter.run(config, cacheFile);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("sqlguard configuration: " + e.getMessage(), e);
        } catch (HeapExhaustedException e) {
            // Not chained: Maven would append the bare "Java heap space" of the cause to the advice.
            throw new MojoExecutionException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("sqlguard failed: " + e + " (please report this to the sqlguard project)",
                    e);
        }
    }

    /**
     * A sentence saying this module has no migrations to check, when no directory is configured and none of
     * the default ones (resource directories, Flyway locations) that {@code config} scans exists, as in a parent
     * pom or a module without resources; empty otherwise. Such a module is a quiet no-op in a multi-module build.
     */
    protected Optional<String> withoutMigrations(LintConfig config) {
        if (!hasProject() || directories != null && !directories.isEmpty()) {
            return Optional.empty();
        }
        List<Path> defaults = config.directories();
        if (defaults.stream().anyMatch(Files::exists)) {
            return Optional.empty();
        }
        List<String> names = defaults.stream().map(path -> baseDir().relativize(path).toString().replace('\\', '/'))
                .toList();
        // A module whose migrations live in the modules it depends on, which check them in their own builds.
        List<String> checkingThemselves = ModuleClasspath.of(project, ModuleClasspath.modulesOf(session))
                .modulesCheckingThemselves();
        return Optional.of("sqlguard: no migrations in " + project.getArtifactId() + " (" + (names.isEmpty()
                ? "no resource directory" : String.join(", ", names) + (names.size() == 1 ? " does" : " do")
                        + " not exist") + ")" + (checkingThemselves.isEmpty() ? ""
                                : "; the modules it depends on that run sqlguard themselves ("
                                        + String.join(", ", checkingThemselves) + ") check their own")
                + "; nothing to check");
    }

    /** {@code ${project.build.directory}/sqlguard}, or {@code target/sqlguard} without a project. */
    protected Path buildDirectory() {
        return hasProject() ? Path.of(project.getBuild().getDirectory(), "sqlguard")
                : baseDir().resolve("target").resolve("sqlguard");
    }

    /**
     * The folder for the report files: the configured one, else the build directory's {@code sqlguard} folder, as
     * also when the configured one names {@code ${project.build.directory}} and no pom resolves it.
     */
    protected Path reportFolder(File configured) {
        boolean unresolved = configured == null || !hasProject() && configured.getPath().contains("${");
        return unresolved ? buildDirectory() : configured.toPath();
    }

    /** Where what was learnt of the Java sources is kept between builds, or null to read them all every time. */
    protected Path javaSourceIndex() {
        return null;
    }
}
