package io.github.sqlguard.rehearse;

import java.util.List;

/**
 * One table of the rehearsal database with what seeding it must respect.
 *
 * @param oid the table's {@code pg_class} oid, which survives renames
 * @param qualifiedName the schema-qualified, quoted name to use in SQL
 * @param displayName the name shown to users: unqualified in {@code public}, else {@code schema.table}
 * @param columns the columns in declaration order
 * @param uniqueKeys the column sets of the primary key and every unique constraint or plain unique index
 * @param foreignKeys the table's foreign keys
 */
record TableShape(long oid, String qualifiedName, String displayName, List<TableColumn> columns,
        List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys) {

    TableShape {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /**
     * A foreign key: {@code columns} of this table refer to {@code parentColumns} of table {@code parentOid}.
     */
    record ForeignKey(List<String> columns, long parentOid, List<String> parentColumns) {

        ForeignKey {
            columns = List.copyOf(columns);
            parentColumns = List.copyOf(parentColumns);
        }
    }
}
