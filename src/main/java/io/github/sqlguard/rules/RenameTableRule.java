package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rename-table}: {@code ALTER TABLE a RENAME [TO|AS] b}, MySQL {@code RENAME TABLE a TO b, c TO d},
 * Oracle {@code RENAME a TO b} and T-SQL {@code [EXEC] sp_rename 'a', 'b'} (without an object type, or
 * {@code 'OBJECT'}). Renaming a table the same script created is not reported, nor is renaming what the replay
 * knows as a sequence or a view ({@code ALTER TABLE seq RENAME TO ..} in PostgreSQL, {@code RENAME seq TO ..} in
 * Oracle), which is judged as {@code ALTER SEQUENCE} and {@code ALTER VIEW} are, or as a SQL Server constraint
 * ({@code sp_rename 'dbo.PK_t_id', 'PK_t', 'OBJECT'}).
 */
public final class RenameTableRule extends ClauseRule {

    public static final String ID = "rename-table";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "Renaming a table breaks code that still uses the old name",
            "During a deploy the previous application version keeps running and still queries the old table"
                    + " name, so it fails until every instance is replaced. A rename is safe only when no"
                    + " running code uses the table.",
            "Create a view with the old name until the last release using it is gone, or acknowledge it:"
                    + " -- sqlguard:allow rename-table reason: <why>",
            List.of("ALTER TABLE orders RENAME TO purchase_orders;", "RENAME TABLE orders TO purchase_orders;",
                    "EXEC sp_rename 'dbo.orders', 'purchase_orders';"),
            List.of("ALTER INDEX orders_pkey RENAME TO purchase_orders_pkey;",
                    "CREATE TABLE orders_new (id INT);\nALTER TABLE orders_new RENAME TO orders_v2;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.RENAMED_TABLE);
    }

    @Override
    boolean losesNothing(DestructiveClause clause, SchemaFacts schema) {
        // rename-column reports a column; a sequence or view is renamed as by ALTER SEQUENCE or ALTER VIEW
        return SpRenamedColumn.renamesKnownColumn(clause, schema)
                || clause.name() != null && schema.before().keepsNoRows(clause.name());
    }

    @Override
    String message(List<DestructiveClause> group) {
        return message(group, null, SchemaFacts.UNKNOWN).orElseThrow();
    }

    @Override
    Optional<String> message(List<DestructiveClause> group, StatementModel statement, SchemaFacts schema) {
        List<String> renames = group.stream().map(clause -> clause.name() + " to " + clause.detail()
                + columnReading(clause, schema)).toList();
        return Optional.of("Renames " + counted("table", "tables", renames));
    }

    /**
     * For an untyped sp_rename of {@code 't.c'} that the replay could not settle (it does not know table t), the
     * other reading: sp_rename renames column c of t when no object has that name, which is how scripts usually
     * rename a column, so "table t.c" alone misleads. {@code 'dbo.orders'} names the default schema and a table,
     * and so does a name the replay knows as a table: sp_rename finds that object and never looks for a column.
     */
    private static String columnReading(DestructiveClause clause, SchemaFacts schema) {
        String old = clause.name();
        if (!"sp_rename".equals(clause.words()) || old == null || schema.before().table(old).isPresent()) {
            return "";
        }
        String column = ObjectNames.lastPart(old);
        String table = column.length() < old.length() ? old.substring(0, old.length() - column.length() - 1) : "";
        if (table.isEmpty() || table.contains(".") || ObjectNames.normalize(table).equals("dbo")) {
            return "";
        }
        return " (or column " + column + " of table " + table + ", which sp_rename renames when no object is called "
                + old + ")";
    }
}
