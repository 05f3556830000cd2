package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What analysing one scanned file produced.
 *
 * @param path the file's relative path
 * @param findings its findings, inline acknowledgements applied
 * @param statements how many statements it held
 * @param scanned false for files that turned out not to be migrations (XML that is no changelog)
 * @param alreadyApplied true for a versioned Flyway script at or below {@code sinceVersion}
 * @param statementSql the statement text at each finding's location, for baseline fingerprints
 * @param reachedFiles relative paths of the other files a changelog included or ran through sqlFile
 * @param parsedStatements how many of its statements JSqlParser was asked about
 */
record FileOutcome(
        String path,
        List<Finding> findings,
        int statements,
        boolean scanned,
        boolean alreadyApplied,
        Map<Location, String> statementSql,
        Set<String> reachedFiles,
        int parsedStatements) {

    FileOutcome(String path, List<Finding> findings, int statements, boolean scanned, boolean alreadyApplied,
            Map<Location, String> statementSql, Set<String> reachedFiles) {
        this(path, findings, statements, scanned, alreadyApplied, statementSql, reachedFiles, 0);
    }

    static FileOutcome notAMigration(String path) {
        return new FileOutcome(path, List.of(), 0, false, false, Map.of(), Set.of());
    }

    static FileOutcome skippedAsApplied(String path) {
        return new FileOutcome(path, List.of(), 0, false, true, Map.of(), Set.of());
    }
}
