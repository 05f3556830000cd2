package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a lint run found.
 *
 * @param findings every finding, acknowledged ones included, sorted by location
 * @param scannedFiles the relative paths of the files that were analysed
 * @param statements how many statements were analysed
 * @param alreadyApplied how many versioned Flyway scripts were left out by {@code sinceVersion}
 * @param notes things the user should know that are not findings (a configured directory that does not exist)
 * @param rules the documentation of every rule and diagnostic that can appear, for the reports
 * @param elapsed how long the run took
 * @param statementSql the text of the statement at each finding's location, which baseline fingerprints use
 * @param sourceLines the text of the line at each finding's location, as the analysis read it, for reports
 * @param cachedFiles how many files were not analysed again because the analysis cache held their findings
 * @param parsedStatements how many statements JSqlParser was asked about; the tokens settled the others
 */
public record LintResult(
        List<Finding> findings,
        List<String> scannedFiles,
        int statements,
        int alreadyApplied,
        List<String> notes,
        List<RuleInfo> rules,
        Duration elapsed,
        Map<Location, String> statementSql,
        Map<Location, String> sourceLines,
        int cachedFiles,
        int parsedStatements) {

    public LintResult {
        findings = List.copyOf(findings);
        scannedFiles = List.copyOf(scannedFiles);
        notes = List.copyOf(notes);
        rules = List.copyOf(rules);
        statementSql = Map.copyOf(statementSql);
        sourceLines = Map.copyOf(sourceLines);
    }

    /** A result without source lines or a parse count, of a run without the analysis cache. */
    public LintResult(List<Finding> findings, List<String> scannedFiles, int statements, int alreadyApplied,
            List<String> notes, List<RuleInfo> rules, Duration elapsed, Map<Location, String> statementSql) {
        this(findings, scannedFiles, statements, alreadyApplied, notes, rules, elapsed, statementSql, Map.of(), 0, 0);
    }
}
