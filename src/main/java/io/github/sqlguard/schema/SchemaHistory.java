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
    /** Per position: where its statement stands ({@code path:line}), for messages. */
    private final Map<Integer, String> places = new HashMap<>();
    /** Per table key: how the replay first learnt of a table whose columns it does not all know. */
    private final Map<String, String> partlyKnown = new HashMap<>();
    private int position;

    /** Moves on to the next statement, standing at {@code place}; changes from now on belong to it. */
    int advance(String place) {
        places.put(++position, place);
        return position;
    }

    /**
     * A history that starts as this one is now and goes its own way: a down script or rollback code runs
     * against the schema the migrations before it left, and what it changes must not reach them.
     */
    SchemaHistory fork() {
        SchemaHistory fork = new SchemaHistory();
        fork.position = position;
        fork.places.putAll(places);
        fork.partlyKnown.putAll(partlyKnown);
        fork.ambiguousFrom.putAll(ambiguousFrom);
        current.forEach((key, table) -> {
            fork.current.put(key, table);
            fork.versions.computeIfAbsent(key, k -> new TreeMap<>()).put(position, Optional.of(table));
        });
        versions.forEach((key, history) -> {
            if (!current.containsKey(key)) {
                fork.versions.computeIfAbsent(key, k -> new TreeMap<>()).putAll(history);
            }
        });
        return fork;
    }

    Optional<Table> current(String name) {
        return Optional.ofNullable(current.get(SchemaNames.key(name)));
    }

    List<Table> currentTables() {
        return new ArrayList<>(current.values());
    }

    void put(Table table) {
        String key = SchemaNames.key(table.name());
        if (!table.complete() && !versions.containsKey(key)) {
            partlyKnown.put(key, "first seen at " + places.getOrDefault(position, "an earlier statement"));
        }
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
        String unknown = before.isPresent() ? "" : whyTypeUnknown(table, column);
        retypes.computeIfAbsent(position, p -> new ArrayList<>())
                .add(new ColumnRetype(table, column, before, to, unknown, ""));
    }

    /** Why the replay does not know the type {@code column} of {@code table} has before this statement. */
    private String whyTypeUnknown(String table, String column) {
        String key = SchemaNames.key(table);
        String name = SchemaNames.unquoted(table);
        if (ambiguousFrom.containsKey(key)) {
            return "table " + name + " is created again, with other columns, at " + places.get(ambiguousFrom.get(key))
                    + " without a drop between, so which columns it has is not certain";
        }
        TreeMap<Integer, Optional<Table>> history = versions.get(key);
        var last = history == null ? null : history.lowerEntry(position);
        if (last == null) {
            return "table " + name + " is not created by the migrations that run before this one";
        }
        if (last.getValue().isEmpty()) {
            return "table " + name + " is dropped or renamed at " + places.get(last.getKey());
        }
        Table known = last.getValue().get();
        Optional<Column> columnKnown = known.column(column);
        if (columnKnown.isPresent()) {
            return "an earlier statement changed column " + SchemaNames.unquoted(column)
                    + " in a way sqlguard does not read";
        }
        if (!known.complete()) {
            var dropped = history.headMap(last.getKey(), false).descendingMap().entrySet().stream()
                    .filter(entry -> entry.getValue().isEmpty()).findFirst();
            if (dropped.isPresent()) {
                return "table " + name + " is dropped at " + places.get(dropped.get().getKey())
                        + ", and only altered after that";
            }
            String seen = partlyKnown.getOrDefault(key, "");
            return seen.startsWith("created") ? "the columns of table " + name + " are not known: it is " + seen
                    : "table " + name + " is not created by the migrations that run before this one"
                            + (seen.isEmpty() ? "" : " (" + seen + ")");
        }
        return "table " + name + " has no column " + SchemaNames.unquoted(column)
                + " in the statements replayed before this one";
    }

    /** Notes that the table just created has columns the replay did not read ({@code CREATE TABLE .. AS SELECT}). */
    void createdWithoutColumns(String table, String how) {
        partlyKnown.put(SchemaNames.key(table), how + " at " + places.getOrDefault(position, "an earlier statement"));
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

    /** Takes the retypes {@code other} recorded at {@code statementPosition} as this history's own. */
    void retypesFrom(SchemaHistory other, int statementPosition) {
        List<ColumnRetype> found = other.retypesAt(statementPosition);
        if (!found.isEmpty()) {
            retypes.computeIfAbsent(statementPosition, p -> new ArrayList<>()).addAll(found);
        }
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
