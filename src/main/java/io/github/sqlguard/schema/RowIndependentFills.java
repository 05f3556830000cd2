package io.github.sqlguard.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The columns an UPDATE of every row earlier in one script run gave a value that reads nothing of the row
 * ({@code SET tenant = (SELECT id FROM tenants LIMIT 1)}, {@code SET status = 'new'}), by table, each with where that
 * UPDATE stands. Until something else writes them they hold only what the script put there, so setting them again
 * loses nothing the script found: what the first UPDATE overwrote, that UPDATE is reported for. A copy of every row
 * into a table the script created keeps this for the columns it takes as they are, as SQLite's table rebuild does
 * (add the column, fill it, copy the rows to the new table, drop the old one, rename the new one, fill it again).
 */
final class RowIndependentFills {

    private final Map<String, Map<String, String>> byTable = new HashMap<>();

    /** The filled columns of {@code table} (a key), each key with where it was filled: {@code "line 3"}. */
    Map<String, String> of(String table) {
        return byTable.getOrDefault(table, Map.of());
    }

    /**
     * An UPDATE of {@code table} wrote {@code assigned} (keys); when it reached every row on every database, those of
     * {@code rowIndependent} now hold only what it set, since {@code where}.
     */
    void written(String table, Set<String> assigned, Set<String> rowIndependent, boolean everywhere, String where) {
        Map<String, String> columns = byTable.get(table);
        if (columns != null) {
            columns.keySet().removeAll(assigned);
        }
        if (everywhere) {
            rowIndependent.stream().filter(assigned::contains).forEach(column -> byTable.computeIfAbsent(table,
                    k -> new HashMap<>()).put(column, where));
        }
    }

    /**
     * The copy {@code taken} filled {@code empty} (keys), columns of a table the script created that held nothing
     * yet: those it took from a filled column of its source hold only that fill.
     */
    void copied(ColumnListCopy.TakenColumns taken, Set<String> empty) {
        Map<String, String> source = of(SchemaNames.key(taken.source()));
        taken.sourceOf().forEach((target, from) -> {
            if (empty.contains(target) && source.containsKey(from)) {
                byTable.computeIfAbsent(SchemaNames.key(taken.target()), k -> new HashMap<>())
                        .put(target, source.get(from));
            }
        });
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
        Map<String, String> filled = byTable.get(table);
        if (filled != null) {
            columns.forEach(column -> filled.remove(SchemaNames.key(column)));
        }
    }

    void forget(String table) {
        byTable.remove(table);
    }

    void clear() {
        byTable.clear();
    }
}
