package io.github.sqlguard.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Columns, by table key and column key, that hold the only copy of another column's values: an UPDATE copied that
 * column into them, then the script dropped it ({@code ADD tmp; UPDATE t SET tmp = note; DROP note}). A column the
 * script added is otherwise a scratch column whose drop loses nothing; one of these loses what the copy kept, so its
 * drop stays a finding, which says whose values it held.
 */
final class OnlyCopyColumns {

    private final Map<String, Map<String, String>> byTable = new HashMap<>();

    /**
     * The statement at {@code at} dropped {@code column} of {@code source}, whose values an UPDATE had copied into
     * {@code target}'s column {@code into}: that column now holds their only copy.
     */
    void sourceDropped(String source, String column, String at, String target, String into) {
        byTable.computeIfAbsent(SchemaNames.key(target), k -> new LinkedHashMap<>()).put(SchemaNames.key(into),
                "column " + into + " holds the only copy of column " + column + " of " + source + ", which " + at
                        + " drops");
    }

    /** What {@code column} of {@code table} (keys) holds the only copy of, if anything. */
    Optional<String> noteOf(String table, String column) {
        return Optional.ofNullable(byTable.getOrDefault(table, Map.of()).get(SchemaNames.key(column)));
    }

    /** {@code table} (a key) lost {@code columns} (as written): they hold nothing any more. */
    void dropped(String table, Collection<String> columns) {
        Map<String, String> ofTable = byTable.get(table);
        if (ofTable != null) {
            columns.forEach(column -> ofTable.remove(SchemaNames.key(column)));
        }
    }

    /** A column of {@code table} (a key) was renamed, from {@code from} to {@code to}: what it held goes with it. */
    void renamed(String table, String from, String to) {
        Map<String, String> ofTable = byTable.get(table);
        if (ofTable != null) {
            ofTable.remove(SchemaNames.key(to));
            String held = ofTable.remove(SchemaNames.key(from));
            if (held != null) {
                ofTable.put(SchemaNames.key(to), held);
            }
        }
    }

    /** {@code tables} (keys) were dropped, or the first of them renamed to {@code renamedTo}, taking its columns. */
    void tablesDroppedOrRenamed(List<String> tables, Optional<String> renamedTo) {
        Map<String, String> first = byTable.remove(tables.get(0));
        tables.forEach(byTable::remove);
        if (first != null) {
            renamedTo.ifPresent(renamed -> byTable.put(renamed, first));
        }
    }

    /** Forgets every column kept. */
    void clear() {
        byTable.clear();
    }
}
