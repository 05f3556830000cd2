package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * An UPDATE whose WHERE only asks that a row's key is among the table's own keys, as Oracle scripts write to give a
 * copy a WHERE: {@code UPDATE t SET total_new = total WHERE id IN (SELECT id FROM t)}. It leaves out only the rows
 * whose key is NULL, so where the replay knows the key NOT NULL (a primary key's column) it reaches every row, and
 * the copy guards the later {@code SET total = NULL} and {@code DROP COLUMN total} as one without a WHERE does.
 */
final class OwnKeySelection {

    private OwnKeySelection() {
    }

    /**
     * The key of the column when {@code condition} is {@code [q.]c IN (SELECT [q.]c FROM table [alias])}, the
     * subquery reading {@code table} with no filter, join or grouping; else null. {@code alias} is the UPDATE's
     * alias of {@code table}, or null.
     */
    static String column(List<Token> condition, String alias, String table) {
        int end = condition.size();
        while (end > 0 && condition.get(end - 1).isSymbol(";")) {
            end--;
        }
        NamedColumn outer = column(condition, 0, alias, table);
        if (outer == null || outer.next() + 5 > end || !condition.get(outer.next()).isWord("IN")
                || !condition.get(outer.next() + 1).isSymbol("(") || !condition.get(outer.next() + 2).isWord("SELECT")
                || !condition.get(end - 1).isSymbol(")")) {
            return null;
        }
        int select = outer.next() + 3;
        int from = select;
        while (from < end && !condition.get(from).isWord("FROM")) {
            from++;
        }
        SchemaNames.Read read = from + 1 < end ? SchemaNames.name(condition, from + 1) : null;
        if (read == null || !SchemaNames.key(read.text()).equals(SchemaNames.key(table))) {
            return null;
        }
        int after = read.next();
        String innerAlias = null;
        if (after < end - 1 && condition.get(after).isWord("AS")) {
            after++;
        }
        if (after < end - 1 && SchemaNames.isNamePart(condition.get(after))) {
            innerAlias = SchemaNames.unquoted(condition.get(after).text());
            after++;
        }
        NamedColumn inner = column(condition, select, innerAlias, table);
        return after == end - 1 && inner != null && inner.next() == from && inner.key().equals(outer.key())
                ? outer.key() : null;
    }

    /**
     * The column is NOT NULL where {@code update} asks only that it has a value: the UPDATE reaches every row.
     * {@code update} as it is otherwise.
     */
    static ColumnWrites.Update reachingEveryRow(ColumnWrites.Update update, SchemaView before) {
        String column = update.rowsWithValueIn();
        if (update.everyRow() || column == null
                || !before.column(update.table(), column).map(Column::notNull).orElse(false)) {
            return update;
        }
        return update.reachingEveryRow();
    }

    /** A column named at {@code at}, qualified by nothing, {@code alias} or {@code table}; null otherwise. */
    private static NamedColumn column(List<Token> tokens, int at, String alias, String table) {
        int i = at;
        if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
            if (!ColumnWrites.namesUpdatedTable(tokens.get(i), alias, table)) {
                return null;
            }
            i += 2;
        }
        return i < tokens.size() && SchemaNames.isNamePart(tokens.get(i))
                ? new NamedColumn(SchemaNames.key(tokens.get(i).text()), i + 1) : null;
    }

    /** A column's key and the index after its name. */
    private record NamedColumn(String key, int next) {
    }
}
