package io.github.sqlguard.maven;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.suppress.Baseline;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Records every current finding in the baseline file, so migrations that already ran are accepted once
 * without editing them (their checksums must not change). Commit the file; {@code check} then fails only on
 * findings that are not in it.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractSqlguardMojo {

    @Override
    public void execute() throws MojoExecutionException {
        LintConfig configured = lintConfig();
        Path file = configured.baselineFile() != null ? configured.baselineFile()
                : baseDir().resolve(Baseline.DEFAULT_FILE_NAME);
        LintConfig withoutBaseline = new LintConfig(configured.baseDir(), configured.directories(),
                configured.includes(), configured.excludes(), configured.dialect(), configured.encoding(),
                configured.ruleLevels(), configured.disabledRules(), configured.flyway(), configured.liquibase(),
                configured.suppressions(), null, configured.maxFileBytes(), configured.threads(), configured.projectDialect());
        LintResult result = analyse(new Linter(), withoutBaseline, null);
        if (isAggregatorWithoutMigrations(result)) {
            getLog().info("sqlguard: " + project.getArtifactId() + " has no migrations of its own; no baseline "
                    + "written here, each of its modules writes its own");
            return;
        }
        Baseline baseline = Baseline.of(result.findings(),
                finding -> result.statementSql().get(finding.location()));
        try {
            baseline.write(file);
        } catch (IOException e) {
            throw new MojoExecutionException("sqlguard could not write the baseline " + file + ": " + e.getMessage(), e);
        }
        long acknowledgedElsewhere = result.findings().stream().filter(Finding::isAcknowledged).count();
        int recorded = baseline.entries().stream().mapToInt(entry -> entry.count()).sum();
        getLog().info("sqlguard: wrote " + ReactorRoot.rebased(file.toString(), baseDir(), reactorRoot()) + " with " + recorded + " finding(s) in " + baseline.entries().size()
                + " entr" + (baseline.entries().size() == 1 ? "y" : "ies") + " (" + acknowledgedElsewhere
                + " already acknowledged in SQL or the pom were left out); commit it");
    }
}
