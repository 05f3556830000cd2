package io.github.sqlguard.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the replay still knows of a table after a branch of a block changed it ({@code IF NOT EXISTS (..) THEN
 * ALTER TABLE t RENAME COLUMN a TO b}): whether the branch ran is decided when the migration runs, so only what
 * a later statement finds either way stays known. A column the branch did not touch keeps its type; without this, one
 * guarded rename made every later type change on the table unjudgeable.
 *
 * @param table the table with the columns whose type is the same whether or not the branch ran
 * @param changedColumns the keys of the columns whose type depends on whether the branch ran
 */
record BranchOutcome(Table table, Set<String> changedColumns) {

    /**
     * The outcome of a branch that found {@code before} and left {@code after}. A column on one side only keeps
     * its type: a later statement that finds it at all finds that type (a column the branch renamed away has its
     * old type if the branch did not run, the new name its type if it did). Only a column the table had before
     * with another type, or one of a table whose columns were not all known before, is changed.
     *
     * <p>When the branch only retyped columns of a table whose columns were all known, its columns are still all
     * known, each retyped one without a type: PostgreSQL's idempotent {@code IF col_type_differs THEN ALTER TABLE t
     * ALTER COLUMN a TYPE ..} leaves a later {@code ADD COLUMN IF NOT EXISTS b} adding a new column. So does a branch
     * that only added columns ({@code IF NOT EXISTS (SELECT .. FROM information_schema.columns ..) THEN ALTER TABLE t
     * ADD c}, as MySQL procedures guard an ADD): every column the table can have is listed, and the next such
     * branch adds a column the table did not have rather than one whose type is unknown.
     */
    static BranchOutcome of(Table before, Table after) {
        Map<String, Column> known = new LinkedHashMap<>(before.columns());
        Set<String> changed = new TreeSet<>();
        boolean keptNames = after.columns().keySet().containsAll(before.columns().keySet());
        boolean namesKnown = keptNames && before.complete() && after.complete();
        after.columns().forEach((key, column) -> {
            Column found = before.columns().get(key);
            if (found != null && !sameDefinition(found, column) && sameType(found, column)) {
                // Only NOT NULL (or the computing) changed: the type is the one a later statement finds either way.
                known.put(key, eitherWay(found, column));
            } else if (found == null && !before.complete() || found != null && !sameDefinition(found, column)) {
                changed.add(key);
                if (namesKnown) {
                    known.put(key, eitherWay(found, column).withType(Optional.empty()));
                } else {
                    known.remove(key);
                }
            } else {
                // A numbering the branch started or ended holds only if it ran.
                known.put(key, found == null ? column : Objects.equals(found.numberedFrom(), column.numberedFrom())
                        ? found : found.withNumberedFrom(null));
            }
        });
        List<String> primaryKey = before.primaryKey().equals(after.primaryKey()) ? after.primaryKey() : List.of();
        List<ForeignKey> foreignKeys = after.foreignKeys().stream().filter(before.foreignKeys()::contains).toList();
        String characterSet = before.characterSet().equals(after.characterSet()) ? after.characterSet() : "";
        Table table = new Table(after.name(), known, primaryKey, foreignKeys, namesKnown, after.sessionRows(),
                characterSet, Objects.equals(before.hiddenRowidFrom(), after.hiddenRowidFrom())
                        ? after.hiddenRowidFrom() : null);
        return new BranchOutcome(table, changed);
    }

    /**
     * True when both definitions give a later statement the same column: the type spelt in other words ({@code int}
     * and {@code INT}, a quoted or bare name) is no change, so a guarded {@code MODIFY c INT} of a column that is an
     * int already leaves its type known.
     */
    private static boolean sameDefinition(Column before, Column after) {
        return sameType(before, after) && before.notNull() == after.notNull() && before.computed() == after.computed();
    }

    private static boolean sameType(Column before, Column after) {
        return before.type().isEmpty() && after.type().isEmpty()
                || before.type().isPresent() && after.type().isPresent()
                        && before.type().get().sameTypeAs(after.type().get())
                        && before.type().get().characterSet().equals(after.type().get().characterSet());
    }

    /**
     * The column as a later statement finds it whether or not the branch ran, of one type either way: NOT NULL only
     * where both sides declare it, and holding no NULL where neither side may hold one (a guarded {@code MODIFY c ..
     * NULL} of a NOT NULL column keeps the rows' values, {@link Column#madeNullable}).
     */
    private static Column eitherWay(Column found, Column column) {
        boolean notNull = found.notNull() && column.notNull();
        boolean filled = notNull ? found.filled() && column.filled()
                : (found.notNull() || found.filled()) && (column.notNull() || column.filled());
        return new Column(column.name(), column.type(), notNull, found.computed() && column.computed(), filled,
                filled && (found.filledForRun() || column.filledForRun()),
                Objects.equals(found.numberedFrom(), column.numberedFrom()) ? column.numberedFrom() : null);
    }
}
