package io.github.sqlguard.analysis;

/**
 * How a join ties a DELETE or UPDATE target to another table: one equality of a column of each,
 * {@code orders.customer_id = customers.id}. Whether that limits anything depends on the schema: when the joined
 * column is the joined table's key and the target's column refers to it, every target row has its related row.
 *
 * @param table the target table as written
 * @param column the target's column in the equality
 * @param joinedTable the table joined to it as written
 * @param joinedColumn the joined table's column in the equality
 */
public record KeyLink(String table, String column, String joinedTable, String joinedColumn) {

    /**
     * True when the link ties a table to a second copy of itself on the same column ({@code c1.email = c2.email}):
     * every row whose value is not NULL finds itself there, so the join limits nothing.
     */
    public boolean pairsEachRowWithItself() {
        return ObjectNames.normalize(table).equals(ObjectNames.normalize(joinedTable))
                && ObjectNames.normalize(column).equals(ObjectNames.normalize(joinedColumn));
    }
}
