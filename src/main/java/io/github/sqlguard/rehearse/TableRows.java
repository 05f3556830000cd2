package io.github.sqlguard.rehearse;

/**
 * One table's rows at a moment of the rehearsal, with the database's running counts of the current
 * transaction's changes to it ({@code pg_stat_xact_user_tables}), which include rows that foreign-key
 * cascades and triggers changed.
 *
 * @param oid the table's oid, which survives renames
 * @param qualifiedName the quoted, schema-qualified name
 * @param displayName the name shown to users
 * @param rows the number of rows
 * @param inserted rows inserted so far in this transaction
 * @param updated rows updated so far in this transaction
 * @param deleted rows deleted so far in this transaction
 */
record TableRows(long oid, String qualifiedName, String displayName, long rows, long inserted, long updated,
        long deleted) {
}
