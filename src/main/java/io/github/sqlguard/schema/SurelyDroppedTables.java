package io.github.sqlguard.schema;

import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * The tables that a statement sure to have run dropped or renamed away, while no table has taken the name since:
 * a later {@code DROP TABLE IF EXISTS} of the name, in another migration, finds nothing to drop. SQLite rebuilds
 * drop their scratch copy at once, and a clean-up migration drops it again years later.
 *
 * <p>Only what is certain counts: a drop in a branch, a routine body or a Liquibase changeset (whose precondition
 * may skip it) is never recorded, a table created, renamed to the name or changed in a branch since ends the
 * record, and a statement the replay could not follow ends every record made before it.
 */
final class SurelyDroppedTables {

    /**
     * A table gone since {@code place}.
     *
     * @param written its name as the statement that dropped or renamed it wrote it, qualifier included
     * @param place where that statement starts
     * @param position that statement's position in the replay
     */
    record Drop(String written, Location place, int position) {
    }

    /** The only key of {@link #failures}: the failures concern every table. */
    private static final String EVERY_TABLE = "*";

    private final IntSupplier current;
    private final NamedVersions<Drop> drops;
    /** The position of the last statement whose replay failed part way, under {@link #EVERY_TABLE}. */
    private final NamedVersions<Integer> failures;
    /** The known tables the statement being replayed removed, as written. */
    private final List<String> removedNow = new ArrayList<>();

    SurelyDroppedTables(IntSupplier current) {
        this(current, new NamedVersions<>(current), new NamedVersions<>(current));
    }

    private SurelyDroppedTables(IntSupplier current, NamedVersions<Drop> drops, NamedVersions<Integer> failures) {
        this.current = current;
        this.drops = drops;
        this.failures = failures;
    }

    /** Records that start as these are at {@code position} and go their own way, following {@code current}. */
    SurelyDroppedTables fork(int position, IntSupplier current) {
        return new SurelyDroppedTables(current, drops.fork(position, current), failures.fork(position, current));
    }

    /** A new statement is being replayed: what the last one removed no longer matters. */
    void statementStarts() {
        removedNow.clear();
    }

    /** The statement being replayed removed the known table {@code written} (a drop, or a rename away). */
    void removed(String written) {
        removedNow.add(written);
    }

    /** The statement being replayed gives a table the name {@code name}, or a branch may have changed it. */
    void taken(String name) {
        String key = SchemaNames.key(name);
        if (drops.before(key, current.getAsInt() + 1).isPresent()) {
            drops.put(key, Optional.empty());
        }
    }

    /**
     * The statement being replayed, at {@code place}, surely ran: the tables it removed that are still {@code gone}
     * at its end (a rename of a table to its own name in other letters is no removal) are recorded as gone.
     */
    void surelyRan(Location place, Predicate<String> gone) {
        for (String written : removedNow) {
            if (place != null && gone.test(written)) {
                drops.put(SchemaNames.key(written), Optional.of(new Drop(written, place, current.getAsInt())));
            }
        }
    }

    /** The statement being replayed could not be followed to its end: what it changed is not known. */
    void replayFailed() {
        failures.put(EVERY_TABLE, Optional.of(current.getAsInt()));
    }

    /** The drop that left no table called {@code name} before the statement at {@code statementPosition}. */
    Optional<Drop> before(String name, int statementPosition) {
        Optional<Drop> drop = drops.before(SchemaNames.key(name), statementPosition);
        Optional<Integer> failure = failures.before(EVERY_TABLE, statementPosition);
        return drop.filter(d -> failure.map(f -> f < d.position()).orElse(true));
    }
}
