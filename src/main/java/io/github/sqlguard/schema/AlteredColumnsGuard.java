package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the facts a run scope gathered on a table's columns ({@link ColumnFacts}) guard of an ALTER TABLE that drops
 * or renames some of them: a column the scope added itself (a scratch column of a rebuild), one whose every value it
 * copied to another column, one a precondition or the statement's own condition requires to hold no value, one it
 * left with a single value. A drop of any other column alongside keeps its finding.
 */
final class AlteredColumnsGuard {

    /**
     * The facts of one table.
     *
     * @param added the keys of the columns the run scope added
     * @param copies by the key of a column, the copy of its every value
     * @param valueless the keys of the columns a changeset precondition requires to hold no value
     * @param purged by the key of a column, how the scope left it one value
     * @param onlyCopyNote for a column as written, the note when an added column holds the only copy of its values
     * @param cleared the columns set to NULL in every row
     * @param addedEmpty by key, the added columns that hold only NULL (added without a value, not written since),
     *     each with its note
     */
    record Facts(Set<String> added, Map<String, ColumnCopy> copies, Set<String> valueless, Map<String, String> purged,
            Function<String, Optional<String>> onlyCopyNote, ClearedColumns cleared, Map<String, String> addedEmpty) {
    }

    private AlteredColumnsGuard() {
    }

    /**
     * The guard of the columns an ALTER TABLE of {@code table} drops or renames: those the run scope added, and those
     * whose values it copied in full to another column, and those a precondition or the statement's own condition
     * ({@code checked}, by column key with the earlier block that checked it, or "") requires to hold no value; a
     * rename only of those it added. {@code unit} names the run scope in notes.
     */
    static Optional<Guard> guardOf(List<Token> tokens, int main, String table, DatabaseScope databases,
            Map<String, String> checked, String unit, Facts facts) {
        Set<String> addedHere = facts.added();
        Map<String, ColumnCopy> copies = facts.copies();
        List<String> dropped = DestroyedTables.droppedColumns(tokens, main);
        // A column the script added that holds the only copy of a dropped column's values is no scratch column
        Map<String, String> lastCopies = new LinkedHashMap<>();
        dropped.forEach(c -> facts.onlyCopyNote().apply(c)
                .ifPresent(note -> lastCopies.put(SchemaNames.key(c), note)));
        List<String> scratch = new ArrayList<>(dropped.stream().filter(c -> addedHere.contains(SchemaNames.key(c))
                && !lastCopies.containsKey(SchemaNames.key(c))).toList());
        AlterTableRenames.renamedColumns(tokens, main).keySet().stream()
                .filter(c -> addedHere.contains(SchemaNames.key(c))).forEach(scratch::add);
        // A copy made on some databases only keeps the values there, not on the others the drop runs on.
        // .. and one into a column the same statement drops keeps nothing.
        Set<String> droppedKeys = dropped.stream().map(SchemaNames::key).collect(Collectors.toSet());
        List<String> keptInCopy = dropped.stream().filter(c -> !addedHere.contains(SchemaNames.key(c))
                && copies.containsKey(SchemaNames.key(c))
                && copies.get(SchemaNames.key(c)).keepsEveryValueOn(databases)
                && !droppedKeys.contains(copies.get(SchemaNames.key(c)).target())).toList();
        Set<String> required = facts.valueless();
        List<String> empty = dropped.stream().filter(c -> !addedHere.contains(SchemaNames.key(c))
                && !keptInCopy.contains(c)
                && (required.contains(SchemaNames.key(c)) || checked.containsKey(SchemaNames.key(c)))).toList();
        Map<String, String> purgedOfTable = facts.purged();
        List<String> oneValued = dropped.stream().filter(c -> !addedHere.contains(SchemaNames.key(c))
                && !keptInCopy.contains(c) && !empty.contains(c) && purgedOfTable.containsKey(SchemaNames.key(c)))
                .toList();
        if (scratch.isEmpty() && keptInCopy.isEmpty() && empty.isEmpty() && oneValued.isEmpty()) {
            return facts.cleared().retypeGuard(table, facts.addedEmpty())
                    .or(() -> CopiedBeforeRetype.guardOf(tokens, main, copies, databases))
                    .or(() -> Guard.noting(Guard.Kind.ONLY_COPY, lastCopies));
        }
        // Guards only the findings about these columns; one about another column dropped alongside stays.
        Map<String, String> notes = new LinkedHashMap<>();
        scratch.forEach(c -> notes.put(SchemaNames.key(c), "column " + c + " was added earlier in " + unit));
        keptInCopy.forEach(c -> notes.put(SchemaNames.key(c), copies.get(SchemaNames.key(c)).description()));
        empty.forEach(c -> notes.put(SchemaNames.key(c), "runs only when no row of " + table + " has a value in "
                + c + (required.contains(SchemaNames.key(c)) ? " (changeset precondition)"
                        : checked.getOrDefault(SchemaNames.key(c), "").isEmpty() ? ""
                        : " (" + checked.get(SchemaNames.key(c)) + " stops the migration while one has)")));
        oneValued.forEach(c -> notes.put(SchemaNames.key(c), PurgedFlags.note(c,
                purgedOfTable.get(SchemaNames.key(c)))));
        String description = scratch.isEmpty() ? String.join("; ", notes.values())
                : (scratch.size() == 1 ? "column " : "columns ") + String.join(", ", scratch)
                        + (scratch.size() == 1 ? " was" : " were") + " added earlier in " + unit
                        + Stream.of(keptInCopy, empty, oneValued).flatMap(List::stream)
                                .map(c -> "; " + notes.get(SchemaNames.key(c))).collect(Collectors.joining());
        return Optional.of(new Guard(Guard.Kind.SCRATCH_COLUMN, description, notes));
    }
}
