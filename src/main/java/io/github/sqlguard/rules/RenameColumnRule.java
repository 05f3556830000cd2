package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rename-column}: {@code ALTER TABLE .. RENAME [COLUMN] a TO b} (PostgreSQL, MySQL 8, Oracle, H2,
 * SQLite), H2 {@code ALTER COLUMN a RENAME TO b}, MySQL {@code CHANGE [COLUMN] old new type} when the names
 * differ, and T-SQL {@code sp_rename 't.a', 'b', 'COLUMN'}.
 */
public final class RenameColumnRule extends DataLossRule {

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
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        List<Violation> violations = new ArrayList<>();
        alteredLastingTable(core, script)
                .ifPresent(alter -> {
                    List<String> renames = ColumnChanges.columnRenames(alter);
                    if (!renames.isEmpty()) {
                        violations.add(new Violation("ALTER TABLE " + alter.table() + " renames "
                                + counted("column", "columns", renames)));
                    }
                });
        SpRenameCall.of(core).filter(SpRenameCall::renamesColumn).ifPresent(call -> violations.add(
                new Violation("sp_rename renames column " + call.oldName() + " to " + call.newName())));
        return violations;
    }
}
