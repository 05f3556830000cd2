package io.github.sqlguard.bench;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every finding sqlguard gives on a folder of SQL, one sorted line each ({@code path:line:column rule
 * severity message}), so two versions of the analysis can be compared with {@code diff}.
 * Run: {@code java -cp target/classes:target/test-classes:<dependencies> io.github.sqlguard.bench.CorpusFindings
 * <folder> <dialect> <output file>}.
 */
public final class CorpusFindings {

    private CorpusFindings() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).toAbsolutePath().normalize();
        Dialect dialect = Dialect.fromConfig(args[1]);
        LintConfig defaults = LintConfig.defaults(folder, List.of(folder));
        LintConfig config = new LintConfig(folder, List.of(folder), defaults.includes(), List.of(), dialect,
                defaults.encoding(), defaults.ruleLevels(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), defaults.threads());
        LintResult result = new Linter().run(config);
        List<String> lines = new ArrayList<>();
        for (Finding finding : result.findings()) {
            lines.add(finding.location() + " " + finding.ruleId() + " " + finding.severity() + " "
                    + finding.message());
        }
        lines.sort(null);
        Files.write(Path.of(args[2]), lines);
        System.out.println(folder + ": " + lines.size() + " findings, " + result.statements() + " statements");
    }
}
