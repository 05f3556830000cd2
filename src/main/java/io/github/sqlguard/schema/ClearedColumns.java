package io.github.sqlguard.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns an UPDATE of every row set to NULL earlier in one script run, by table, each with the line that
 * emptied it: until something writes them again they hold no value, so filling them overwrites nothing and
 * changing their type converts nothing. Oracle scripts change a column's type that way, as Oracle refuses
 * {@code MODIFY} to a smaller or other type while values remain: {@code SET tmp = c, c = NULL; MODIFY (c ..); SET
 * c = tmp}.
 */
final class ClearedColumns {

    private final Map<String, Map<String, String>> byTable = new HashMap<>();

    /** The cleared columns of {@code table} (a key), each key with where it was emptied: {@code "line 4"}. */
    Map<String, String> of(String table) {
        return byTable.getOrDefault(table, Map.of());
    }

    /**
     * An UPDATE of {@code table} wrote {@code assigned} (keys); when it reached every row on every database,
     * {@code cleared} now hold NULL since {@code where}.
     */
    void written(String table, Set<String> assigned, Set<String> cleared, boolean everywhere, String where) {
        Map<String, String> columns = byTable.get(table);
        if (columns != null) {
            columns.keySet().removeAll(assigned);
        }
        if (everywhere) {
            cleared.forEach(column -> byTable.computeIfAbsent(table, k -> new HashMap<>()).put(column, where));
        }
    }

    /** Columns (as written) that an ALTER TABLE dropped, or renamed from or to: the name now means another one. */
    void replaced(String table, Collection<String> columns) {
        Map<String, String> cleared = byTable.get(table);
        if (cleared != null) {
            columns.forEach(column -> cleared.remove(SchemaNames.key(column)));
        }
    }

    void forget(String table) {
        byTable.remove(table);
    }

    void clear() {
        byTable.clear();
    }

    /** The guard of a type change of {@code table}'s columns that hold only NULL, when it has any. */
    Optional<Guard> retypeGuard(String table) {
        if (of(table).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        of(table).forEach((column, where) -> notes.put(column, "column " + column + " holds only NULL: it was set"
                + " to NULL in every row at " + where + " and nothing has written it since"));
        return Optional.of(new Guard(Guard.Kind.EMPTIED_COLUMN, String.join("; ", notes.values()), notes));
    }
}
