package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.schema.PartialCopies.MovedTo;
import io.github.sqlguard.schema.PartialCopies.PartialCopy;
import io.github.sqlguard.schema.PartialCopies.RowsCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The copies of a table's rows that one script run made which left rows or columns out, by the key of the table
 * copied from ({@link TableCopies} keeps the others): what a drop of that table then loses, and what the copy
 * kept of it.
 */
final class LeftOutCopies {

    /** Tables whose rows were copied without some of their rows or columns: what the copy left out. */
    private final Map<String, PartialCopy> partial = new HashMap<>();
    /** Copies of every row that left out some columns, by the table copied from. */
    private final Map<String, RowsCopy> leftOut = new HashMap<>();
    /**
     * The other copies of every row that left out columns, by the table copied from: a loop that writes each row's
     * values into two tables keeps in the second what the first left out.
     */
    private final Map<String, List<RowsCopy>> alsoLeftOut = new HashMap<>();

    /** A whole copy of the table {@code source} (a key) no longer holds what it took, as {@code note} says. */
    void noLongerWhole(String source, String note) {
        partial.put(source, new PartialCopy(note, "", "", Set.of(), Set.of()));
    }

    /** Rows of {@code source} were copied, leaving out what {@code note} says. */
    void copiedInPart(String source, String note) {
        PartialCopy known = partial.get(SchemaNames.key(source));
        if (known != null && !known.target().isEmpty()) {
            return; // a copy of every row says more of where the rows went, and its columns may guard a drop
        }
        // A table split by several copies, each of some rows: naming them all lets the reader see whether together
        // they keep every row, where the last alone reads as most of the rows lost.
        String notes = known == null || known.note().contains(note) ? note : known.note() + "; " + note;
        partial.put(SchemaNames.key(source), new PartialCopy(notes, "", "", Set.of(), Set.of()));
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
                moved, copy.fillTargetKey()));
    }

    /**
     * Every row of {@code written}'s source was copied but for {@code lost}, the columns it leaves out that held
     * values; {@code converted} names the ones it took only through a conversion.
     */
    void copiedWithout(ColumnListCopy.Partial written, List<String> lost, String at, Optional<String> createdAgain,
            boolean keyed, Map<String, String> converted) {
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
     * The guard, or the note, of a statement that destroys {@code table}: its {@code dropped} columns (null when it
     * loses every column), judged by what the copies that left something out kept, the columns {@code moved} moved
     * with their rows' key, what {@code carried} carried elsewhere and what {@code updates} copied.
     */
    Optional<Guard> guardOf(String table, List<String> dropped, MovedColumnCopies movedColumns,
            CarriedColumns carried, UpdateCopies updates) {
        String key = SchemaNames.key(table);
        RowsCopy rows = leftOut.get(key);
        PartialCopy copy = partial.get(key);
        String left = copy == null ? null : copy.note();
        Map<String, MovedTo> moved = movedColumns.of(key);
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
            String others = alsoDropped(table, notMoved, carried);
            Map<String, String> notes = new LinkedHashMap<>();
            dropped.stream().filter(c -> moved.containsKey(SchemaNames.key(c))).forEach(c -> notes.put(
                    SchemaNames.key(c), "values of " + c + " copied to " + moved.get(SchemaNames.key(c))
                            + " with their rows' key, but the statement also drops " + others));
            Optional<Guard> shortOfMoved = Guard.noting(Guard.Kind.CARRIED_COPY, notes);
            if (shortOfMoved.isPresent()) {
                return Optional.of(withUpdateCopies(shortOfMoved.get(), table, dropped, updates));
            }
        }
        if (rows == null) {
            return copy == null ? Optional.empty() : copy.guardBeside(table, dropped)
                    .or(() -> copy.guardAlone(table, dropped))
                    .or(() -> carriedEach(table, dropped, carried))
                    .or(() -> Optional.of(new Guard(Guard.Kind.INCOMPLETE_COPY, left)))
                    .map(guard -> guard.noteOnly() ? withUpdateCopies(guard, table, dropped, updates) : guard);
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
            Map<String, String> leftColumns = sameCopy && dropped != null ? unmoved.stream()
                    .collect(Collectors.toMap(SchemaNames::key, c -> "", (a, b) -> a)) : Map.of();
            Set<String> updated = updates.copiedOf(table, unmoved);
            List<String> notUpdated = unmoved.stream().filter(c -> !updated.contains(SchemaNames.key(c))).toList();
            if (!sameCopy || updated.isEmpty()) {
                Guard incomplete = new Guard(Guard.Kind.INCOMPLETE_COPY, sameCopy
                        ? rows.note(unmoved, alsoLeftOut.getOrDefault(key, List.of())) : left, leftColumns);
                return Optional.of(withUpdateCopies(incomplete, table, dropped, updates));
            }
            // The columns the copy left out that an UPDATE took elsewhere are named with where they went, not as lost
            String leftOutNote = notUpdated.isEmpty() ? ""
                    : rows.note(notUpdated, alsoLeftOut.getOrDefault(key, List.of())) + "; ";
            String updatedNote = updates.note(table, unmoved.stream()
                    .filter(c -> updated.contains(SchemaNames.key(c))).toList()).orElse("");
            return Optional.of(new Guard(Guard.Kind.INCOMPLETE_COPY, leftOutNote + updatedNote, leftColumns));
        }
        if (dropped == null) {
            return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, "rows copied to " + rows.target() + " at " + rows.at()
                    + lost.stream().map(c -> ", column " + c + " to " + moved.get(SchemaNames.key(c)))
                            .collect(Collectors.joining())));
        }
        return rows.guardOfColumns(table, dropped, moved);
    }

    /**
     * What the note on a moved column says of the {@code notMoved} columns of {@code table} the same ALTER TABLE
     * drops: those a copy took from some rows only, or without their rows' key, apart from those no copy took, as
     * the first are not lost outright ({@code "weight, whose values copies kept only in part"}).
     */
    private static String alsoDropped(String table, List<String> notMoved, CarriedColumns carried) {
        Set<String> inPart = carried.shortfallOf(table, notMoved).map(guard -> guard.columns().keySet())
                .orElse(Set.of());
        List<String> partly = notMoved.stream().filter(c -> inPart.contains(SchemaNames.key(c))).toList();
        List<String> untaken = notMoved.stream().filter(c -> !inPart.contains(SchemaNames.key(c))).toList();
        List<String> parts = new ArrayList<>();
        if (!partly.isEmpty()) {
            parts.add(String.join(", ", partly) + ", whose values copies kept only in part");
        }
        if (!untaken.isEmpty()) {
            parts.add(String.join(", ", untaken) + ", which no copy took");
        }
        return String.join(", and ", parts);
    }

    /**
     * {@code guard}, a note that guards nothing, extended by where UPDATEs copied values of {@code table} (a drop of
     * its {@code dropped} columns, of every column when null), when any did.
     */
    private static Guard withUpdateCopies(Guard guard, String table, List<String> dropped, UpdateCopies updates) {
        Optional<String> note = updates.note(table, dropped);
        if (note.isEmpty()) {
            return guard;
        }
        Map<String, String> columns = new LinkedHashMap<>();
        guard.columns().forEach((column, text) -> columns.put(column, text.isEmpty() ? text
                : text + "; " + note.get()));
        return new Guard(guard.kind(), guard.description() + "; " + note.get(), columns);
    }

    /**
     * The notes on dropped columns of {@code table} that a copy from some rows carried, each of them, to another
     * table ({@link CarriedColumns}): where their values went says more than what the copy left out. Empty for a
     * DROP TABLE or when a dropped column was not carried.
     */
    private static Optional<Guard> carriedEach(String table, List<String> dropped, CarriedColumns carried) {
        if (dropped == null) {
            return Optional.empty();
        }
        return carried.shortfallOf(table, dropped).filter(guard -> dropped.stream()
                .allMatch(column -> guard.columns().containsKey(SchemaNames.key(column))));
    }

    /** Forgets the copies into the table {@code key} names, whose rows were removed. */
    void forgetCopiesInto(String key) {
        leftOut.values().removeIf(rows -> SchemaNames.key(rows.target()).equals(key));
        alsoLeftOut.values().forEach(copies -> copies.removeIf(rows -> SchemaNames.key(rows.target()).equals(key)));
        partial.values().removeIf(copy -> !copy.target().isEmpty() && SchemaNames.key(copy.target()).equals(key));
    }

    /** Forgets every copy of the table {@code key} names. */
    void forget(String key) {
        partial.remove(key);
        leftOut.remove(key);
        alsoLeftOut.remove(key);
    }

    /** Follows the tables that {@code clauses} rename. */
    void follow(List<DestructiveClause> clauses) {
        clauses.stream().filter(CopiedTableChanges::renamesTable)
                .forEach(clause -> copyRenamed(clause.table(), clause.detail()));
        CopiedTableChanges.followNames(partial, clauses);
        CopiedTableChanges.followNames(leftOut, clauses);
        CopiedTableChanges.followNames(alsoLeftOut, clauses);
    }

    /**
     * A table that holds a copy that left something out was renamed to {@code renamed}: the copy is there now, and a
     * later drop of the old name drops another table.
     */
    private void copyRenamed(String table, String renamed) {
        String key = SchemaNames.key(table);
        leftOut.replaceAll((source, rows) -> !SchemaNames.key(rows.target()).equals(key) ? rows
                : new RowsCopy(renamed, rows.at(), rows.missing(), rows.kept(), rows.keyed(),
                        rows.converted()));
        alsoLeftOut.values().forEach(copies -> copies.replaceAll(rows -> !SchemaNames.key(rows.target()).equals(key)
                ? rows : new RowsCopy(renamed, rows.at(), rows.missing(), rows.kept(), rows.keyed(),
                        rows.converted())));
        partial.replaceAll((source, copy) -> copy.target().isEmpty() || !SchemaNames.key(copy.target()).equals(key)
                ? copy : new PartialCopy(copy.note(), renamed, copy.at(), copy.asTheyAre(), copy.moved(),
                        copy.fillTargetKey()));
    }

    /** The tables, as written, that these copies went to. */
    List<String> copiesInto() {
        List<String> targets = new ArrayList<>();
        leftOut.values().forEach(rows -> targets.add(rows.target()));
        alsoLeftOut.values().forEach(copies -> copies.forEach(rows -> targets.add(rows.target())));
        partial.values().stream().map(PartialCopy::target).filter(target -> !target.isEmpty()).forEach(targets::add);
        return targets;
    }
}
