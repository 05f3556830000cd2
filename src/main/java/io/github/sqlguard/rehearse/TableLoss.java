package io.github.sqlguard.rehearse;

/**
 * What one statement did to one table's rows.
 *
 * @param table the table as it was before the statement
 * @param removed rows deleted, truncated or otherwise gone
 * @param overwritten rows whose earlier values were changed
 * @param named false when the statement does not name the table: a cascade or trigger reached it
 */
record TableLoss(TableRows table, long removed, long overwritten, boolean named) {

    TableLoss withOverwritten(long count) {
        return new TableLoss(table, removed, count, named);
    }
}
