package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.DestructiveClause;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The copies of every row of a table that one script run made, by the key of the table copied from, and which
 * tables hold a copy of every row and column of another ({@link TableCopies} keeps them beside the copies that left
 * rows or columns out). Such a copy alone guards the drop of its source; kept apart because it is the one kind of
 * copy whose note is the guard itself, and whose table a later copy back restores ({@link #holdsWholeCopyOf}).
 */
final class WholeCopies {

    /** By the key of the table copied from: the copy of every row made of it. */
    private final Map<String, FullCopy> full = new HashMap<>();
    /**
     * Tables that took every row and column of another, by key, with the key of that other table: kept after the
     * other is dropped, so that a copy back into a table of its name is known as the restore of a rebuild.
     */
    private final Map<String, String> wholeCopyOf = new HashMap<>();

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

    /** As {@link TableCopies#copied}. */
    void copied(String source, String target, String at, String how, Set<String> columns) {
        full.put(SchemaNames.key(source), new FullCopy(SchemaNames.key(target), "rows copied to " + target + " at "
                + at + how, true, target, at, columns));
        wholeCopyOf.put(SchemaNames.key(target), SchemaNames.key(source));
    }

    /** As {@link TableCopies#copiedByUnverifiedList}: a copy known to be full made before stays the one kept. */
    void copiedByUnverifiedList(String source, String target, String at, String note) {
        FullCopy earlier = full.get(SchemaNames.key(source));
        if (earlier == null || !earlier.verified()) {
            full.put(SchemaNames.key(source), new FullCopy(SchemaNames.key(target), note, false, target, at, null));
        }
    }

    /** As {@link TableCopies#holdsWholeCopyOf}. */
    boolean holdsWholeCopyOf(String source, String target) {
        return SchemaNames.key(target).equals(wholeCopyOf.get(SchemaNames.key(source)));
    }

    /**
     * Forgets the copies into table {@code key} that held values of {@code columns}, which {@code at} changed as
     * {@code change} says, and returns, by the key of each table copied from, what its copy no longer holds.
     */
    Map<String, String> columnsChanged(String key, List<String> columns, String change, String at) {
        Map<String, FullCopy> changed = new HashMap<>();
        full.forEach((source, copy) -> {
            if (copy.target().equals(key) && !copy.copiedAmong(columns).isEmpty()) {
                changed.put(source, copy);
            }
        });
        Map<String, String> notes = new HashMap<>();
        changed.forEach((source, copy) -> {
            List<String> lost = copy.copiedAmong(columns);
            full.remove(source);
            wholeCopyOf.remove(key);
            notes.put(source, "the copy to " + copy.targetName() + " at " + copy.at()
                    + " no longer holds " + (lost.size() == 1 ? "column " : "columns ") + String.join(", ", lost)
                    + ", which " + at + " " + change);
        });
        return notes;
    }

    /**
     * As {@link TableCopies#copyMayHaveRetyped}: the copies into table {@code key} that held values of
     * {@code columns} become copies not verified, whose note names the change and {@code why} it may lose values.
     */
    void columnsMayHaveRetyped(String key, List<String> columns, String why, String at) {
        full.replaceAll((source, copy) -> {
            List<String> changed = copy.copiedAmong(columns);
            if (!copy.target().equals(key) || changed.isEmpty()) {
                return copy;
            }
            return new FullCopy(copy.target(), copy.note() + "; " + at + " retypes "
                    + (changed.size() == 1 ? "column " : "columns ") + String.join(", ", changed) + " (" + why
                    + "), so it may no longer hold every value it copied", false, copy.targetName(), copy.at(),
                    copy.columns());
        });
    }

    /** As {@link TableCopies#copyFixed}: the copies into table {@code key} keep guarding, with a note of the fix. */
    void columnsFixed(String key, List<String> columns, String at) {
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
     * By the key of each table copied into table {@code key}, whose rows {@code at} overwrote: what its copy no
     * longer holds. The copies stay until {@link #forgetCopiesInto} forgets them.
     */
    Map<String, String> rowsOverwritten(String key, String at) {
        Map<String, String> notes = new HashMap<>();
        full.forEach((source, copy) -> {
            if (copy.target().equals(key)) {
                notes.put(source, "the copy to " + copy.targetName() + " at " + copy.at()
                        + " no longer holds what it copied, which " + at + " overwrites");
            }
        });
        return notes;
    }

    /** Rows of table {@code key} were removed: a copy made there no longer keeps what it copied. */
    void forgetCopiesInto(String key) {
        wholeCopyOf.remove(key);
        full.values().removeIf(copy -> copy.target().equals(key));
    }

    /** Forgets the copy of table {@code key}, whose name may from now on mean another table. */
    void forget(String key) {
        full.remove(key);
    }

    /** Forgets that table {@code key} holds a whole copy of another, or another one of it: its name means another. */
    void forgetWholeCopies(String key) {
        wholeCopyOf.remove(key);
        wholeCopyOf.values().removeIf(key::equals);
    }

    /** True when every one of {@code targets} (as written) has a copy of every row. */
    boolean copiedEach(List<String> targets) {
        return targets.stream().allMatch(t -> full.containsKey(SchemaNames.key(t)));
    }

    /**
     * The guard of a statement that destroys {@code targets}, each of which {@link #copiedEach has a copy}: the note
     * of the first, or of a copy by a list not verified, which eases only a whole table's loss ({@code dropped} null).
     */
    Optional<Guard> guardOf(List<String> targets, List<String> dropped) {
        Optional<FullCopy> unverified = targets.stream().map(t -> full.get(SchemaNames.key(t)))
                .filter(copy -> !copy.verified()).findFirst();
        if (unverified.isEmpty()) {
            FullCopy copy = full.get(SchemaNames.key(targets.get(0)));
            return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, copy.note(), Map.of(), copy.targetName()));
        }
        // Which columns a DROP COLUMN loses the list may have left out: only a whole table's loss is eased
        return dropped == null ? Optional.of(new Guard(Guard.Kind.UNVERIFIED_COPY, unverified.get().note()))
                : Optional.empty();
    }

    /** The tables, as written, that the copies kept went to. */
    List<String> copiesInto() {
        return full.values().stream().map(FullCopy::targetName).toList();
    }

    /**
     * Follows the renames of {@code clauses} (one statement's, at {@code at}): a copy into a renamed table is there
     * now, under a note that names the rename; a copy of a renamed table is the new name's; a copy of a dropped table
     * is forgotten, and so is what a renamed table was a whole copy of.
     */
    void follow(List<DestructiveClause> clauses, String at) {
        clauses.stream().filter(CopiedTableChanges::renamesTable).forEach(clause -> {
            String key = SchemaNames.key(clause.table());
            String renamed = clause.detail();
            full.replaceAll((source, copy) -> !copy.target().equals(key) ? copy
                    : new FullCopy(SchemaNames.key(renamed), copy.note() + ", renamed to " + renamed + " at " + at,
                            copy.verified(), copy.targetName(), copy.at(), copy.columns()));
        });
        CopiedTableChanges.followNames(full, clauses);
        clauses.stream().filter(CopiedTableChanges::renamesTable).forEach(clause -> {
            wholeCopyOf.remove(SchemaNames.key(clause.table()));
            wholeCopyOf.remove(SchemaNames.key(clause.detail()));
        });
    }
}
