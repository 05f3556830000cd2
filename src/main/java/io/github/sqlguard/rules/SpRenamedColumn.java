package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.schema.SchemaFacts;

/**
 * An untyped T-SQL {@code sp_rename 't.c', 'd'} the replay shows to rename a column. Without an object type,
 * sp_rename renames the object called {@code t.c} when there is one, and else column c of table t; the statement
 * alone cannot tell {@code 'dbo.orders'} (a table in schema dbo) from {@code 'orders.total'} (a column), so the
 * analysis calls it a table rename and the replay, which knows the tables before it, settles it: a column of a table
 * it knows, also of one it knows only from later statements (created before the scanned migrations), whose columns
 * it cannot list, as the replay itself renames the column there.
 */
final class SpRenamedColumn {

    private SpRenamedColumn() {
    }

    /**
     * True when {@code clause} is an untyped sp_rename of a column of a table the replay knows: one with that column,
     * or one whose columns it does not know in full. A table it knows in full without the column is no such rename
     * (sp_rename finds no column there either).
     */
    static boolean renamesKnownColumn(DestructiveClause clause, SchemaFacts schema) {
        String table = tableOfSpRename(clause, ClauseKind.RENAMED_TABLE);
        if (table == null || schema.before().table(clause.name()).isPresent()) {
            return false;
        }
        String column = ObjectNames.lastPart(clause.name());
        boolean partlyKnown = schema.before().table(table).map(known -> !known.complete()).orElse(false);
        return partlyKnown || schema.before().column(table, column).isPresent();
    }

    /**
     * True when {@code clause} is an untyped sp_rename of {@code 'schema.table.name'} and the replay knows that table
     * in full without such a column. sp_rename then looks for an index of the table with that name (scripts rename a
     * primary key that way, which renames its constraint too): no column changes its name and no row is lost.
     */
    static boolean namesNoColumnOfKnownTable(DestructiveClause clause, SchemaFacts schema) {
        String table = tableOfSpRename(clause, ClauseKind.RENAMED_COLUMN);
        return table != null && schema.before().table(table).map(known -> known.complete()).orElse(false)
                && schema.before().column(table, ObjectNames.lastPart(clause.name())).isEmpty();
    }

    /**
     * The table part of the name an sp_rename clause of {@code kind} renames ({@code dbo.t} of {@code 'dbo.t.a'});
     * null for another clause, or a one-part name.
     */
    private static String tableOfSpRename(DestructiveClause clause, ClauseKind kind) {
        if (clause.kind() != kind || !"sp_rename".equals(clause.words()) || clause.name() == null) {
            return null;
        }
        String table = ObjectNames.qualifier(clause.name());
        return table.isEmpty() ? null : table;
    }
}
