package io.github.sqlguard.rehearse;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import java.util.List;
import java.util.Map;

/**
 * What a rehearsal found.
 *
 * @param findings {@code rehearsal-row-loss} and {@code rehearsal-failed} findings at their default severity,
 *     not yet acknowledged
 * @param notes what the user should know that is no finding: tables that could not be seeded, applied
 *     migrations that did not apply
 * @param applied how many migrations applied completely
 * @param failed how many migrations the database rejected
 * @param statements how many statements ran
 * @param statementSql the statement text at each finding's location, for baseline fingerprints
 */
public record RehearsalOutcome(List<Finding> findings, List<String> notes, int applied, int failed, int statements,
        Map<Location, String> statementSql) {

    public RehearsalOutcome {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        statementSql = Map.copyOf(statementSql);
    }
}
