package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.ColumnNamesReadAlike;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.List;
import java.util.Set;

/**
 * {@code rename-column}: {@code ALTER TABLE .. RENAME [COLUMN] a TO b} (PostgreSQL, MySQL 8, Oracle, H2,
 * SQLite), H2 {@code ALTER COLUMN a RENAME TO b}, MySQL {@code CHANGE [COLUMN] old new type} when the names
 * differ, and T-SQL {@code sp_rename 't.a', 'b', 'COLUMN'}.
 */
public final class RenameColumnRule extends ClauseRule {

    public static final String ID = "rename-column";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "Renaming a column breaks code that still uses the old name",
            "During a deploy the previous application version keeps running and still reads and writes the old"
                    + " column name, so its queries fail until every instance is replaced. Renames are safe"
                    + " only in several steps (add, copy, switch readers, drop).",
            "Add the new column and keep both in sync until no release uses the old one, or acknowledge it:"
                    + " -- sqlguard:allow rename-column reason: <why>",
            List.of("ALTER TABLE orders RENAME COLUMN total TO total_amount;",
                    "EXEC sp_rename 'dbo.orders.total', 'total_amount', 'COLUMN';"),
            List.of("ALTER TABLE orders ADD COLUMN total_amount NUMERIC(12, 2);",
                    "ALTER TABLE orders RENAME CONSTRAINT orders_total_check TO orders_amount_check;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        // an untyped sp_rename is a RENAMED_TABLE clause until the replay shows it names a column
        return Set.of(ClauseKind.RENAMED_COLUMN, ClauseKind.RENAMED_TABLE);
    }

    /**
     * A rename that only changes the case of a name every query may write in any case renames nothing code sees
     * ({@link ColumnNamesReadAlike}).
     */
    @Override
    boolean losesNothing(DestructiveClause clause, StatementModel statement, SchemaFacts schema) {
        if (clause.kind() == ClauseKind.RENAMED_TABLE) {
            return !SpRenamedColumn.renamesKnownColumn(clause, schema);
        }
        if (SpRenamedColumn.namesNoColumnOfKnownTable(clause, schema)) {
            return true;
        }
        return ColumnNamesReadAlike.readAlike(clause.name(), clause.detail(), statement.statement().dialect());
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        List<String> renames = group.stream().map(clause -> clause.name() + " to " + clause.detail()).toList();
        return first.words().startsWith("sp_rename") ? "sp_rename renames column " + renames.get(0)
                : first.words() + " renames " + counted("column", "columns", renames);
    }
}
