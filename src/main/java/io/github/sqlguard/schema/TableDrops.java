package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import java.util.List;
import java.util.Optional;

/**
 * The tables a {@code DROP TABLE} statement that runs with its migration drops, when dropping them is all it does. A
 * {@code CASCADE} (Oracle's {@code CASCADE CONSTRAINTS}) of one of those tables counts as part of the drop: when no
 * such table exists, it takes no view or foreign key with it either.
 */
final class TableDrops {

    private TableDrops() {
    }

    /** The drop clauses of {@code drop}, empty when it is no such statement. */
    static Optional<List<DestructiveClause>> of(StatementModel drop) {
        if (!drop.placement().runsWithMigration() || !drop.statement().tokens().get(0).isWord("DROP")) {
            return Optional.empty();
        }
        List<DestructiveClause> drops = drop.clauses().stream()
                .filter(clause -> clause.kind() == ClauseKind.DROPPED_TABLE).toList();
        for (DestructiveClause clause : drop.clauses()) {
            boolean ofADroppedTable = clause.kind() == ClauseKind.CASCADE && clause.table() != null
                    && drops.stream().anyMatch(dropped -> clause.table().equals(dropped.table()));
            if (clause.kind() != ClauseKind.DROPPED_TABLE && !ofADroppedTable) {
                return Optional.empty();
            }
        }
        return drops.isEmpty() ? Optional.empty() : Optional.of(drops);
    }
}
