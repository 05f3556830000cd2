package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.CreatedTableNames;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Optional;

/**
 * A {@code DROP TABLE} of a table that an earlier statement of the same script run dropped: one project's Db2
 * upgrade drops {@code BOOT3_BATCH_JOB_EXECUTION} twice, three lines apart. No table of that name is left, so the
 * second drop fails, or with {@code IF EXISTS} does nothing; the first one is where the rows go, and is judged there.
 */
public final class DroppedEarlierInRun {

    private DroppedEarlierInRun() {
    }

    /**
     * The guard of the statement {@code models[index]} when every table it drops was dropped by an earlier
     * statement of the same script run that surely ran (top level, no branch, no T-SQL {@code IF}), and no statement
     * between created a table of that name or renamed one to it. Names compare as the database resolves them at
     * each statement ({@code names}): after {@code DROP TABLE shop2.orders}, {@code DROP TABLE orders} drops another
     * table, the current database's.
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, List<TableNamespace.Names> names, int index) {
        StatementModel drop = models.get(index);
        Optional<List<DestructiveClause>> dropped = TableDrops.of(drop);
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        List<DestructiveClause> drops = dropped.get();
        String scope = drop.statement().context().runScope();
        StringBuilder lines = new StringBuilder();
        for (DestructiveClause clause : drops) {
            Optional<StatementModel> earlier = clause.table() == null ? Optional.empty()
                    : earlierDrop(models, names, index, clause.table(), scope);
            if (earlier.isEmpty()) {
                return Optional.empty();
            }
            lines.append(lines.isEmpty() ? "" : "; ").append("table ").append(clause.table())
                    .append(" was dropped at line ").append(earlier.get().start().line());
        }
        return Optional.of(new Guard(Guard.Kind.TABLE_GONE, lines + " and nothing has taken "
                + (drops.size() == 1 ? "its name" : "their names") + " since"));
    }

    private static Optional<StatementModel> earlierDrop(List<StatementModel> models, List<TableNamespace.Names> names,
            int index, String written, String scope) {
        Dialect dialect = models.get(index).statement().dialect();
        String name = SchemaNames.key(written);
        String table = names.get(index).resolve(written, dialect);
        for (int i = index - 1; i >= 0; i--) {
            StatementModel earlier = models.get(i);
            if (!earlier.runsWithMigrationIn(scope)) {
                continue;
            }
            TableNamespace.Names there = names.get(i);
            // A table created or renamed to the name in another schema may still be the one dropped (fail closed).
            // CREATE TABLE IF NOT EXISTS after the drop surely makes a table of the name again.
            if (!earlier.createdTables().isEmpty()
                    && earlier.createdTables().stream().anyMatch(created -> SchemaNames.key(created).equals(name))
                    || CreatedTableNames.namedByCreate(earlier.statement().tokens()).map(SchemaNames::key)
                            .filter(name::equals).isPresent()) {
                return Optional.empty();
            }
            for (DestructiveClause clause : earlier.clauses()) {
                if (clause.kind() == ClauseKind.RENAMED_TABLE && clause.detail() != null
                        && SchemaNames.key(clause.detail()).equals(name)) {
                    return Optional.empty();
                }
                if (clause.kind() == ClauseKind.DROPPED_TABLE && clause.table() != null
                        && SchemaNames.key(clause.table()).equals(name)
                        && there.resolve(clause.table(), dialect).equals(table)) {
                    return surelyRuns(earlier) ? Optional.of(earlier) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean surelyRuns(StatementModel model) {
        return model.statement().context().branch() == null && model.statement().tokens().get(0).isWord("DROP");
    }
}
