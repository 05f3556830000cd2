package io.github.sqlguard.schema;

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
final class RowIndependentFills extends MarkedColumns {

    /**
     * An UPDATE of {@code table} wrote {@code assigned} (keys); when it reached every row on every database, those of
     * {@code rowIndependent} now hold only what it set, since {@code where}.
     */
    void written(String table, Set<String> assigned, Set<String> rowIndependent, boolean everywhere, String where) {
        written(table, assigned, rowIndependent.stream().filter(assigned::contains).toList(), everywhere, where);
    }

    /**
     * The copy {@code taken} filled {@code empty} (keys), columns of a table the script created that held nothing
     * yet: those it took from a filled column of its source hold only that fill.
     */
    void copied(ColumnListCopy.TakenColumns taken, Set<String> empty) {
        Map<String, String> source = of(SchemaNames.key(taken.source()));
        taken.sourceOf().forEach((target, from) -> {
            if (empty.contains(target) && source.containsKey(from)) {
                mark(SchemaNames.key(taken.target()), target, source.get(from));
            }
        });
    }
}
