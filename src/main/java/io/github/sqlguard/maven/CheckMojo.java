package io.github.sqlguard.maven;

import io.github.sqlguard.FailOn;
import io.github.sqlguard.Finding;
import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.Severity;
import io.github.sqlguard.report.ConsoleLine;
import io.github.sqlguard.report.ConsoleReport;
import io.github.sqlguard.report.GitHubWorkflowCommands;
import io.github.sqlguard.report.PassReason;
import io.github.sqlguard.report.ReportData;
import io.github.sqlguard.report.ReportFiles;
import io.github.sqlguard.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's migration scripts and fails the build when a statement would destroy data and nobody
 * acknowledged it.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractSqlguardMojo {

    /**
     * Set to true to skip the check; the build then passes without any migration being read.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The least severe finding that fails the build: {@code ERROR}, {@code WARNING}, {@code INFO}, or
     * {@code NONE} to report every finding and never fail. Acknowledged findings never fail the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.failOn", defaultValue = "ERROR")
    protected String failOn;

    /**
     * Where the reports are written ({@code target/sqlguard} also when the goal runs without a project).
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.reportDirectory", defaultValue = "${project.build.directory}/sqlguard")
    protected File reportDirectory;

    /**
     * Which reports to write into {@code reportDirectory}, comma-separated: {@code sarif}, {@code json},
     * {@code checkstyle}, {@code junit}, {@code gitlab}, {@code html}, or {@code all}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.formats", defaultValue = "all")
    protected String formats;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sqlguard is skipped (sqlguard.skip=true): no migration was checked, so nothing can fail"
                    + " the build");
            return;
        }
        Optional<Severity> threshold;
        Set<ReportFormat> reportFormats;
        try {
            threshold = FailOn.fromConfig(failOn);
            reportFormats = ReportFormat.fromConfig(splitList(formats));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("sqlguard configuration: " + e.getMessage(), e);
        }
        LintConfig config = lintConfig();
        Optional<String> nothingToCheck = withoutMigrations();
        if (nothingToCheck.isPresent()) {
            getLog().info(nothingToCheck.get());
            return;
        }
        LintResult result = run(config);
        ReportData report = ReportDataFactory.of(result, config, threshold.orElse(null), pluginVersion());
        if (result.alreadyApplied() > 0) {
            getLog().info("sqlguard: " + result.alreadyApplied()
                    + " versioned script(s) at or below sinceVersion were not checked");
        }
        log(report);
        writeReports(report, reportFormats);
        List<Finding> failing = report.failingFindings();
        if (!failing.isEmpty()) {
            throw new MojoFailureException(failureMessage(failing, threshold.get()));
        }
        PassReason.of(report).ifPresent(getLog()::info);
    }

    private LintResult run(LintConfig config) throws MojoExecutionException {
        try {
            return new Linter().run(config);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("sqlguard configuration: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("sqlguard failed: " + e + " (please report this to the sqlguard project)",
                    e);
        }
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
            // The runner reads workflow commands only at the start of a line, so they bypass the Maven log prefix.
            new GitHubWorkflowCommands().commands(report).forEach(System.out::println);
        }
    }

    private void writeReports(ReportData report, Set<ReportFormat> reportFormats) throws MojoExecutionException {
        Path directory = reportDirectory != null ? reportDirectory.toPath()
                : hasProject() ? Path.of(project.getBuild().getDirectory(), "sqlguard")
                        : baseDir().resolve("target").resolve("sqlguard");
        try {
            ReportFiles.writeAll(report, directory, reportFormats);
        } catch (IOException e) {
            throw new MojoExecutionException("sqlguard could not write its reports to " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static String failureMessage(List<Finding> failing, Severity threshold) {
        Finding first = failing.get(0);
        String more = failing.size() == 1 ? "" : " (and " + (failing.size() - 1) + " more)";
        return "sqlguard found " + failing.size() + (failing.size() == 1 ? " problem" : " problems")
                + " at or above " + threshold + ": " + first.location() + " [" + first.ruleId() + "] "
                + first.message() + more + ". Fix the statements or acknowledge them with "
                + "-- sqlguard:allow <rule> reason: <why>";
    }

    private String pluginVersion() {
        return plugin != null && plugin.getVersion() != null ? plugin.getVersion() : "unknown";
    }
}
