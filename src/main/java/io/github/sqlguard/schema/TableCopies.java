package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.schema.PartialCopies.MovedTo;
import io.github.sqlguard.schema.PartialCopies.PartialCopy;
import io.github.sqlguard.schema.PartialCopies.RowsCopy;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The copies of a table's rows that one script run made ({@code INSERT INTO t_new SELECT .. FROM t}), by the name
 * of the table copied from: dropping that table later loses nothing, or only what the copy left out. A name is
 * followed through a rename (MySQL's swap, {@code RENAME TABLE t TO t_old, t_new TO t}, leaves t's rows in t_old)
 * and forgotten once its table is dropped or another takes the name: from then on it means a table whose rows
 * nothing copied (the rebuilt t of SQLite's copy, drop and rename, or of the swap).
 */
final class TableCopies {

    /**
     * What removes rows from a table, all of them or some: a copy kept there no longer holds what it took
     * ({@link DestructiveClause}'s kinds).
     */
    private static final Set<ClauseKind> REMOVE_ROWS = EnumSet.of(ClauseKind.DROPPED_TABLE,
            ClauseKind.TRUNCATED_TABLE, ClauseKind.TRUNCATED_PARTITION, ClauseKind.DISCARDED_ROWS,
            ClauseKind.OVERWRITTEN_TABLE, ClauseKind.EMPTIED_APPEND_SOURCE, ClauseKind.TRUNCATED_SWITCH_TARGET,
            ClauseKind.DROPPED_PARTITION, ClauseKind.PARTITIONS_DROPPED_BY_CALL, ClauseKind.EXPIRED_ROWS,
            ClauseKind.DELETED_DUPLICATE_ROWS, ClauseKind.REWOUND_TABLE);

    /** What drops a schema or database with every table in it ({@link DestructiveClause#name()} names it). */
    private static final Set<ClauseKind> REMOVE_SCHEMAS = EnumSet.of(ClauseKind.DROPPED_SCHEMA,
            ClauseKind.DROPPED_USER_SCHEMA, ClauseKind.DROPPED_DATABASE);

    private final Map<String, FullCopy> full = new HashMap<>();
    /**
     * Tables that took every row and column of another, by key, with the key of that other table: kept after the
     * other is dropped, so that a copy back into a table of its name is known as the restore of a rebuild.
     */
    private final Map<String, String> wholeCopyOf = new HashMap<>();
    /** Tables whose rows were copied without some of their rows or columns: what the copy left out. */
    private final Map<String, PartialCopy> partial = new HashMap<>();
    /** Copies of every row that left out some columns, by the table copied from. */
    private final Map<String, RowsCopy> leftOut = new HashMap<>();
    /**
     * The other copies of every row that left out columns, by the table copied from: a loop that writes each row's
     * values into two tables keeps in the second what the first left out.
     */
    private final Map<String, List<RowsCopy>> alsoLeftOut = new HashMap<>();
    /** Columns moved to another table with their rows' primary key: where to, by table copied from and column. */
    private final Map<String, Map<String, MovedTo>> movedColumns = new HashMap<>();

    /** Columns copied to another table in a way that guards nothing. */
    private final CarriedColumns carried = new CarriedColumns();
    /** Columns moved to a table of their own whose rows the source's rows were then pointed at. */
    private final CopyBackLinks backLinks = new CopyBackLinks();

    /**
     * A copy of every row, and of every column unless {@code verified} is false (a column list read from a table
     * whose columns the replay does not all know): the table it went to (a key), and the note a guard gives.
     *
     * @param targetName the table it went to, as written
     * @param at where the copy stands ({@code "line 4"})
     * @param columns the keys of the columns the copy read from its source, which keep their names in the copy; null
     *     when every column of the copy may hold a value of the source ({@code SELECT *}, a list not verified)
     */
    private record FullCopy(String target, String note, boolean verified, String targetName, String at,
            Set<String> columns) {

        /** Which of {@code changed} (columns of the copy, as written) may have held values of the source. */
        List<String> copiedAmong(List<String> changed) {
            return changed.stream().filter(c -> columns == null || columns.contains(SchemaNames.key(c))).toList();
        }
    }

    /**
     * Records the copy, if any, that the statement of {@code tokens} (its main keyword at {@code main}) makes, at
     * {@code at} ({@code "line 4"}), {@code before} being the schema just before it; {@code unwrittenIn} gives, by a
     * table's key, the keys of its columns that hold nothing anyone wrote, and {@code distinctIn} those that hold a
     * value of their own in every row ({@link DistinctFills}).
     */
    void observe(List<Token> statement, int main, SchemaView before, boolean selectIntoMakesTable, String at,
            Function<String, Set<String>> unwrittenIn, Function<String, Set<String>> distinctIn, Dialect dialect) {
        CopiesMade.record(this, statement, main, before, selectIntoMakesTable, at, unwrittenIn, distinctIn, dialect);
    }

    /** The notes on drops of columns, or of a table, whose values copies carried elsewhere without guarding them. */
    CarriedColumns carried() {
        return carried;
    }

    /** The columns moved to a table of their own and linked back, which a drop then loses nothing of. */
    CopyBackLinks backLinks() {
        return backLinks;
    }

    /**
     * Every row and column of {@code source} was copied to {@code target} at {@code at}, by a list reading
     * {@code columns} (null for {@code SELECT *}); {@code how} tells how a join kept every row, or is empty.
     */
    void copied(String source, String target, String at, String how, Set<String> columns) {
        full.put(SchemaNames.key(source), new FullCopy(SchemaNames.key(target), "rows copied to " + target + " at "
                + at + how, true, target, at, columns));
        wholeCopyOf.put(SchemaNames.key(target), SchemaNames.key(source));
    }

    /**
     * The script changed {@code columns} of {@code table} at {@code at}, as {@code change} says ({@code "drops"},
     * {@code "overwrites"}): a copy of another table's rows kept there no longer holds the values it took into those
     * columns, so destroying that other table loses them ({@code INSERT INTO t_new SELECT * FROM t; UPDATE t_new SET
     * note = NULL; DROP TABLE t}). The copy table was created by the script, so the change itself is not reported;
     * the destruction of its source is, and names it.
     */
    void copyChanged(String table, List<String> columns, String change, String at) {
        String key = SchemaNames.key(table);
        if (!columns.isEmpty()) {
            backLinks.copyChanged(table);
        }
        Map<String, FullCopy> changed = new HashMap<>();
        full.forEach((source, copy) -> {
            if (copy.target().equals(key) && !copy.copiedAmong(columns).isEmpty()) {
                changed.put(source, copy);
            }
        });
        changed.forEach((source, copy) -> {
            List<String> lost = copy.copiedAmong(columns);
            full.remove(source);
            wholeCopyOf.remove(key);
            partial.put(source, new PartialCopy("the copy to " + copy.targetName() + " at " + copy.at()
                    + " no longer holds " + (lost.size() == 1 ? "column " : "columns ") + String.join(", ", lost)
                    + ", which " + at + " " + change, "", "", Set.of(), Set.of()));
        });
    }

    /**
     * The script overwrote {@code columns} of {@code table} at {@code at} only in the rows an UPDATE's WHERE picks by
     * their own values ({@code UPDATE t_new SET hidden = 0 WHERE hidden = 'FALSE'}): a data fix, which run on the
     * table copied would lose the same values and pass. A copy kept there still guards the drop of its source; its
     * note says which rows it no longer holds as they were.
     */
    void copyFixed(String table, List<String> columns, String at) {
        String key = SchemaNames.key(table);
        if (!columns.isEmpty()) {
            backLinks.copyChanged(table);
        }
        full.replaceAll((source, copy) -> {
            List<String> fixed = copy.copiedAmong(columns);
            if (!copy.target().equals(key) || fixed.isEmpty()) {
                return copy;
            }
            return new FullCopy(copy.target(), copy.note() + "; " + at + " overwrites " + (fixed.size() == 1
                    ? "column " : "columns ") + String.join(", ", fixed) + " in the rows its WHERE selects",
                    copy.verified(), copy.targetName(), copy.at(), copy.columns());
        });
    }

    /**
     * True when {@code source} holds a copy of every row and column of a table named {@code target}: copying it
     * back into {@code target}, however the columns are listed, is the restore of a rebuild
     * ({@code CREATE TABLE t_tmp AS SELECT * FROM t; DROP TABLE t; CREATE TABLE t (..); INSERT INTO t (..) SELECT ..
     * FROM t_tmp}).
     */
    boolean holdsWholeCopyOf(String source, String target) {
        return SchemaNames.key(target).equals(wholeCopyOf.get(SchemaNames.key(source)));
    }

    /**
     * Every row of {@code source} was copied to {@code target} by a column list that may or may not name all its
     * columns, as {@code note} says; a copy known to be full made before stays the one a guard names.
     */
    void copiedByUnverifiedList(String source, String target, String at, String note) {
        FullCopy earlier = full.get(SchemaNames.key(source));
        if (earlier == null || !earlier.verified()) {
            full.put(SchemaNames.key(source), new FullCopy(SchemaNames.key(target), note, false, target, at, null));
        }
    }

    /**
     * The script changed rows it may have copied into {@code table} at {@code at}, without saying which columns
     * ({@code REPLACE INTO}, an upsert, a MERGE's UPDATE, an UPDATE of a join): a copy kept there no longer holds
     * what it took, so destroying its source loses it.
     */
    void rowsOverwritten(String table, String at) {
        String key = SchemaNames.key(table);
        backLinks.copyChanged(table);
        Map<String, FullCopy> changed = new HashMap<>();
        full.forEach((source, copy) -> {
            if (copy.target().equals(key)) {
                changed.put(source, copy);
            }
        });
        forgetCopiesInto(table);
        changed.forEach((source, copy) -> partial.put(source, new PartialCopy("the copy to " + copy.targetName()
                + " at " + copy.at() + " no longer holds what it copied, which " + at + " overwrites", "", "",
                Set.of(), Set.of())));
    }

    /**
     * Rows of {@code table} were removed (DROP TABLE, TRUNCATE, DELETE): a copy made there no longer keeps what it
     * copied ({@code CREATE TABLE b AS SELECT * FROM t; DROP TABLE b; DROP TABLE t} loses every row of t).
     */
    void forgetCopiesInto(String table) {
        String key = SchemaNames.key(table);
        backLinks.copyChanged(table);
        wholeCopyOf.remove(key);
        full.values().removeIf(copy -> copy.target().equals(key));
        leftOut.values().removeIf(rows -> SchemaNames.key(rows.target()).equals(key));
        alsoLeftOut.values().forEach(copies -> copies.removeIf(rows -> SchemaNames.key(rows.target()).equals(key)));
        for (Map<String, MovedTo> columns : movedColumns.values()) {
            columns.values().removeIf(moved -> SchemaNames.key(moved.target()).equals(key));
        }
        partial.values().removeIf(copy -> !copy.target().isEmpty() && SchemaNames.key(copy.target()).equals(key));
    }

    /** Rows of {@code source} were copied, leaving out what {@code note} says. */
    void copiedInPart(String source, String note) {
        PartialCopy known = partial.get(SchemaNames.key(source));
        if (known != null && !known.target().isEmpty()) {
            return; // a copy of every row says more of where the rows went, and its columns may guard a drop
        }
        partial.put(SchemaNames.key(source), new PartialCopy(note, "", "", Set.of(), Set.of()));
    }

    /**
     * Every row of {@code copy}'s source was copied by a column list from a table the replay does not know in full,
     * as {@code note} says: a drop of the table may lose the columns the list leaves out, a drop of columns it copied
     * as they are ({@link PartialCopies.PartialCopy#guardBeside}) loses nothing when the columns beside them tell the
     * rows apart.
     */
    void copiedByUnknownList(ColumnListCopy.Unverified copy, String at, String note) {
        // Of a copy that keeps only the rows with a value in a column, only that column's values all went along
        Set<String> moved = copy.everyRow() ? copy.asTheyAre() : copy.withValueIn().stream()
                .filter(copy.asTheyAre()::contains).collect(Collectors.toSet());
        partial.put(SchemaNames.key(copy.source()), new PartialCopy(note, copy.target(), at, copy.asTheyAre(),
                moved));
    }

    /**
     * Every row of {@code written}'s source was copied but for the columns it leaves out, which are lost unless
     * another copy moves them ({@link #moved}) or they are among {@code unwritten}, the keys of the source's columns
     * that hold nothing anyone wrote; {@code createdAgain} says why the source may have columns its last definition
     * lacks.
     */
    void copiedWithout(ColumnListCopy.Partial written, String at, Set<String> unwritten,
            Optional<String> createdAgain, boolean keyed, Map<String, String> converted) {
        List<String> lost = written.missing().stream().filter(c -> !unwritten.contains(SchemaNames.key(c))).toList();
        if (lost.isEmpty() && converted.isEmpty()) {
            // The columns it leaves out hold only their defaults (a rebuild's new table that got a column the copy
            // into it did not fill): leaving them out again loses no value, so this copy is a whole one.
            List<String> left = written.missing();
            copied(written.source(), written.target(), at, ", which leaves out " + (left.size() == 1 ? "column "
                    : "columns ") + String.join(", ", left) + " that nothing wrote", written.kept());
            return;
        }
        Set<String> kept = written.kept().stream().filter(c -> converted.keySet().stream()
                .noneMatch(name -> SchemaNames.key(name).equals(c))).collect(Collectors.toSet());
        ColumnListCopy.Partial copy = new ColumnListCopy.Partial(written.source(), written.target(), lost,
                Set.copyOf(kept));
        String source = SchemaNames.key(copy.source());
        RowsCopy earlier = leftOut.get(source);
        RowsCopy rows = new RowsCopy(copy.target(), at, copy.missing(), copy.kept(), keyed, Map.copyOf(converted));
        if (earlier != null && earlier.notKept().size() <= rows.notKept().size()) {
            // the copy that keeps most columns is the rebuild; the others move columns elsewhere
            alsoLeftOut.computeIfAbsent(source, k -> new ArrayList<>()).add(rows);
            return;
        }
        if (earlier != null) {
            alsoLeftOut.computeIfAbsent(source, k -> new ArrayList<>()).add(earlier);
        }
        partial.put(source, new PartialCopy(rows.note(rows.notKept()) + createdAgain.map(why -> "; " + why)
                .orElse(""), copy.target(), at, Set.of(), Set.of()));
        leftOut.put(source, rows);
    }

    /**
     * {@code moved}'s columns were copied, with the primary key, from every row that has a value in them; those of
     * {@code converted} (as the source spells them) only through a conversion, so they were not moved.
     */
    void moved(ColumnListCopy.MovedColumns moved, String at, Set<String> converted) {
        Map<String, MovedTo> columns = movedColumns.computeIfAbsent(SchemaNames.key(moved.source()),
                k -> new HashMap<>());
        moved.columns().stream().filter(column -> converted.stream().noneMatch(c -> SchemaNames.key(c).equals(column)))
                .forEach(column -> columns.put(column, new MovedTo(moved.target(), at)));
    }

    /**
     * The guard of an UPDATE that overwrites only columns an earlier copy moved to another table with their rows'
     * key ({@code INSERT INTO twofactor SELECT .., uuid, totp_secret FROM users ..; UPDATE users SET totp_secret =
     * NULL}): the values it overwrites live on there.
     */
    Optional<Guard> guardOfOverwrite(ColumnWrites.Update update) {
        Map<String, MovedTo> moved = movedColumns.getOrDefault(SchemaNames.key(update.table()), Map.of());
        if (update.assigned().isEmpty()
                || !update.assigned().stream().allMatch(c -> moved.containsKey(SchemaNames.key(c)))) {
            return Optional.empty();
        }
        return Optional.of(new Guard(Guard.Kind.VALUES_MOVED, update.assigned().stream()
                .map(c -> "values of " + c + " copied to " + moved.get(SchemaNames.key(c)))
                .collect(Collectors.joining(", "))));
    }

    /** Rows were added to {@code table} (a key): their values were not moved with the others. */
    void forgetMoved(String table) {
        movedColumns.remove(table);
    }

    /**
     * The guard of a statement that destroys {@code targets} (not empty): a full copy of each, or a partial one.
     *
     * @param dropped the columns an ALTER TABLE of one table drops, which are all it loses; null when the statement
     *     loses every column (DROP TABLE, TRUNCATE, DELETE)
     */
    Optional<Guard> guardOf(List<String> targets, List<String> dropped) {
        if (targets.stream().allMatch(t -> full.containsKey(SchemaNames.key(t)))) {
            Optional<FullCopy> unverified = targets.stream().map(t -> full.get(SchemaNames.key(t)))
                    .filter(copy -> !copy.verified()).findFirst();
            if (unverified.isEmpty()) {
                return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, full.get(SchemaNames.key(targets.get(0))).note()));
            }
            // Which columns a DROP COLUMN loses the list may have left out: only a whole table's loss is eased
            return dropped == null ? Optional.of(new Guard(Guard.Kind.UNVERIFIED_COPY, unverified.get().note()))
                    : Optional.empty();
        }
        if (targets.size() != 1 || dropped != null && dropped.isEmpty()) {
            return Optional.empty();
        }
        Optional<Guard> linked = dropped == null ? Optional.empty() : backLinks.guardOf(targets.get(0), dropped);
        if (linked.isPresent()) {
            return linked;
        }
        String key = SchemaNames.key(targets.get(0));
        RowsCopy rows = leftOut.get(key);
        PartialCopy copy = partial.get(key);
        String left = copy == null ? null : copy.note();
        Map<String, MovedTo> moved = movedColumns.getOrDefault(key, Map.of());
        if (rows == null && dropped != null && dropped.stream().allMatch(c -> moved.containsKey(SchemaNames.key(c)))) {
            // INSERT INTO share (site_id, slug) SELECT id, share_id FROM site WHERE share_id IS NOT NULL, then
            // ALTER TABLE site DROP COLUMN share_id: every value lives on in share, beside its row's key.
            Map<String, String> notes = new LinkedHashMap<>();
            dropped.forEach(c -> notes.put(SchemaNames.key(c), "values of " + c + " copied to "
                    + moved.get(SchemaNames.key(c))));
            return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, String.join("; ", notes.values()), notes));
        }
        if (rows == null && copy == null && dropped != null) {
            // The same copy, but the ALTER TABLE drops other columns too: what it loses of those stays an error, and
            // the finding on a moved column says why it is not guarded
            List<String> notMoved = dropped.stream().filter(c -> !moved.containsKey(SchemaNames.key(c))).toList();
            Map<String, String> notes = new LinkedHashMap<>();
            dropped.stream().filter(c -> moved.containsKey(SchemaNames.key(c))).forEach(c -> notes.put(
                    SchemaNames.key(c), "values of " + c + " copied to " + moved.get(SchemaNames.key(c))
                            + " with their rows' key, but the statement also drops " + String.join(", ", notMoved)
                            + ", which the copy did not move"));
            Optional<Guard> shortOfMoved = Guard.noting(Guard.Kind.CARRIED_COPY, notes);
            if (shortOfMoved.isPresent()) {
                return shortOfMoved;
            }
        }
        if (rows == null) {
            return copy == null ? Optional.empty() : copy.guardBeside(targets.get(0), dropped)
                    .or(() -> copy.guardAlone(targets.get(0), dropped))
                    .or(() -> carriedEach(targets.get(0), dropped))
                    .or(() -> Optional.of(new Guard(Guard.Kind.INCOMPLETE_COPY, left)));
        }
        // A column the copy neither read nor left out came after it: the copy holds none of its values
        List<String> lost = dropped == null ? rows.notKept() : dropped.stream()
                .filter(c -> !rows.kept().contains(SchemaNames.key(c))).toList();
        List<String> unmoved = lost.stream().filter(c -> !moved.containsKey(SchemaNames.key(c))).toList();
        if (dropped != null && !unmoved.isEmpty()) {
            // Of a column added or renamed after the copy, the copy says nothing: other guards may
            unmoved = unmoved.stream().filter(c -> rows.notKept().stream()
                    .anyMatch(m -> SchemaNames.key(m).equals(SchemaNames.key(c)))).toList();
            if (unmoved.isEmpty()) {
                return Optional.empty();
            }
        }
        if (!unmoved.isEmpty()) {
            boolean sameCopy = left == null || left.equals(rows.note(rows.notKept()));
            return Optional.of(new Guard(Guard.Kind.INCOMPLETE_COPY, sameCopy
                    ? rows.note(unmoved, alsoLeftOut.getOrDefault(key, List.of())) : left,
                    sameCopy && dropped != null ? unmoved.stream().collect(Collectors.toMap(SchemaNames::key,
                            c -> "", (a, b) -> a)) : Map.of()));
        }
        if (dropped == null) {
            return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, "rows copied to " + rows.target() + " at " + rows.at()
                    + lost.stream().map(c -> ", column " + c + " to " + moved.get(SchemaNames.key(c)))
                            .collect(Collectors.joining())));
        }
        return rows.guardOfColumns(targets.get(0), dropped, moved);
    }

    /**
     * The notes on dropped columns of {@code table} that a copy from some rows carried, each of them, to another
     * table ({@link CarriedColumns}): where their values went says more than what the copy left out. Empty for a
     * DROP TABLE or when a dropped column was not carried.
     */
    private Optional<Guard> carriedEach(String table, List<String> dropped) {
        if (dropped == null) {
            return Optional.empty();
        }
        return carried.shortfallOf(table, dropped).filter(guard -> dropped.stream()
                .allMatch(column -> guard.columns().containsKey(SchemaNames.key(column))));
    }

    /**
     * A column of {@code table} that told its rows apart ({@link DistinctFills}) was written again: a copy made
     * beside it no longer says which row each value belonged to, so the copies that left columns of the table out
     * guard nothing from now on.
     */
    void rowLinkOverwritten(String table) {
        String key = SchemaNames.key(table);
        partial.remove(key);
        leftOut.remove(key);
        alsoLeftOut.remove(key);
    }

    /** Forgets every copy from or into the table {@code key} names, as the name now means another table. */
    void forgetTable(String key) {
        forget(List.of(key));
        forgetCopiesInto(key);
        wholeCopyOf.remove(key);
        wholeCopyOf.values().removeIf(key::equals);
    }

    /** Forgets every copy of {@code tables}, whose names may from now on mean other tables. */
    void forget(List<String> tables) {
        tables.forEach(table -> {
            String key = SchemaNames.key(table);
            full.remove(key);
            partial.remove(key);
            leftOut.remove(key);
            alsoLeftOut.remove(key);
            movedColumns.remove(key);
            carried.forget(key);
            backLinks.forget(key);
        });
    }

    /** Follows the tables that {@code clauses} (one statement's, at {@code at}) drop, empty or rename. */
    void follow(List<DestructiveClause> clauses, String at) {
        for (DestructiveClause clause : clauses) {
            if (clause.table() != null && REMOVE_ROWS.contains(clause.kind())) {
                forgetCopiesInto(clause.table());
            } else if (clause.kind() == ClauseKind.DROPPED_ALL_OBJECTS) {
                copiesInto().forEach(this::forgetCopiesInto);
            } else if (clause.name() != null && REMOVE_SCHEMAS.contains(clause.kind())) {
                copiesInto().stream().filter(target -> inSchema(target, clause.name())).forEach(this::forgetCopiesInto);
            }
        }
        clauses.stream().filter(TableCopies::renamesTable)
                .forEach(clause -> copyRenamed(clause.table(), clause.detail(), at));
        followNames(full, clauses);
        followNames(partial, clauses);
        followNames(leftOut, clauses);
        followNames(alsoLeftOut, clauses);
        followNames(movedColumns, clauses);
        clauses.stream().filter(TableCopies::renamesTable).forEach(clause -> {
            wholeCopyOf.remove(SchemaNames.key(clause.table()));
            wholeCopyOf.remove(SchemaNames.key(clause.detail()));
        });
    }

    /**
     * A table that holds a copy was renamed to {@code renamed}: the copy is there now, and a later drop of the old
     * name drops another table. Notes keep naming the table the copy went to, with the rename.
     */
    private void copyRenamed(String table, String renamed, String at) {
        String key = SchemaNames.key(table);
        full.replaceAll((source, copy) -> !copy.target().equals(key) ? copy : new FullCopy(SchemaNames.key(renamed),
                copy.note() + ", renamed to " + renamed + " at " + at, copy.verified(), copy.targetName(), copy.at(),
                copy.columns()));
        leftOut.replaceAll((source, rows) -> !SchemaNames.key(rows.target()).equals(key) ? rows
                : new RowsCopy(renamed, rows.at(), rows.missing(), rows.kept(), rows.keyed(),
                        rows.converted()));
        alsoLeftOut.values().forEach(copies -> copies.replaceAll(rows -> !SchemaNames.key(rows.target()).equals(key)
                ? rows : new RowsCopy(renamed, rows.at(), rows.missing(), rows.kept(), rows.keyed(),
                        rows.converted())));
        movedColumns.values().forEach(columns -> columns.replaceAll((column, moved) ->
                !SchemaNames.key(moved.target()).equals(key) ? moved : new MovedTo(renamed, moved.at())));
        partial.replaceAll((source, copy) -> copy.target().isEmpty() || !SchemaNames.key(copy.target()).equals(key)
                ? copy : new PartialCopy(copy.note(), renamed, copy.at(), copy.asTheyAre(), copy.moved()));
    }

    /** The tables, as written, that the copies kept went to. */
    private List<String> copiesInto() {
        List<String> targets = new ArrayList<>();
        full.values().forEach(copy -> targets.add(copy.targetName()));
        leftOut.values().forEach(rows -> targets.add(rows.target()));
        alsoLeftOut.values().forEach(copies -> copies.forEach(rows -> targets.add(rows.target())));
        movedColumns.values().forEach(columns -> columns.values().forEach(moved -> targets.add(moved.target())));
        partial.values().stream().map(PartialCopy::target).filter(target -> !target.isEmpty()).forEach(targets::add);
        return targets;
    }

    /** True when {@code table}, as written, names {@code schema} (or a database of that name) as its qualifier. */
    private static boolean inSchema(String table, String schema) {
        String qualifier = ObjectNames.normalize(table);
        int dot = qualifier.lastIndexOf('.');
        String dropped = ObjectNames.normalize(ObjectNames.lastPart(schema));
        return dot > 0 && List.of(qualifier.substring(0, dot).split("\\.")).contains(dropped);
    }

    /**
     * Moves what {@code copies} knows of each table {@code clauses} rename to its new name, whose older entry no
     * longer applies, and forgets what it knows of each table they drop.
     */
    private static <V> void followNames(Map<String, V> copies, List<DestructiveClause> clauses) {
        Map<String, V> renamed = new HashMap<>();
        for (DestructiveClause clause : clauses) {
            if (clause.table() == null || !renamesTable(clause) && clause.kind() != ClauseKind.DROPPED_TABLE) {
                continue;
            }
            V copy = copies.remove(SchemaNames.key(clause.table()));
            if (renamesTable(clause) && copy != null) {
                renamed.put(SchemaNames.key(clause.detail()), copy);
            }
        }
        clauses.stream().filter(TableCopies::renamesTable).forEach(c -> copies.remove(SchemaNames.key(c.detail())));
        copies.putAll(renamed);
    }

    private static boolean renamesTable(DestructiveClause clause) {
        return clause.kind() == ClauseKind.RENAMED_TABLE && clause.detail() != null;
    }

    /**
     * Forgets the copies of the tables {@code statement} drops or renames, when no statement model follows them
     * (as {@link LossGuards} does with one): the name then means a table whose rows nothing copied.
     */
    void forgetDroppedBy(Statement statement) {
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        if (tokens.isEmpty()) {
            return;
        }
        if (tokens.get(main).isWord("DROP")) {
            forget(DestroyedTables.of(tokens, main));
            DestroyedTables.of(tokens, main).forEach(this::forgetCopiesInto);
        } else if (AlterTableRenames.renamesTable(tokens, main) || tokens.get(main).isWord("RENAME")) {
            // Both names of every pair (MySQL's RENAME TABLE t TO t_old, t_new TO t) now mean other tables.
            forget(tokens.stream().map(token -> SchemaNames.unquoted(token.text())).toList());
        }
    }
}
