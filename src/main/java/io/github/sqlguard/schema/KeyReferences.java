package io.github.sqlguard.schema;

import java.util.List;
import java.util.Optional;

/**
 * Whether columns of one table refer to the key of another, so that a join on their equalities finds a related row
 * for every row that has values there: a foreign key over exactly those columns to that table, or, without one,
 * joined columns that are the joined table's whole primary key or one of its unique keys while the table's own
 * columns are not its own such key (a join of two keys, {@code orders.id = archived_orders.id}, pairs rows that may
 * or may not exist). A composite key counts only whole: {@code m.queue_type = q.queue_type} alone, half of the key
 * {@code (queue_type, queue_name)}, pairs each message with every queue of its type.
 */
final class KeyReferences {

    private KeyReferences() {
    }

    /**
     * True when {@code columns} of {@code table} refer to the key {@code joinedColumns} of {@code joinedTable}, each
     * column paired with the joined column at the same place.
     */
    static boolean refersToKey(SchemaView schema, String table, List<String> columns, String joinedTable,
            List<String> joinedColumns) {
        if (columns.isEmpty() || columns.size() != joinedColumns.size()) {
            return false;
        }
        if (hasForeignKey(schema, table, columns, joinedTable, joinedColumns)) {
            return true;
        }
        return !isKey(schema, table, columns) && isKey(schema, joinedTable, joinedColumns);
    }

    /**
     * True when a foreign key of {@code column} alone of {@code table} references {@code joinedColumn} of
     * {@code joinedTable}, named in the key or as the joined table's primary key.
     */
    static boolean referencesColumn(SchemaView schema, String table, String column, String joinedTable,
            String joinedColumn) {
        List<String> joinedKey = schema.table(joinedTable).map(Table::primaryKey).orElse(List.of());
        return schema.table(table).map(Table::foreignKeys).orElse(List.of()).stream().anyMatch(key -> {
            List<String> referenced = key.referencedColumns().isEmpty() ? joinedKey : key.referencedColumns();
            return key.references(joinedTable) && key.columns().size() == 1 && referenced.size() == 1
                    && SchemaNames.key(key.columns().get(0)).equals(SchemaNames.key(column))
                    && SchemaNames.key(referenced.get(0)).equals(SchemaNames.key(joinedColumn));
        });
    }

    /** True when {@code columns}, in any order, are the whole primary key or a whole unique key of {@code table}. */
    private static boolean isKey(SchemaView schema, String table, List<String> columns) {
        Optional<Table> known = schema.table(table);
        if (known.isEmpty()) {
            return false;
        }
        return sameColumns(known.get().primaryKey(), columns)
                || schema.uniqueKeys(table).stream().anyMatch(key -> sameColumns(key, columns));
    }

    /**
     * True when a foreign key of {@code table} to {@code joinedTable} has exactly {@code columns} and, where the
     * replay knows what each references (named in the key, or the joined table's primary key), references the
     * joined column each is paired with. A key of one column counts whatever column it references, as the join
     * may name the referenced column by another name of the same key.
     */
    private static boolean hasForeignKey(SchemaView schema, String table, List<String> columns, String joinedTable,
            List<String> joinedColumns) {
        Optional<Table> known = schema.table(table);
        if (known.isEmpty()) {
            return false;
        }
        List<String> joinedKey = schema.table(joinedTable).map(Table::primaryKey).orElse(List.of());
        return known.get().foreignKeys().stream().anyMatch(key -> key.references(joinedTable)
                && sameColumns(key.columns(), columns)
                && (columns.size() == 1 || pairedAlike(key, joinedKey, columns, joinedColumns)));
    }

    private static boolean pairedAlike(ForeignKey key, List<String> joinedKey, List<String> columns,
            List<String> joinedColumns) {
        List<String> referenced = !key.referencedColumns().isEmpty() ? key.referencedColumns() : joinedKey;
        if (referenced.size() != key.columns().size()) {
            return true; // the replay does not know what the key references: its columns decide
        }
        for (int i = 0; i < columns.size(); i++) {
            int at = indexOf(key.columns(), columns.get(i));
            if (!SchemaNames.key(referenced.get(at)).equals(SchemaNames.key(joinedColumns.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameColumns(List<String> key, List<String> columns) {
        if (key.size() != columns.size()) {
            return false;
        }
        for (String column : columns) {
            if (indexOf(key, column) < 0) {
                return false;
            }
        }
        return columns.stream().map(SchemaNames::key).distinct().count() == columns.size();
    }

    private static int indexOf(List<String> columns, String column) {
        String wanted = SchemaNames.key(column);
        for (int i = 0; i < columns.size(); i++) {
            if (SchemaNames.key(columns.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
