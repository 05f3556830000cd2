package io.github.sqlguard.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the replay still knows of a table after a branch of a block changed it ({@code IF NOT EXISTS (..) THEN
 * ALTER TABLE t RENAME COLUMN a TO b}): whether the branch ran is decided when the migration runs, so only what
 * is the same either way stays known. A column the branch did not touch keeps its type; without this, one
 * guarded rename made every later type change on the table unjudgeable.
 *
 * @param table the table with the columns that are the same whether or not the branch ran
 * @param changedColumns the keys of the columns the branch added, dropped, renamed or changed
 */
record BranchOutcome(Table table, Set<String> changedColumns) {

    /** The outcome of a branch that found {@code before} and left {@code after}. */
    static BranchOutcome of(Table before, Table after) {
        Map<String, Column> common = new LinkedHashMap<>();
        Set<String> changed = new TreeSet<>(before.columns().keySet());
        changed.addAll(after.columns().keySet());
        after.columns().forEach((key, column) -> {
            if (column.equals(before.columns().get(key))) {
                common.put(key, column);
                changed.remove(key);
            }
        });
        boolean same = changed.isEmpty();
        List<String> primaryKey = before.primaryKey().equals(after.primaryKey()) ? after.primaryKey() : List.of();
        List<ForeignKey> foreignKeys = after.foreignKeys().stream().filter(before.foreignKeys()::contains).toList();
        String characterSet = before.characterSet().equals(after.characterSet()) ? after.characterSet() : "";
        Table known = new Table(after.name(), common, primaryKey, foreignKeys,
                same && before.complete() && after.complete(), after.sessionRows(), characterSet);
        return new BranchOutcome(known, changed);
    }
}
