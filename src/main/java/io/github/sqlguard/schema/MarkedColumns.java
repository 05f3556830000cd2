package io.github.sqlguard.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Columns that a statement of one script run left in a known state (emptied, or filled with one value), by table,
 * each with where that statement stands. What is known holds until something writes the column again, drops or
 * renames it, or the table goes.
 */
class MarkedColumns {

    private final Map<String, Map<String, String>> byTable = new HashMap<>();

    /** The marked columns of {@code table} (a key), each key with where it was marked: {@code "line 4"}. */
    Map<String, String> of(String table) {
        return byTable.getOrDefault(table, Map.of());
    }

    /**
     * An UPDATE of {@code table} wrote {@code assigned} (keys): what was known of them is gone. When it reached every
     * row on every database, {@code marked} (keys) are now known since {@code where}.
     */
    void written(String table, Set<String> assigned, Collection<String> marked, boolean everywhere, String where) {
        Map<String, String> columns = byTable.get(table);
        if (columns != null) {
            columns.keySet().removeAll(assigned);
        }
        if (everywhere) {
            marked.forEach(column -> mark(table, column, where));
        }
    }

    /** The keys of the tables that have marked columns. */
    Set<String> tables() {
        return Set.copyOf(byTable.keySet());
    }

    void mark(String table, String column, String where) {
        byTable.computeIfAbsent(table, k -> new HashMap<>()).put(column, where);
    }

    /** {@code from} (a key) now goes by the name {@code to}: {@code ALTER TABLE t_new RENAME TO t}. */
    void renamed(String from, String to) {
        Map<String, String> columns = byTable.remove(from);
        if (columns != null) {
            byTable.put(to, columns);
        }
    }

    /** Columns (as written) that an ALTER TABLE dropped, or renamed from or to: the name now means another one. */
    void replaced(String table, Collection<String> columns) {
        Map<String, String> marked = byTable.get(table);
        if (marked != null) {
            columns.forEach(column -> marked.remove(SchemaNames.key(column)));
        }
    }

    void forget(String table) {
        byTable.remove(table);
    }

    void clear() {
        byTable.clear();
    }
}
