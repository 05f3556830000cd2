package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.schema.SchemaFacts;

/**
 * An untyped T-SQL {@code sp_rename 't.c', 'd'} the replay shows to rename a column. Without an object type,
 * sp_rename renames the object called {@code t.c} when there is one, and else column c of table t; the statement
 * alone cannot tell {@code 'dbo.orders'} (a table in schema dbo) from {@code 'orders.total'} (a column), so the
 * analysis calls it a table rename and the replay, which knows the tables before it, settles it.
 */
final class SpRenamedColumn {

    private SpRenamedColumn() {
    }

    /** True when {@code clause} is an untyped sp_rename of a column of a table the replay knows. */
    static boolean renamesKnownColumn(DestructiveClause clause, SchemaFacts schema) {
        String old = clause.name();
        if (clause.kind() != ClauseKind.RENAMED_TABLE || !"sp_rename".equals(clause.words()) || old == null) {
            return false;
        }
        String column = ObjectNames.lastPart(old);
        if (column.length() == old.length()) {
            return false;
        }
        String table = old.substring(0, old.length() - column.length() - 1);
        return schema.before().table(old).isEmpty() && schema.before().column(table, column).isPresent();
    }
}
