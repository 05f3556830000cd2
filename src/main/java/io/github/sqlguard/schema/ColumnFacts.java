package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the statements of one run scope did to the columns of their tables, by table key, for {@link LossGuards}: the
 * columns they added, which of those nothing has written since, whose every value an UPDATE copied into another
 * column, which a precondition requires to hold no value, and the columns some statements cleared or filled with
 * one value for every row, or left with one value by deleting the rows that held the other. A rebuild of a column ({@code ADD total_new; UPDATE t SET total_new = total; DROP total;
 * RENAME total_new TO total}) loses nothing, and these facts are how that is known.
 */
final class ColumnFacts {

    /** Columns a changeset precondition requires to hold no value, by table. */
    private final Map<String, Set<String>> valueless = new HashMap<>();
    private final Map<String, Set<String>> added = new HashMap<>();
    private final Map<String, Set<String>> unwritten = new HashMap<>();
    private final Map<String, Map<String, ColumnCopy>> copied = new HashMap<>();
    /**
     * Writes limited to some databases (a Liquibase change's {@code dbms}) of columns still unwritten elsewhere,
     * by table and column: they reach only the statements that run on one of those databases.
     */
    private final Map<String, Map<String, List<DatabaseScope>>> scopedWrites = new HashMap<>();
    private final ColumnsAddedWithoutValue addedWithoutValue = new ColumnsAddedWithoutValue();
    private final ClearedColumns cleared = new ClearedColumns();
    private final RowIndependentFills rowIndependentFills = new RowIndependentFills();
    private final DistinctFills distinctFills = new DistinctFills();
    private final PurgedFlags purged = new PurgedFlags();
    private final OnlyCopyColumns onlyCopies = new OnlyCopyColumns();

    /** The copies of {@code table}'s columns into others of its columns, by the copied column. */
    Map<String, ColumnCopy> copiesIn(String table) {
        return copied.getOrDefault(table, Map.of());
    }

    /** Every column copy kept, by table, for the notes on what a later drop converted. */
    Map<String, Map<String, ColumnCopy>> copies() {
        return copied;
    }

    /** Those of {@code columns} the run scope did not add to {@code table}. */
    List<String> notAddedTo(String table, List<String> columns) {
        Set<String> ofTable = added.getOrDefault(SchemaNames.key(table), Set.of());
        return columns.stream().filter(c -> !ofTable.contains(SchemaNames.key(c))).toList();
    }

    /** True when the run scope added {@code column} to {@code table} (a key) and has not dropped it since. */
    boolean wasAdded(String table, String column) {
        return added.getOrDefault(table, Set.of()).contains(SchemaNames.key(column));
    }

    /** A DELETE at {@code at} removed the rows of {@code table} (a key) holding one value of the flag {@code column}. */
    void purged(String table, String column, String at) {
        purged.mark(table, SchemaNames.key(column), at);
    }

    /** A changeset precondition requires {@code column} of {@code table} to hold no value in any row. */
    void requireValueless(String table, String column) {
        valueless.computeIfAbsent(table, k -> new HashSet<>()).add(column);
    }

    /** The statement added {@code columns} to {@code table}: they hold nothing anyone wrote. */
    void added(String table, List<String> columns) {
        added.computeIfAbsent(table, k -> new HashSet<>()).addAll(columns);
        unwritten.computeIfAbsent(table, k -> new HashSet<>()).addAll(columns);
        scopedWrites.getOrDefault(table, new HashMap<>()).keySet().removeAll(columns);
    }

    /** The ALTER TABLE of {@code tokens} added {@code columns} to {@code table}, with a value in the rows or not. */
    void addedBy(String table, List<String> columns, List<Token> tokens, int main) {
        added(table, columns);
        addedWithoutValue.added(table, columns, tokens, main);
    }

    /**
     * {@code update}, reaching every row when its WHERE only asks that a column has no value ({@code WHERE c_new IS
     * NULL}) and that column holds nothing but NULL: the script added it without a value, and nothing wrote it since.
     */
    ColumnWrites.Update testingOnlyNullColumn(ColumnWrites.Update update) {
        String column = update.rowsWithoutValueIn();
        return column != null && holdsOnlyNull(SchemaNames.key(update.table()), column) ? update.reachingEveryRow()
                : update;
    }

    /**
     * True when {@code column} of {@code table} (keys) holds nothing but NULL: the run scope added it without a value
     * and nothing wrote it since.
     */
    boolean holdsOnlyNull(String table, String column) {
        return added.getOrDefault(table, Set.of()).contains(column)
                && unwritten.getOrDefault(table, Set.of()).contains(column)
                && !scopedWrites.getOrDefault(table, Map.of()).containsKey(column)
                && addedWithoutValue.addedWithoutValue(table, column);
    }

    /**
     * The columns of {@code table} (a key) that hold only NULL ({@link #holdsOnlyNull}), by key, each with its note:
     * a change of their type converts no value.
     */
    private Map<String, String> addedEmpty(String table, String unit) {
        Map<String, String> notes = new TreeMap<>();
        added.getOrDefault(table, Set.of()).stream().filter(column -> holdsOnlyNull(table, column))
                .forEach(column -> notes.put(column, "column " + column + " was added earlier in " + unit
                        + " without a value and nothing has written it since"));
        return notes;
    }

    /**
     * The keys of the columns of {@code table} (a key) that hold nothing anyone wrote: the run scope created or added
     * them, and no statement has written them since, on any database. A copy that leaves them out loses no value.
     */
    Set<String> unwrittenIn(String table) {
        Set<String> columns = new HashSet<>(unwritten.getOrDefault(table, Set.of()));
        columns.removeAll(scopedWrites.getOrDefault(table, Map.of()).keySet());
        return columns;
    }

    /**
     * The keys of the columns of {@code table} (a key) that an UPDATE of every row gave a value of its own in each
     * row, and that nothing has written since: they tell its rows apart ({@link DistinctFills}).
     */
    Set<String> distinctIn(String table) {
        return distinctFills.in(table);
    }

    /**
     * A statement that copies rows ({@code tokens}, naming {@code tables}) may have taken the generated values of
     * columns {@link DistinctFills} follows: each is now a row's link to its copy, so setting the column again is no
     * longer a refill of what the script alone holds, as for a value the same in every row.
     */
    void generatedValuesRead(List<Token> tokens, Collection<String> tables) {
        for (String table : tables) {
            Set<String> generated = distinctFills.in(SchemaNames.key(table));
            if (!generated.isEmpty()) {
                rowIndependentFills.replaced(SchemaNames.key(table), tokens.stream()
                        .filter(token -> SchemaNames.isNamePart(token) && generated.contains(SchemaNames.key(
                                token.text()))).map(Token::text).toList());
            }
        }
    }

    /** The statement created {@code table} with {@code columns}, none of which holds anything yet. */
    void created(String table, List<String> columns) {
        unwritten.put(table, new HashSet<>(columns));
    }

    /**
     * The guard of an UPDATE that assigns only columns the run scope added and nothing has written since, whose
     * note names {@code unit}.
     */
    Optional<Guard> fillOfNewColumns(ColumnWrites.Update update, DatabaseScope databases, String unit) {
        String table = SchemaNames.key(update.table());
        return NewColumnFill.guardOf(update, databases, unwritten.getOrDefault(table, Set.of()),
                scopedWrites.getOrDefault(table, Map.of()), cleared.of(table), rowIndependentFills.of(table), unit);
    }

    /**
     * The guard of the columns an ALTER TABLE of {@code table} drops or renames: those the run scope added, and those
     * whose values it copied in full to another column, and those a precondition or the statement's own condition
     * ({@code checked}, by column key with the block that checked it, or "") requires to hold no value; a rename only
     * of those it added.
     */
    Optional<Guard> guardOfAlter(List<Token> tokens, int main, String table, DatabaseScope databases,
            Map<String, String> checked, String unit) {
        return AlteredColumnsGuard.guardOf(tokens, main, table, databases, checked, unit,
                new AlteredColumnsGuard.Facts(added.getOrDefault(table, Set.of()), copied.getOrDefault(table, Map.of()),
                        valueless.getOrDefault(table, Set.of()), purged.of(table),
                        column -> onlyCopies.noteOf(table, column), cleared, addedEmpty(table, unit)));
    }

    /**
     * An UPDATE of one table, the statement's own or a CTE's, ran on {@code databases}: its columns are written, and
     * those whose every value it copied have their copy, unless the statement {@code mayBeUndone}; a copy into a
     * narrower column, one of {@code narrowed} (by the key of the column copied, each with how), converts them.
     */
    void written(ColumnWrites.Update update, List<Token> tokens, DatabaseScope databases, boolean mayBeUndone,
            String at, Map<String, Conversion> narrowed) {
        String table = SchemaNames.key(update.table());
        Set<String> assigned = new HashSet<>(update.assigned().stream().map(SchemaNames::key).toList());
        if (databases.equals(DatabaseScope.ANY)) {
            unwritten.getOrDefault(table, new HashSet<>()).removeAll(assigned);
        } else {
            Map<String, List<DatabaseScope>> writes = scopedWrites.computeIfAbsent(table, k -> new HashMap<>());
            assigned.forEach(column -> writes.computeIfAbsent(column, k -> new ArrayList<>()).add(databases));
        }
        valueless.getOrDefault(table, new HashSet<>()).removeAll(assigned);
        cleared.written(table, assigned, update.cleared(), update.everyRow() && databases.equals(DatabaseScope.ANY),
                at);
        rowIndependentFills.written(table, assigned, update.rowIndependent(),
                update.everyRow() && databases.equals(DatabaseScope.ANY) && !mayBeUndone, at);
        distinctFills.written(table, assigned, update.distinctPerRow(), databases.equals(DatabaseScope.ANY)
                && !mayBeUndone, at);
        purged.written(table, assigned, List.of(), false, at);
        Map<String, ColumnCopy> copies = copied.computeIfAbsent(table, k -> new HashMap<>());
        copies.values().removeIf(copy -> assigned.contains(copy.target()));
        if (mayBeUndone) {
            return;
        }
        update.copiesOfEveryValue().forEach((source, target) -> {
            if (!source.equals(SchemaNames.key(target)) && narrowed.containsKey(source)) {
                // Into a narrower column the values arrive cut, clamped, or not at all: a conversion, not a copy
                copies.put(source, new ColumnCopy(SchemaNames.key(target), "values of "
                        + SchemaNames.asWrittenIn(tokens, source) + " converted to " + target + " at " + at + " "
                        + narrowed.get(source).how(), databases, true));
            } else if (!source.equals(SchemaNames.key(target))) {
                copies.put(source, new ColumnCopy(SchemaNames.key(target), "values of "
                        + SchemaNames.asWrittenIn(tokens, source) + " copied to " + target + " at " + at
                        + EnumCasts.how(update, source), databases, false));
            }
        });
        ConvertedBeforeDrop.record(update, tokens, at, databases, copies);
    }

    /**
     * The statement added rows to {@code table}: they carry values in the added columns, and in a copied column
     * values its copy lacks. A column the INSERT leaves out stays unwritten, and one it takes as it is from a column
     * filled with one value for every row is filled so too, unless the statement {@code mayBeUndone}.
     */
    void rowsAdded(String table, List<Token> tokens, int main, DatabaseScope databases, boolean mayBeUndone) {
        boolean everywhere = databases.equals(DatabaseScope.ANY) && !scopedWrites.containsKey(table);
        Set<String> unlisted = everywhere ? CreatedTableColumns.leftUnwritten(tokens, unwritten.get(table)) : Set.of();
        Set<String> unwrittenBefore = everywhere ? Set.copyOf(unwritten.getOrDefault(table, Set.of())) : Set.of();
        forget(table);
        if (!unwrittenBefore.isEmpty() && !mayBeUndone) {
            ColumnListCopy.takenAsTheyAre(tokens, main).ifPresent(taken -> rowIndependentFills.copied(taken,
                    unwrittenBefore));
        }
        if (!unlisted.isEmpty()) {
            unwritten.put(table, unlisted);
        }
    }

    /** The tables {@code renamed} now hold other tables (MySQL's {@code RENAME TABLE}, Oracle's RENAME). */
    void tablesRenamed(List<String> renamed) {
        renamed.forEach(this::forget);
        added.keySet().removeAll(renamed);
    }

    /**
     * The statement dropped {@code tables}, or renamed the first of them to {@code renamedTo}, which then holds what
     * it held.
     */
    void tablesDroppedOrRenamed(List<String> tables, Optional<String> renamedTo) {
        Set<String> unwrittenOfTable = unwritten.get(tables.get(0));
        renamedTo.ifPresent(renamed -> rowIndependentFills.renamed(tables.get(0), renamed));
        renamedTo.ifPresent(renamed -> distinctFills.renamed(tables.get(0), renamed));
        renamedTo.ifPresent(renamed -> purged.renamed(tables.get(0), renamed));
        tables.forEach(this::forget);
        onlyCopies.tablesDroppedOrRenamed(tables, renamedTo);
        if (unwrittenOfTable != null) {
            renamedTo.ifPresent(renamed -> unwritten.put(renamed, unwrittenOfTable));
        }
        added.keySet().removeAll(tables);
    }

    /**
     * The statement at {@code at} drops {@code dropped} of {@code table} (as written): a column an UPDATE copied one
     * of them into, in this table or, by {@code elsewhere} (target table and column, by the column copied), in
     * another, now holds the only copy of its values.
     */
    void sourcesDropped(String table, List<String> dropped, String at, Map<String, List<Map.Entry<String, String>>>
            elsewhere) {
        Map<String, ColumnCopy> copies = copied.getOrDefault(SchemaNames.key(table), Map.of());
        for (String column : dropped) {
            ColumnCopy copy = copies.get(SchemaNames.key(column));
            if (copy != null) {
                onlyCopies.sourceDropped(table, column, at, table, copy.target());
            }
            elsewhere.getOrDefault(SchemaNames.key(column), List.of()).forEach(into -> onlyCopies.sourceDropped(
                    table, column, at, into.getKey(), into.getValue()));
        }
    }

    /** An ALTER TABLE of {@code table} dropped {@code dropped} and renamed columns ({@code renamed}, old to new). */
    void columnsAltered(String table, List<String> dropped, Map<String, String> renamed) {
        Set<String> addedToTable = added.computeIfAbsent(table, k -> new HashSet<>());
        Set<String> unwrittenOfTable = unwritten.computeIfAbsent(table, k -> new HashSet<>());
        Map<String, ColumnCopy> copies = copied.computeIfAbsent(table, k -> new HashMap<>());
        Map<String, List<DatabaseScope>> writes = scopedWrites.computeIfAbsent(table, k -> new HashMap<>());
        for (Collection<String> replaced : List.of(dropped, renamed.keySet(), renamed.values())) {
            cleared.replaced(table, replaced);
            rowIndependentFills.replaced(table, replaced);
            distinctFills.replaced(table, replaced);
            purged.replaced(table, replaced);
        }
        onlyCopies.dropped(table, dropped);
        renamed.forEach((from, to) -> onlyCopies.renamed(table, from, to));
        for (String column : dropped) {
            String key = SchemaNames.key(column);
            addedToTable.remove(key);
            unwrittenOfTable.remove(key);
            writes.remove(key);
            copies.remove(key);
            copies.values().removeIf(copy -> copy.target().equals(key));
        }
        renamed.forEach((written, to) -> {
            String old = SchemaNames.key(written);
            String key = SchemaNames.key(to);
            for (Set<String> columns : List.of(addedToTable, unwrittenOfTable)) {
                boolean had = columns.remove(old);
                columns.remove(key);
                if (had) {
                    columns.add(key);
                }
            }
            writes.remove(key);
            List<DatabaseScope> writesOfOld = writes.remove(old);
            if (writesOfOld != null) {
                writes.put(key, writesOfOld);
            }
            copies.remove(key);
            ColumnCopy moved = copies.remove(old);
            if (moved != null) {
                copies.put(key, moved);
            }
            copies.replaceAll((source, copy) -> copy.target().equals(old) ? copy.retargeted(key) : copy);
        });
    }

    /** By table key, the columns the run scope added that nothing has written since. */
    Map<String, Set<String>> addedUnwritten() {
        Map<String, Set<String>> fresh = new HashMap<>();
        added.forEach((table, columns) -> {
            Set<String> stillUnwritten = new HashSet<>(columns);
            stillUnwritten.retainAll(unwritten.getOrDefault(table, Set.of()));
            if (!stillUnwritten.isEmpty()) {
                fresh.put(table, stillUnwritten);
            }
        });
        return fresh;
    }

    /**
     * A branch that may have run ended: a column it wrote, or dropped, is no longer one nothing has written since it
     * was added.
     */
    void branchEnded(ColumnFacts arm) {
        // what a branch wrote is not followed here: a fill known before it may have been overwritten by other values
        rowIndependentFills.clear();
        distinctFills.clear();
        purged.branchEnded(arm.purged);
        unwritten.forEach((table, columns) -> columns.retainAll(arm.unwritten.getOrDefault(table, Set.of())));
    }

    /** An UPDATE of a join or a table list: which columns it wrote is not known. */
    void forgetWritten() {
        unwritten.clear();
        cleared.clear();
        rowIndependentFills.clear();
        distinctFills.clear();
        purged.clear();
        copied.clear();
        valueless.clear();
        scopedWrites.clear();
    }

    /**
     * A statement that may or may not have run wrote {@code columns} of {@code table} (keys): they are no longer
     * unwritten, and what else was known of the table's values no longer holds.
     */
    void mayHaveWritten(String table, Set<String> columns) {
        Set<String> stillUnwritten = new HashSet<>(unwritten.getOrDefault(table, Set.of()));
        stillUnwritten.removeAll(columns);
        forget(table);
        if (!stillUnwritten.isEmpty()) {
            unwritten.put(table, stillUnwritten);
        }
    }

    /** Forgets what was known of {@code table}'s values; which columns the run scope added stays known. */
    void forget(String table) {
        unwritten.remove(table);
        cleared.forget(table);
        rowIndependentFills.forget(table);
        distinctFills.forget(table);
        purged.forget(table);
        valueless.remove(table);
        copied.remove(table);
        scopedWrites.remove(table);
    }

    /** Forgets every fact kept. */
    void clear() {
        forgetWritten();
        added.clear();
        onlyCopies.clear();
    }
}
