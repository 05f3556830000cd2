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
 * @param statementsByFile how many statements each file read held, by relative path: a changelog that is
 *     included by another is read twice, once on its own and once through the other, and counts once
 * @param sourceLines the text of the line each finding points at, taken from the file as it was read, so
 *     reports never read it again
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
        Map<String, Integer> statementsByFile,
        Map<Location, String> sourceLines,
        int parsedStatements) {

    FileOutcome {
        statementsByFile = Map.copyOf(statementsByFile);
        sourceLines = Map.copyOf(sourceLines);
    }

    /** The outcome of a file that read no other file, before its source lines and parse count are known. */
    FileOutcome(String path, List<Finding> findings, int statements, boolean scanned, boolean alreadyApplied,
            Map<Location, String> statementSql, Set<String> reachedFiles) {
        this(path, findings, statements, scanned, alreadyApplied, statementSql, reachedFiles,
                Map.of(path, statements), Map.of(), 0);
    }

    static FileOutcome notAMigration(String path) {
        return new FileOutcome(path, List.of(), 0, false, false, Map.of(), Set.of());
    }

    static FileOutcome skippedAsApplied(String path) {
        return new FileOutcome(path, List.of(), 0, false, true, Map.of(), Set.of());
    }
}
