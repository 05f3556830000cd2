package io.github.sqlguard.schema;

import io.github.sqlguard.model.Location;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The columns that a statement sure to have run dropped or renamed away from a table the replay still knows: a later
 * migration that drops the column again ({@code ALTER TABLE t DROP COLUMN IF EXISTS id}, written once more in a
 * migration that redoes a set of tables) finds nothing to drop. As with {@link SurelyDroppedTables}, only what is
 * certain counts: a change in a branch ends the records of its table, and a statement the replay could not follow
 * ends every record made before it.
 */
final class SurelyDroppedColumns {

    /** The only key of {@link #failures}: the failures concern every table. */
    private static final String EVERY_TABLE = "*";

    private final NamedVersions<Map<String, SurelyDroppedTables.Drop>> drops;
    private final NamedVersions<Integer> failures;
    private final IntSupplier current;

    SurelyDroppedColumns(IntSupplier current) {
        this(current, new NamedVersions<>(current), new NamedVersions<>(current));
    }

    private SurelyDroppedColumns(IntSupplier current, NamedVersions<Map<String, SurelyDroppedTables.Drop>> drops,
            NamedVersions<Integer> failures) {
        this.current = current;
        this.drops = drops;
        this.failures = failures;
    }

    /** Records that start as these are at {@code position} and go their own way, following {@code current}. */
    SurelyDroppedColumns fork(int position, IntSupplier current) {
        return new SurelyDroppedColumns(current, drops.fork(position, current), failures.fork(position, current));
    }

    /**
     * The statement being replayed, at {@code place}, surely ran and took from {@code table} the columns
     * {@code before} had and {@code after} lacks.
     */
    void surelyRan(Location place, Table before, Table after) {
        if (place == null) {
            return;
        }
        String key = SchemaNames.key(after.name());
        Map<String, SurelyDroppedTables.Drop> gone = null; // copied from the earlier record once a column went
        for (Map.Entry<String, Column> column : before.columns().entrySet()) {
            if (!after.columns().containsKey(column.getKey())) {
                if (gone == null) {
                    gone = new HashMap<>(drops.before(key, current.getAsInt() + 1).orElse(Map.of()));
                }
                gone.put(column.getKey(), new SurelyDroppedTables.Drop(column.getValue().name(), place,
                        current.getAsInt()));
            }
        }
        if (gone != null) {
            drops.put(key, Optional.of(Map.copyOf(gone)));
        }
    }

    /** A branch of a block may have changed {@code table}: which of its columns are gone is no longer certain. */
    void forget(String table) {
        String key = SchemaNames.key(table);
        if (drops.before(key, current.getAsInt() + 1).isPresent()) {
            drops.put(key, Optional.empty());
        }
    }

    /** The statement being replayed could not be followed to its end: what it changed is not known. */
    void replayFailed() {
        failures.put(EVERY_TABLE, Optional.of(current.getAsInt()));
    }

    /**
     * The drop that took {@code column} from {@code table} before the statement at {@code statementPosition}, with
     * no statement since that the replay could not follow; the caller checks that no column of the name is back.
     */
    Optional<SurelyDroppedTables.Drop> before(String table, String column, int statementPosition) {
        Optional<SurelyDroppedTables.Drop> drop = drops.before(SchemaNames.key(table), statementPosition)
                .map(gone -> gone.get(SchemaNames.key(column)));
        Optional<Integer> failure = failures.before(EVERY_TABLE, statementPosition);
        return drop.filter(d -> failure.map(f -> f < d.position()).orElse(true));
    }
}
