package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The replayed tables and every earlier version of each, so that "the schema before statement n" stays
 * answerable after later statements changed it. Each change stores only the table it touched.
 */
final class SchemaHistory {

    /** Per table key: the table after each statement that changed it; empty once dropped or renamed away. */
    private final Map<String, TreeMap<Integer, Optional<Table>>> versions = new LinkedHashMap<>();
    private final Map<String, Table> current = new LinkedHashMap<>();
    private final Map<Integer, List<ColumnRetype>> retypes = new HashMap<>();
    /** Per table key: from which statement on its column types cannot be trusted (see {@link #ambiguous}). */
    private final Map<String, Integer> ambiguousFrom = new HashMap<>();
    private int position;

    /** Moves on to the next statement; changes from now on belong to it. */
    int advance() {
        return ++position;
    }

    Optional<Table> current(String name) {
        return Optional.ofNullable(current.get(SchemaNames.key(name)));
    }

    List<Table> currentTables() {
        return new ArrayList<>(current.values());
    }

    void put(Table table) {
        String key = SchemaNames.key(table.name());
        current.put(key, table);
        versions.computeIfAbsent(key, k -> new TreeMap<>()).put(position, Optional.of(table));
    }

    void remove(String name) {
        String key = SchemaNames.key(name);
        if (current.remove(key) != null) {
            versions.get(key).put(position, Optional.empty());
        }
    }

    /** Records that the current statement gives a column a type, for judging the change. */
    void retyped(String table, String column, Optional<SqlType> from, Optional<SqlType> to) {
        Optional<SqlType> before = ambiguousFrom.containsKey(SchemaNames.key(table)) ? Optional.empty() : from;
        retypes.computeIfAbsent(position, p -> new ArrayList<>()).add(new ColumnRetype(table, column, before, to));
    }

    /**
     * Marks a table created twice without a drop between: two histories (a changelog's changesets for
     * different databases or contexts) are mixed, so from now on its column types and NOT NULL are unknown.
     */
    void ambiguous(String table) {
        ambiguousFrom.putIfAbsent(SchemaNames.key(table), position);
    }

    boolean ambiguousBefore(String table, int statementPosition) {
        Integer from = ambiguousFrom.get(SchemaNames.key(table));
        return from != null && from < statementPosition;
    }

    List<ColumnRetype> retypesAt(int statementPosition) {
        return retypes.getOrDefault(statementPosition, List.of());
    }

    /** The tables as they were before the statement at {@code statementPosition} ran. */
    SchemaView before(int statementPosition) {
        return new SchemaView(this, statementPosition);
    }

    Optional<Table> tableBefore(String name, int statementPosition) {
        TreeMap<Integer, Optional<Table>> history = versions.get(SchemaNames.key(name));
        if (history == null) {
            return Optional.empty();
        }
        var entry = history.lowerEntry(statementPosition);
        return entry == null ? Optional.empty() : entry.getValue();
    }

    List<Table> tablesBefore(int statementPosition) {
        List<Table> tables = new ArrayList<>();
        for (TreeMap<Integer, Optional<Table>> history : versions.values()) {
            var entry = history.lowerEntry(statementPosition);
            if (entry != null) {
                entry.getValue().ifPresent(tables::add);
            }
        }
        return tables;
    }
}
