package io.github.sqlguard.maven;

import io.github.sqlguard.FailOn;
import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.report.HtmlReport;
import io.github.sqlguard.report.ReportData;
import io.github.sqlguard.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The sqlguard page of the project site: under {@code <reporting>}, {@code mvn site} writes
 * {@code target/site/sqlguard.html}, the same page {@code check} writes into its report directory. A report
 * never fails the build; {@code failOn} only marks which findings would.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractSqlguardMojo implements MavenReport {

    /**
     * Set to true to leave the sqlguard page out of the site.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The least severe finding the page marks as failing the build: {@code ERROR}, {@code WARNING},
     * {@code INFO}, or {@code NONE}. Use the same value as for {@code check}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.failOn", defaultValue = "ERROR")
    protected String failOn;

    /**
     * Where the page goes when the goal runs on its own; under {@code mvn site} the site plugin decides.
     *
     * @since 0.1.0
     */
    @Parameter(property = "sqlguard.siteDirectory", defaultValue = "${project.reporting.outputDirectory}")
    protected File siteDirectory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("sqlguard is skipped (sqlguard.skip=true): no report was written");
            return;
        }
        writePage(siteDirectory.toPath());
    }

    /** The site plugin's entry point: an external report writes its own file and leaves the sink empty. */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        try {
            writePage(getReportOutputDirectory().toPath());
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    private void writePage(Path directory) throws MojoExecutionException {
        Severity threshold;
        try {
            threshold = FailOn.fromConfig(failOn).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("sqlguard configuration: " + e.getMessage(), e);
        }
        LintConfig config = lintConfig();
        LintResult result = analyse(new Linter(), config, null);
        ReportData data = ReportDataFactory.of(result, config, threshold, pluginVersion(), reactorRoot());
        Path file = directory.resolve(ReportFormat.HTML.fileName());
        try {
            new HtmlReport().write(data, file);
        } catch (IOException e) {
            throw new MojoExecutionException("sqlguard could not write its site page " + file + ": " + e.getMessage(), e);
        }
        getLog().info("sqlguard: wrote " + file + " (" + data.findings().size() + " finding(s))");
    }

    private String pluginVersion() {
        return plugin != null && plugin.getVersion() != null ? plugin.getVersion() : "unknown";
    }

    @Override
    public String getOutputName() {
        return "sqlguard";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "sqlguard";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Statements in the database migrations that would destroy data, and the ones acknowledged on purpose.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        siteDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return siteDirectory;
    }

    /** The page is written by sqlguard itself, not rendered through the site's Doxia sink. */
    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }
}
