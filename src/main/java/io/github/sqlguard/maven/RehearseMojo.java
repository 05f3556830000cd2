package io.github.sqlguard.maven;

import io.github.sqlguard.FailOn;
import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.ProjectAcknowledgements;
import io.github.sqlguard.RuleCatalog;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RehearsalDiagnostics;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.rehearse.EmbeddedRehearsal;
import io.github.sqlguard.rehearse.FlywayMigrations;
import io.github.sqlguard.rehearse.RehearsalException;
import io.github.sqlguard.rehearse.RehearsalMigration;
import io.github.sqlguard.rehearse.RehearsalSettings;
import io.github.sqlguard.report.ConsoleLine;
import io.github.sqlguard.report.ConsoleReport;
import io.github.sqlguard.report.GitHubWorkflowCommands;
import io.github.sqlguard.report.ReportData;
import io.github.sqlguard.report.ReportFiles;
import io.github.sqlguard.report.ReportFormat;
import io.github.sqlguard.sql.Script;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Rehearses the project's new Flyway migrations on an embedded PostgreSQL whose tables hold seeded rows, and
 * fails the build when a statement removes or overwrites most of a table's rows or a migration does not apply.
 * Opt-in: add it beside {@code check}.
 */
@Mojo(name = "rehearse", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class RehearseMojo extends AbstractSqlguardMojo {

    /**
     * Set to true to skip the rehearsal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.rehearse.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The version of the {@code io.zonky.test.postgres} binaries to run, e.g. 17.6.0 or 16.10.0.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.rehearse.postgresVersion", defaultValue = "17.6.0")
    protected String postgresVersion;

    /**
     * How many synthetic rows every table holds before each new migration.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.rehearse.rehearsalRows", defaultValue = "300")
    protected int rehearsalRows;

    /**
     * The share of a table's rows (0 to 1) a statement may remove or overwrite before it is reported.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.rehearse.maxRowShare", defaultValue = "0.5")
    protected double maxRowShare;

    /**
     * The least severe finding that fails the build: ERROR, WARNING, INFO, or NONE to report only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.failOn", defaultValue = "ERROR")
    protected String failOn;

    /**
     * Where the reports are written (together with {@code check}'s findings); default {@code target/sqlguard}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.reportDirectory")
    protected File reportDirectory;

    /**
     * Which reports to write: {@code sarif}, {@code json}, {@code checkstyle}, {@code junit}, {@code gitlab},
     * {@code html}, or {@code all}; comma-separated or as {@code <format>} elements.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.formats", defaultValue = "all")
    protected List<String> formats;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    protected RepositorySystemSession repositorySession;

    @Component
    protected RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sqlguard rehearsal is skipped (sqlguard.rehearse.skip=true)");
            return;
        }
        Optional<Severity> threshold;
        Set<ReportFormat> reportFormats;
        RehearsalSettings settings;
        LintConfig config = lintConfig();
        FlywayMigrations.Found found;
        try {
            threshold = FailOn.fromConfig(failOn);
            reportFormats = ReportFormat.fromConfig(formats);
            settings = new RehearsalSettings(rehearsalRows, maxRowShare);
            requirePostgres(config.dialect());
            found = FlywayMigrations.of(config);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("sqlguard configuration: " + e.getMessage(), e);
        }
        long newMigrations = found.migrations().stream().filter(m -> !m.alreadyApplied()).count();
        if (newMigrations == 0) {
            found.notes().forEach(note -> getLog().warn("sqlguard: " + note));
            getLog().info("sqlguard: no new Flyway migration to rehearse");
            return;
        }
        Path binaries = PostgresBinaries.resolve(repositorySystem, repositorySession,
                project.getRemoteProjectRepositories(), postgresVersion);
        EmbeddedRehearsal.Result result;
        try {
            result = EmbeddedRehearsal.run(binaries, found.migrations(), settings);
        } catch (RehearsalException e) {
            throw new MojoExecutionException("sqlguard rehearse: " + e.getMessage());
        }
        getLog().info(String.format(Locale.ROOT, "sqlguard: rehearsed %d new migration(s) after %d applied ones on"
                + " PostgreSQL %s with %d rows per table in %.1f s (database start %.1f s): %d applied, %d failed",
                newMigrations, found.migrations().size() - newMigrations, postgresVersion, rehearsalRows,
                result.total().toMillis() / 1000.0, result.startup().toMillis() / 1000.0,
                result.outcome().applied(), result.outcome().failed()));
        LintResult rehearsal = rehearsalResult(config, found, result);
        ReportData console = ReportDataFactory.of(rehearsal, config, threshold.orElse(null), pluginVersion(),
                reactorRoot());
        log(console);
        writeReports(ReportDataFactory.of(withCheckFindings(config, rehearsal), config, threshold.orElse(null),
                pluginVersion(), reactorRoot()), reportFormats);
        List<Finding> failing = console.failingFindings();
        if (!failing.isEmpty()) {
            Finding first = failing.get(0);
            throw new MojoFailureException("sqlguard rehearsal found " + failing.size() + " problem(s) at or above "
                    + threshold.get() + ": " + first.location() + " [" + first.ruleId() + "] " + first.message()
                    + (failing.size() > 1 ? " (and " + (failing.size() - 1) + " more)" : "")
                    + ". Fix the migration or acknowledge it with -- sqlguard:allow <rule> reason: <why>");
        }
    }

    private static void requirePostgres(Dialect dialect) {
        if (dialect != Dialect.POSTGRESQL && dialect != Dialect.AUTO) {
            throw new IllegalArgumentException("the rehearsal runs the migrations on PostgreSQL, and dialect "
                    + dialect.configName() + " is not PostgreSQL; remove the rehearse goal or set the dialect to"
                    + " postgresql");
        }
    }

    private LintResult rehearsalResult(LintConfig config, FlywayMigrations.Found found, EmbeddedRehearsal.Result result) {
        Map<String, Script> scripts = new HashMap<>();
        List<String> rehearsed = new ArrayList<>();
        for (RehearsalMigration migration : found.migrations()) {
            scripts.put(migration.path(), migration.script());
            if (!migration.alreadyApplied()) {
                rehearsed.add(migration.path());
            }
        }
        Set<String> own = RehearsalDiagnostics.all().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<Finding> findings = ProjectAcknowledgements.apply(config, own, result.outcome().findings(), scripts,
                result.outcome().statementSql());
        List<String> notes = new ArrayList<>(found.notes());
        notes.addAll(result.outcome().notes());
        return new LintResult(findings, rehearsed, result.outcome().statements(),
                found.migrations().size() - rehearsed.size(), notes, RuleCatalog.all(),
                result.total(), result.outcome().statementSql());
    }

    /** The report files hold everything sqlguard knows: {@code check}'s findings and the rehearsal's. */
    private LintResult withCheckFindings(LintConfig config, LintResult rehearsal) throws MojoExecutionException {
        LintResult check = analyse(new Linter(), config, null);
        List<Finding> findings = new ArrayList<>(check.findings());
        findings.addAll(rehearsal.findings());
        Set<String> files = new TreeSet<>(check.scannedFiles());
        files.addAll(rehearsal.scannedFiles());
        List<String> notes = new ArrayList<>(check.notes());
        notes.addAll(rehearsal.notes());
        Map<Location, String> statementSql = new LinkedHashMap<>(check.statementSql());
        statementSql.putAll(rehearsal.statementSql());
        return new LintResult(findings, new ArrayList<>(files), check.statements(), check.alreadyApplied(), notes,
                RuleCatalog.all(), check.elapsed().plus(rehearsal.elapsed()), statementSql);
    }

    private void log(ReportData report) {
        for (ConsoleLine line : new ConsoleReport().lines(report)) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                case INFO -> getLog().info(line.text());
            }
        }
        if (GitHubWorkflowCommands.isGitHubActions(System.getenv())) {
            new GitHubWorkflowCommands().commands(report).forEach(System.out::println);
        }
    }

    private void writeReports(ReportData report, Set<ReportFormat> reportFormats) throws MojoExecutionException {
        Path directory = reportFolder(reportDirectory);
        try {
            ReportFiles.writeAll(report, directory, reportFormats);
        } catch (IOException e) {
            throw new MojoExecutionException("sqlguard could not write its reports to " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private String pluginVersion() {
        return plugin != null && plugin.getVersion() != null ? plugin.getVersion() : "unknown";
    }
}
