package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables and columns an up script renamed, as its down script sees them: rolling the migration back returns to
 * the release that uses the old names, so a down script that renames them back breaks no code that runs then; it is
 * what makes that release work again. A rename the up script made only in a branch or a routine body may not have run,
 * and is not followed.
 */
final class UpScriptRenames {

    /** A rename of the up script: the name it took away, as written, and where. */
    private record Renamed(String old, String at) {
    }

    /** Renamed tables by the key of the name the up script gave them. */
    private final Map<String, Renamed> tables = new HashMap<>();
    /** Renamed columns by {@code table + NUL + the key of the name the up script gave}. */
    private final Map<String, Renamed> columns = new HashMap<>();

    /** Follows {@code statement} of the up script, whose main keyword stands at {@code main}. */
    void followUp(Statement statement, List<Token> tokens, int main, boolean plainFlow) {
        tableRenames(tokens, main).forEach((old, renamed) -> {
            Renamed earlier = tables.remove(SchemaNames.key(old));
            tables.remove(SchemaNames.key(renamed));
            if (plainFlow) {
                // A name the up script passed on twice (a to b, then b to c) goes back to the first.
                tables.put(SchemaNames.key(renamed), earlier != null ? earlier : new Renamed(old, where(statement)));
            }
        });
        alteredTable(tokens, main).ifPresent(table -> AlterTableRenames.renamedColumns(tokens, main)
                .forEach((old, renamed) -> {
                    Renamed earlier = columns.remove(columnKey(table, old));
                    columns.remove(columnKey(table, renamed));
                    if (plainFlow) {
                        columns.put(columnKey(table, renamed),
                                earlier != null ? earlier : new Renamed(old, where(statement)));
                    }
                }));
    }

    /**
     * The guard of {@code statement} of the down script when every table it renames, or every column, gets back the
     * name the up script took from it.
     */
    Optional<Guard> guardOf(List<Token> tokens, int main) {
        Map<String, String> tableRenames = tableRenames(tokens, main);
        if (!tableRenames.isEmpty()) {
            List<String> notes = tableRenames.entrySet().stream().map(rename -> restoredTable(rename.getKey(),
                    rename.getValue())).flatMap(Optional::stream).toList();
            return notes.size() < tableRenames.size() ? Optional.empty()
                    : Optional.of(new Guard(Guard.Kind.TABLE_NAME_RESTORED, String.join("; ", notes)));
        }
        Optional<String> table = alteredTable(tokens, main);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        AlterTableRenames.renamedColumns(tokens, main).forEach((now, back) -> {
            Renamed up = columns.get(columnKey(table.get(), now));
            if (up != null && SchemaNames.key(up.old()).equals(SchemaNames.key(back))) {
                notes.put(SchemaNames.key(now), "column " + now + " gets back its name " + back
                        + " from before its up script renamed it at " + up.at() + RELEASE);
            }
        });
        return notes.isEmpty() ? Optional.empty()
                : Optional.of(new Guard(Guard.Kind.COLUMN_NAME_RESTORED, String.join("; ", notes.values()), notes));
    }

    private Optional<String> restoredTable(String now, String back) {
        Renamed up = tables.get(SchemaNames.key(now));
        return up == null || !SchemaNames.key(up.old()).equals(SchemaNames.key(back)) ? Optional.empty()
                : Optional.of("table " + SchemaNames.unquoted(now) + " gets back its name " + SchemaNames.unquoted(back)
                        + " from before its up script renamed it at " + up.at() + RELEASE);
    }

    private static final String RELEASE = ", which the release that rolling back returns to uses";

    /** Old name to new name of the tables the statement renames: ALTER TABLE a RENAME TO b, RENAME TABLE a TO b. */
    private static Map<String, String> tableRenames(List<Token> tokens, int main) {
        if (main < tokens.size() && tokens.get(main).isWord("RENAME")) {
            return AlterTableRenames.renameStatementPairs(tokens, main);
        }
        Optional<String> table = alteredTable(tokens, main);
        Optional<String> renamed = table.isEmpty() ? Optional.empty() : AlterTableRenames.newTableName(tokens, main);
        return renamed.isEmpty() ? Map.of() : Map.of(table.get(), renamed.get());
    }

    /** The one table an ALTER TABLE at {@code main} alters, as written. */
    private static Optional<String> alteredTable(List<Token> tokens, int main) {
        if (main + 1 >= tokens.size() || !tokens.get(main).isWord("ALTER") || !tokens.get(main + 1).isWord("TABLE")) {
            return Optional.empty();
        }
        List<String> targets = DestroyedTables.of(tokens, main);
        return targets.size() == 1 ? Optional.of(targets.get(0)) : Optional.empty();
    }

    private static String where(Statement statement) {
        return ScriptLabel.of(statement.start().path()) + ":" + statement.start().line();
    }

    private static String columnKey(String table, String column) {
        return SchemaNames.key(table) + "\u0000" + SchemaNames.key(column);
    }
}
