package io.github.sqlguard.maven;

import io.github.sqlguard.AcknowledgementHints;
import io.github.sqlguard.BackgroundTask;
import io.github.sqlguard.FailOn;
import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.report.ConsoleLine;
import io.github.sqlguard.report.ConsoleReport;
import io.github.sqlguard.report.GitHubWorkflowCommands;
import io.github.sqlguard.report.PassReason;
import io.github.sqlguard.report.ReportData;
import io.github.sqlguard.report.ReportFiles;
import io.github.sqlguard.report.ReportFormat;
import io.github.sqlguard.report.ReportStamp;
import io.github.sqlguard.suppress.Baseline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's migration scripts and fails the build when a statement would destroy data and nobody
 * acknowledged it. It needs a project, so that {@code mvn sqlguard:check} from a reactor root checks every
 * module (Maven runs a goal that can do without a project once, at the root only); {@code check-folder}
 * checks a folder without a pom.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
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
     * Which reports to write into {@code reportDirectory}: {@code sarif}, {@code json}, {@code checkstyle},
     * {@code junit}, {@code gitlab}, {@code html}, or {@code all}; comma-separated or as {@code <format>}
     * elements.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.formats", defaultValue = "all")
    protected List<String> formats;

    /**
     * Set to false to analyse every migration and write every report again, instead of reusing the findings of
     * files that did not change ({@code ${project.build.directory}/sqlguard/analysis-cache.bin}) and leaving
     * reports with nothing new alone.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.cache", defaultValue = "true")
    protected boolean cache;

    /**
     * At most this many findings of each rule are printed to the build log, followed by a count of the rest;
     * the report files hold them all.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.maxConsoleFindingsPerRule", defaultValue = "25")
    protected int maxConsoleFindingsPerRule;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    /**
     * A warning when the pom or the command line names a baseline file that does not exist: a mistyped path would
     * otherwise quietly leave every baselined finding open. The default file need not exist.
     */
    private Optional<String> missingConfiguredBaseline(LintConfig config) {
        Path baseline = config.baselineFile();
        if (baseline == null || Files.exists(baseline) || !hasProject()
                || baseline.toAbsolutePath().normalize().equals(baseDir().resolve(Baseline.DEFAULT_FILE_NAME))) {
            return Optional.empty();
        }
        return Optional.of("sqlguard: the baseline file " + baseline + " (baselineFile) does not exist, so no finding"
                + " is baselined; mvn sqlguard:baseline writes it");
    }

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
            reportFormats = ReportFormat.fromConfig(formats);
            if (maxConsoleFindingsPerRule < 0) {
                throw new IllegalArgumentException("maxConsoleFindingsPerRule must be 0 or more, not "
                        + maxConsoleFindingsPerRule);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("sqlguard configuration: " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        Path cacheFile = cache ? buildDirectory().resolve("analysis-cache.bin") : null;
        // The cache is read while the configuration is worked out: with nothing changed, that is most of a run.
        Linter linter = (cacheFile == null ? new Linter() : new Linter().readingAhead(cacheFile))
                .keepingQuickCompilation();
        try (linter) {
            check(linter, cacheFile, started, threshold, reportFormats);
        }
    }

    private void check(Linter linter, Path cacheFile, long started, Optional<Severity> threshold,
            Set<ReportFormat> reportFormats) throws MojoExecutionException, MojoFailureException {
        LintConfig config = lintConfig();
        Optional<String> nothingToCheck = withoutMigrations(config);
        if (nothingToCheck.isPresent()) {
            getLog().info(nothingToCheck.get());
            return;
        }
        missingConfiguredBaseline(config).ifPresent(getLog()::warn);
        LintResult result = analyse(linter, config, cacheFile);
        long analysed = System.nanoTime();
        if (isAggregatorWithoutMigrations(result)) {
            getLog().info("sqlguard: " + project.getArtifactId() + " has no migrations of its own; each of its "
                    + "modules is checked on its own");
            return;
        }
        // The dialect notes and the report files need nothing the build log prints, and a run with nothing changed
        // is a cold JVM working through each of them: they run beside the log on a second core. The notes are
        // warnings and information, which a quiet build (mvn -q) would not show.
        BackgroundTask<OtherDialectScripts.Lines> dialectNotes = getLog().isWarnEnabled()
                ? BackgroundTask.start("sqlguard-dialect-notes", () -> dialectNotes(config, result.scannedFiles()))
                : BackgroundTask.done(OtherDialectScripts.Lines.NONE);
        ReportData report = ReportDataFactory.of(result, config, threshold.orElse(null), pluginVersion(),
                reactorRoot());
        BackgroundTask<Boolean> reportFiles = BackgroundTask.start("sqlguard-reports",
                () -> writeReports(report, reportFormats));
        BuildLog buildLog = buildLog(report, result.alreadyApplied());
        OtherDialectScripts.Lines dialectLines = dialectNotes.result();
        dialectLines.otherDialect().ifPresent(getLog()::info);
        dialectLines.undescribed().ifPresent(getLog()::warn);
        dialectLines.undescribedInAuto().ifPresent(getLog()::info);
        dialectLines.unnamedInAuto().ifPresent(getLog()::info);
        if (result.cachedFiles() > 0) {
            getLog().info("sqlguard: " + result.cachedFiles() + " unchanged file(s) were not analysed again;"
                    + " their findings come from the analysis cache (-Dsqlguard.cache=false analyses them)");
        }
        print(buildLog);
        long logged = System.nanoTime();
        boolean written = awaitReports(reportFiles);
        // Where a run's time goes, for mvn -X: configuration and analysis, build log, then the wait for the report
        // files, which were written while the log was printed.
        getLog().debug(String.format(java.util.Locale.ROOT, "sqlguard timings: analysis %.3f s, log %.3f s,"
                + " reports %.3f s more (%s)", (analysed - started) / 1e9, (logged - analysed) / 1e9,
                (System.nanoTime() - logged) / 1e9, written ? "written" : "unchanged, left as they were"));
        List<Finding> failing = report.failingFindings();
        if (!failing.isEmpty()) {
            throw new MojoFailureException(failureMessage(failing, threshold.get())
                    + BaselineAdvice.of(failing, config.baselineFile(), hasProject()).orElse(""));
        }
        PassReason.of(report).ifPresent(getLog()::info);
    }

    /**
     * The console report, with each finding printed once per build (modules may share a folder), the
     * {@code sinceVersion} count just before the summary, which always counts this module's findings. Worked out
     * while the dialect notes are, and printed after them.
     */
    private BuildLog buildLog(ReportData report, int alreadyApplied) {
        PrintedFindings printed = PrintedFindings.of(session);
        List<Finding> firstTime = new ArrayList<>(report.findings().size());
        for (Finding finding : report.findings()) {
            if (printed.firstTime(finding)) {
                firstTime.add(finding);
            }
        }
        ReportData shown = new ReportData(firstTime, report.rules(), report.scannedFiles(), report.statements(),
                report.elapsed(), report.toolVersion(), report.failOn(), report.sourceLine(), report.notes());
        ConsoleReport console = new ConsoleReport();
        List<ConsoleLine> lines = new ArrayList<>(console.lines(shown, maxConsoleFindingsPerRule));
        lines.remove(lines.size() - 1);
        int repeated = report.findings().size() - firstTime.size();
        if (repeated > 0) {
            lines.add(new ConsoleLine(ConsoleLine.Level.INFO, "sqlguard: " + repeated + " finding(s) in files an earlier module of this "
                    + "build also checked are printed above, not again"));
        }
        if (alreadyApplied > 0) {
            lines.add(new ConsoleLine(ConsoleLine.Level.INFO, "sqlguard: " + alreadyApplied
                    + " versioned script(s) at or below sinceVersion were not checked"));
        }
        lines.add(console.summary(report));
        return new BuildLog(lines, shown);
    }

    private void print(BuildLog buildLog) {
        for (ConsoleLine line : buildLog.lines()) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                case INFO -> getLog().info(line.text());
            }
        }
        if (GitHubWorkflowCommands.isGitHubActions(System.getenv())) {
            // The runner reads workflow commands only at the start of a line, so they bypass the Maven log prefix.
            new GitHubWorkflowCommands().commands(buildLog.shown()).forEach(System.out::println);
        }
    }

    /**
     * What the build log shows of a run's findings: its lines, and the findings it shows (those no earlier module
     * of the build printed).
     */
    private record BuildLog(List<ConsoleLine> lines, ReportData shown) {
    }

    private OtherDialectScripts.Lines dialectNotes(LintConfig config, List<String> scannedFiles) {
        return cache ? DialectNotesFile.of(config, scannedFiles, buildDirectory().resolve("dialect-notes.bin"),
                Linter.codeIdentity()) : OtherDialectScripts.of(config, scannedFiles);
    }

    /**
     * Writes the report files; true when they were written, false when nothing new was to be reported. Runs beside
     * the build log, so it logs nothing itself.
     *
     * @throws ReportsNotWritten naming the folder and why
     */
    private boolean writeReports(ReportData report, Set<ReportFormat> reportFormats) {
        Path directory = reportFolder(reportDirectory);
        try {
            if (cache) {
                // Nothing new to report (the usual run when no migration changed): the files stay as they are.
                return ReportStamp.writeChanged(report, directory, reportFormats,
                        buildDirectory().resolve("reports.stamp"), Linter.codeIdentity());
            }
            ReportFiles.writeAll(report, directory, reportFormats);
            return true;
        } catch (IOException e) {
            throw new ReportsNotWritten(directory, e);
        }
    }

    private static boolean awaitReports(BackgroundTask<Boolean> reportFiles) throws MojoExecutionException {
        try {
            return reportFiles.result();
        } catch (ReportsNotWritten e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    /** The report files could not be written, as the build's failure says. */
    private static final class ReportsNotWritten extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ReportsNotWritten(Path directory, IOException cause) {
            super("sqlguard could not write its reports to " + directory + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    protected Path javaSourceIndex() {
        return cache ? buildDirectory().resolve("java-sources.bin") : null;
    }

    private static String failureMessage(List<Finding> failing, Severity threshold) {
        Finding first = failing.get(0);
        String more = failing.size() == 1 ? "" : " (and " + (failing.size() - 1) + " more)";
        return "sqlguard found " + failing.size() + (failing.size() == 1 ? " problem" : " problems")
                + " at or above " + threshold + ": " + first.location() + " [" + first.ruleId() + "] "
                + first.message() + more + ". Fix the statements or acknowledge them with "
                + AcknowledgementHints.inFileSyntax("-- sqlguard:allow <rule> reason: <why>", first.location().path());
    }

    private String pluginVersion() {
        return plugin != null && plugin.getVersion() != null ? plugin.getVersion() : "unknown";
    }
}
