package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Columns copied to another table in a way that guards nothing ({@link SelectedRowsCopy.CarriedColumns}): only from
 * some rows, or without the key that says which row each value belonged to. A drop of such a column, or of its
 * table, is still a loss; its finding says where the values went, for the reader to judge.
 */
final class CarriedColumns {

    /**
     * How many copies a note names at most: a history that copies some rows of a table in dozens of statements would
     * otherwise make a finding of pages, which no reader judges better than one naming the first few and a count.
     */
    static final int MOST_COPIES_NAMED = 3;

    /** By table copied from and column: a note per copy of the column, what a drop of the column gives. */
    private final Map<String, Map<String, List<Note>>> byColumn = new HashMap<>();
    /** By table copied from, a note per copy naming its columns: what a drop of the table gives. */
    private final Map<String, List<Note>> byTable = new HashMap<>();

    /** What one copy says, and the key of the table it went to, whose drop or emptying takes the values again. */
    private record Note(String target, String text) {
    }

    /**
     * {@code carried}'s columns went to another table at {@code at} from some rows: a column the rows left out hold no
     * value in lost nothing there but which row each value belonged to, unless the key went with it ({@link TableCopies}, which follows such moves).
     */
    void record(SelectedRowsCopy.CarriedColumns carried, String at) {
        Map<String, List<Note>> notes = byColumn.computeIfAbsent(SchemaNames.key(carried.source()),
                k -> new HashMap<>());
        String target = SchemaNames.key(carried.target());
        Map<String, List<String>> columnsByHow = new LinkedHashMap<>();
        for (String column : carried.columns()) {
            boolean everyValue = carried.everyValue().contains(SchemaNames.key(column));
            if (!everyValue || !carried.keyed()) {
                String how = everyValue ? "without the key of " + carried.source() + " beside them"
                        : "only from the rows " + carried.rows();
                // Several copies of some rows each: naming them all lets the reader see whether together they took
                // every value
                Note note = new Note(target, "values of " + column + " copied to " + carried.target() + " at " + at
                        + ", " + how);
                List<Note> earlier = notes.computeIfAbsent(SchemaNames.key(column), k -> new ArrayList<>());
                if (!earlier.contains(note)) {
                    earlier.add(note);
                }
                columnsByHow.computeIfAbsent(how, k -> new ArrayList<>()).add(column);
            }
        }
        List<String> parts = new ArrayList<>();
        columnsByHow.forEach((how, columns) -> parts.add("values of " + String.join(", ", columns) + " copied to "
                + carried.target() + " at " + at + ", " + how));
        // A drop of the table loses every value of the columns no copy read: name those this one did not read, since
        // another copy may have taken them
        List<String> leftOut = carried.leftOut();
        if (!leftOut.isEmpty()) {
            String columns = (leftOut.size() == 1 ? "column " : "columns ") + String.join(", ", leftOut);
            parts.add(columnsByHow.isEmpty() ? "the copy to " + carried.target() + " at " + at + " leaves out "
                    + columns + ", whose values are lost" : columns + " not copied to " + carried.target());
        }
        if (!parts.isEmpty()) {
            byTable.computeIfAbsent(SchemaNames.key(carried.source()), k -> new ArrayList<>())
                    .add(new Note(target, String.join("; ", parts)));
        }
    }

    /**
     * The note on a DROP TABLE of {@code table} when copies carried some of its columns to other tables: where those
     * values went, which is not all the table held; empty when none did.
     */
    Optional<Guard> shortfallOfTable(String table) {
        List<Note> notes = byTable.getOrDefault(SchemaNames.key(table), List.of());
        return notes.isEmpty() ? Optional.empty()
                : Optional.of(new Guard(Guard.Kind.CARRIED_COPY, firstCopies(notes)));
    }

    /**
     * The note on a DROP COLUMN of {@code table} for those of {@code dropped} whose values a copy carried to another
     * table; empty when it carried none.
     */
    Optional<Guard> shortfallOf(String table, List<String> dropped) {
        Map<String, List<Note>> carried = byColumn.getOrDefault(SchemaNames.key(table), Map.of());
        Map<String, String> notes = new LinkedHashMap<>();
        dropped.stream().map(SchemaNames::key).filter(carried::containsKey)
                .forEach(column -> notes.put(column, firstCopies(carried.get(column))));
        return Guard.noting(Guard.Kind.CARRIED_COPY, notes);
    }

    /**
     * The notes of the first {@link #MOST_COPIES_NAMED} copies, and how many more there were; all of them when only
     * one more was (its note is no longer than the count).
     */
    private static String firstCopies(List<Note> copies) {
        List<String> notes = copies.stream().map(Note::text).toList();
        if (notes.size() <= MOST_COPIES_NAMED + 1) {
            return String.join("; ", notes);
        }
        int more = notes.size() - MOST_COPIES_NAMED;
        return String.join("; ", notes.subList(0, MOST_COPIES_NAMED)) + "; and " + more + " more "
                + (more == 1 ? "copy" : "copies") + " of some of its values";
    }

    /** Forgets what was carried from the table of key {@code table}, whose name may from now on mean another. */
    void forget(String table) {
        byColumn.remove(table);
        byTable.remove(table);
    }

    /**
     * Forgets the copies into the table of key {@code table}, which was dropped, emptied or renamed: the values
     * they took are no longer there for the reader to find.
     */
    void forgetCopiesInto(String table) {
        byTable.values().forEach(notes -> notes.removeIf(note -> note.target().equals(table)));
        byTable.values().removeIf(List::isEmpty);
        byColumn.values().forEach(columns -> {
            columns.values().forEach(notes -> notes.removeIf(note -> note.target().equals(table)));
            columns.values().removeIf(List::isEmpty);
        });
    }
}
