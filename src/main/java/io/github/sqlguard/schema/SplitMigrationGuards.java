package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.CreatedTableNames;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows, through one history's replay, the guards of migrations split into files ({@link SplitMigration}):
 * for each statement of such a migration's second and later files, what the statements of the files before it
 * did to keep it from losing data. A script's own statements are followed by the check of that script; this
 * carries what they establish over to the next file of the same migration.
 */
final class SplitMigrationGuards {

    private final Map<StatementKey, Optional<Guard>> guards = new HashMap<>();
    /** The tables the current migration created so far, as keys. */
    private final Set<String> created = new HashSet<>();
    private String migration;
    private LossGuards carried;
    private boolean laterFile;
    /** The columns the current migration renamed away, by table and column key. */
    private final Map<String, RenamedColumn> renamedAway = new HashMap<>();

    /** Starts the file at {@code path}, the next one the history applies. */
    void enter(String path) {
        Optional<String> of = SplitMigration.of(path);
        laterFile = of.isPresent() && of.get().equals(migration);
        if (!laterFile) {
            migration = of.orElse(null);
            created.clear();
            renamedAway.clear();
            carried = of.map(m -> LossGuards.acrossFiles(SplitMigration.described(m))).orElse(null);
        }
    }

    /** Follows {@code statement} of the current file, which the history just replayed on {@code replays}. */
    void follow(Statement statement, Map<String, SchemaReplay> replays) {
        if (carried == null) {
            return;
        }
        try {
            if (laterFile) {
                guards.put(StatementKey.of(statement), carried.guardOf(statement)
                        .or(() -> renameOfCreated(statement)));
            }
            CreatedTableNames.createdTable(statement.tokens()).map(SchemaNames::key).ifPresent(created::add);
            followColumnNames(statement);
            SchemaView before = replays.isEmpty() ? SchemaView.UNKNOWN
                    : replays.values().iterator().next().before(statement);
            carried.observe(statement, before);
            carried.forgetCopiesDroppedBy(statement);
        } catch (RuntimeException e) {
            // A statement the readers could not follow (a script cut short): what the migration's earlier files
            // did is no longer known, so nothing carried guards this statement or the ones after it.
            guards.remove(StatementKey.of(statement));
            created.clear();
            renamedAway.clear();
            carried = LossGuards.acrossFiles(SplitMigration.described(migration));
        }
    }

    /**
     * Follows the rename that starts a column rebuild ({@link RecreatedColumnName}) when the column's values come
     * back in a later file of the migration: the rename, once that file is reached, is guarded.
     */
    private void followColumnNames(Statement statement) {
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        ColumnWrites.update(tokens).ifPresent(update -> renamedAway.entrySet().removeIf(entry -> {
            RenamedColumn away = entry.getValue();
            boolean back = entry.getKey().startsWith(SchemaNames.key(update.table()) + "\u0000")
                    && away.addedAgain() != null && RecreatedColumnName.copiedBack(update, away.renamed(), away.old());
            if (back && !away.rename().start().path().equals(statement.start().path())) {
                guards.put(StatementKey.of(away.rename()), Optional.of(guardOf(away, statement)));
            }
            return back;
        }));
        List<String> tables = DestroyedTables.of(tokens, main);
        if (tables.size() != 1) {
            return;
        }
        String table = SchemaNames.key(tables.get(0)) + "\u0000";
        DestroyedTables.addedColumns(tokens, main, SchemaView.UNKNOWN).ifPresent(added -> added.columns()
                .forEach(column -> renamedAway.computeIfPresent(table + column,
                        (key, away) -> away.addedAgain() == null ? away.added(statement) : away)));
        AlterTableRenames.renamedColumns(tokens, main).forEach((old, renamed) -> renamedAway.put(
                table + SchemaNames.key(old), new RenamedColumn(statement, old, renamed, null)));
    }

    /** A column a statement of the migration renamed away, and the statement that added one of its name again. */
    private record RenamedColumn(Statement rename, String old, String renamed, Statement addedAgain) {

        RenamedColumn added(Statement add) {
            return new RenamedColumn(rename, old, renamed, add);
        }
    }

    private static Guard guardOf(RenamedColumn away, Statement copy) {
        String note = RecreatedColumnName.note(away.old(), at(away.addedAgain()), at(copy));
        return new Guard(Guard.Kind.COLUMN_NAME_RECREATED, note, Map.of(SchemaNames.key(away.old()), note));
    }

    private static String at(Statement statement) {
        return statement.start().line() + " of " + ScriptLabel.of(statement.start().path());
    }

    /** The guard of a statement that renames a table this migration created in an earlier file. */
    private Optional<Guard> renameOfCreated(Statement statement) {
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> renamed = AlterTableRenames.renamesTable(tokens, main) ? DestroyedTables.of(tokens, main)
                : List.of();
        return renamed.size() == 1 && created.contains(SchemaNames.key(renamed.get(0)))
                ? Optional.of(new Guard(Guard.Kind.TABLE_CREATED, "table " + renamed.get(0) + " was created earlier in "
                        + SplitMigration.described(migration)))
                : Optional.empty();
    }

    /** What was found for each statement of a later file: its guard, or empty for none. */
    Map<StatementKey, Optional<Guard>> guards() {
        return guards;
    }
}
