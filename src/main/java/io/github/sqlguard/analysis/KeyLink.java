package io.github.sqlguard.analysis;

import java.util.List;

/**
 * How a join ties a DELETE or UPDATE target to another table: equalities that each pair a column of the target with
 * one of the other table, {@code orders.customer_id = customers.id}, or, for a composite key, {@code m.queue_type =
 * q.queue_type AND m.queue_name = q.queue_name}. Whether that limits anything depends on the schema: when the joined
 * columns are the joined table's key and the target's columns refer to it, every target row has its related row.
 *
 * @param table the target table as written
 * @param columns the target's columns in the equalities, in the order written
 * @param joinedTable the table joined to it as written
 * @param joinedColumns the joined table's column each of {@code columns} equals, in the same order
 * @param setColumns the columns a MySQL multi-table UPDATE's SET assigns without naming their table ({@code UPDATE
 *     invoices, accounts SET total = 0 ..}): the link stands for the UPDATE only where the schema shows that
 *     {@code table} has each of them and {@code joinedTable} none, so that the SET changes {@code table}; empty
 *     when the statement itself names the changed table
 */
public record KeyLink(String table, List<String> columns, String joinedTable, List<String> joinedColumns,
        List<String> setColumns) {

    public KeyLink {
        columns = List.copyOf(columns);
        joinedColumns = List.copyOf(joinedColumns);
        setColumns = List.copyOf(setColumns);
    }

    /** A link of a target the statement names. */
    public KeyLink(String table, List<String> columns, String joinedTable, List<String> joinedColumns) {
        this(table, columns, joinedTable, joinedColumns, List.of());
    }

    /** A link of one column to one column, of a target the statement names. */
    public KeyLink(String table, String column, String joinedTable, String joinedColumn) {
        this(table, List.of(column), joinedTable, List.of(joinedColumn));
    }

    /** This link, standing only where {@code table} is the one of the two tables that has {@code assigned}. */
    KeyLink ifSetAssigns(List<String> assigned) {
        return new KeyLink(table, columns, joinedTable, joinedColumns, assigned);
    }

    /**
     * True when the link ties a table to a second copy of itself on the same columns ({@code c1.email = c2.email}):
     * every row whose values are not NULL finds itself there, so the join limits nothing.
     */
    public boolean pairsEachRowWithItself() {
        if (!ObjectNames.normalize(table).equals(ObjectNames.normalize(joinedTable))) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!ObjectNames.normalize(columns.get(i)).equals(ObjectNames.normalize(joinedColumns.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
