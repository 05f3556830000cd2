package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.CreatedTableNames;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables an up script created and the columns it added, as its down script sees them: rolling the migration back
 * is meant to drop exactly those, and what they hold was written after the up script ran (or derived by it from data
 * that is still there), so such a drop loses only the rows written since, not data the database held before.
 *
 * <p>Only a plain {@code CREATE TABLE} of a name the up script did not mention before and the replay did not know
 * counts as a creation, and only an {@code ADD} of a column the table did not have and the script did not drop or
 * give its name by a rename before: a table the up script rebuilt ({@code DROP TABLE t; CREATE TABLE t}), renamed or
 * created {@code IF NOT EXISTS}, and a column it dropped and added again, still hold or stand for older data (a table
 * created {@code IF NOT EXISTS} says so on the finding). A column added under the name a rename took away starts
 * empty: the values went with the new name. When the up script destroys
 * older data itself (a drop, a DELETE, a TRUNCATE), the tables and columns it filled from queries may hold the only
 * copy of what it destroyed, so those do not count either. A down script that writes or renames one of them before
 * dropping it makes it hold other data as well, so it no longer counts from there on. The renames the up script made
 * are followed by {@link UpScriptRenames}, and a down script that gives their names back breaks no code.
 */
final class UpScriptCreations {

    private final Map<String, String> createdTables = new HashMap<>();
    /** Tables created {@code IF NOT EXISTS} that the replay did not know, each with where. */
    private final Map<String, String> createdIfMissing = new HashMap<>();
    private final UpScriptRenames renames = new UpScriptRenames();
    /** Added columns by {@code table + NUL + column} key, each with where it was added. */
    private final Map<String, String> addedColumns = new HashMap<>();
    private final Set<String> mentionedTables = new HashSet<>();
    private final Set<String> touchedColumns = new HashSet<>();
    private final Set<String> filled = new HashSet<>();
    private boolean destroysOlderData;

    /** Follows {@code statement} of the up script, {@code before} being the schema just before it. */
    void followUp(Statement statement, SchemaView before) {
        List<Token> tokens = statement.tokens();
        if (statement.container() || tokens.isEmpty() || !statement.context().followsEarlierStatements()) {
            return;
        }
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> named = TableNames.of(tokens).stream().map(SchemaNames::key).toList();
        boolean plainFlow = statement.context().branch() == null && statement.context().body() == null;
        Optional<String> created = CreatedTableNames.createdTable(tokens).map(SchemaNames::key);
        if (created.isPresent() && plainFlow && !mentionedTables.contains(created.get())
                && before.table(created.get()).isEmpty() && !CreatedTableNames.createsTemporaryTable(tokens)) {
            createdTables.put(created.get(), where(statement));
            if (readsQuery(tokens)) {
                filled.add(created.get());
            }
        }
        Optional<String> ifMissing = created.isPresent() ? Optional.empty()
                : CreatedTableNames.namedByCreate(tokens).map(SchemaNames::key);
        if (ifMissing.isPresent() && plainFlow && !mentionedTables.contains(ifMissing.get())
                && before.table(ifMissing.get()).isEmpty()) {
            createdIfMissing.put(ifMissing.get(), where(statement));
        }
        mentionedTables.addAll(named);
        if (main >= tokens.size()) {
            return;
        }
        renames.followUp(statement, tokens, main, plainFlow);
        Token verb = tokens.get(main);
        List<String> targets = DestroyedTables.of(tokens, main).stream().map(SchemaNames::key).toList();
        if (verb.isAnyWord("DROP", "TRUNCATE", "DELETE")) {
            for (String table : targets) {
                if (verb.isWord("DROP")) {
                    createdIfMissing.remove(table);
                }
                boolean ownTable = verb.isWord("DROP") ? createdTables.remove(table) != null
                        : createdTables.containsKey(table);
                destroysOlderData |= !ownTable;
            }
        }
        if (verb.isWord("ALTER") && targets.size() == 1) {
            followAlter(statement, tokens, main, targets.get(0), before, plainFlow);
        }
        if (verb.isAnyWord("INSERT", "MERGE", "REPLACE", "UPSERT") && readsQuery(tokens) && !named.isEmpty()) {
            filled.add(named.get(0));
        }
        Optional<ColumnWrites.Update> update = ColumnWrites.update(tokens);
        update.ifPresent(u -> u.assigned().forEach(column -> filled.add(columnKey(SchemaNames.key(u.table()), column))));
        if (update.isEmpty() && verb.isWord("UPDATE")) {
            // An UPDATE whose columns are not read may have filled any column of the tables it names.
            filled.addAll(named);
        }
    }

    private void followAlter(Statement statement, List<Token> tokens, int main, String table, SchemaView before,
            boolean plainFlow) {
        if (AlterTableRenames.renamesTable(tokens, main)) {
            createdTables.remove(table);
            createdIfMissing.remove(table);
        }
        for (String column : DestroyedTables.droppedColumns(tokens, main)) {
            String key = columnKey(table, column);
            if (addedColumns.remove(key) == null && !createdTables.containsKey(table)) {
                destroysOlderData = true;
            }
            touchedColumns.add(key);
        }
        AlterTableRenames.renamedColumns(tokens, main).forEach((old, renamed) -> {
            // The values go with the new name: a column added under the old one afterwards starts empty.
            addedColumns.remove(columnKey(table, old));
            touchedColumns.remove(columnKey(table, old));
            touchedColumns.add(columnKey(table, renamed));
        });
        if (!plainFlow) {
            return;
        }
        DestroyedTables.addedColumns(tokens, main, before).ifPresent(added -> added.columns().forEach(column -> {
            String key = columnKey(table, column);
            if (!touchedColumns.contains(key) && before.column(table, column).isEmpty()) {
                addedColumns.put(key, where(statement));
            }
            touchedColumns.add(key);
        }));
    }

    /** A reader of the down script that reverses the up script followed so far. */
    Down down() {
        return new Down();
    }

    /** Follows one down script (or the down files of one split migration), statement after statement. */
    final class Down {

        private final Set<String> spoiledTables = new HashSet<>();
        private final Set<String> spoiledColumns = new HashSet<>();

        private Down() {
        }

        /**
         * The guard of {@code statement}, read before it is followed: the tables it drops that the up script created,
         * and the columns it drops that the up script added (or whose table it created), each with a note.
         */
        Optional<Guard> guardOf(Statement statement) {
            List<Token> tokens = statement.tokens();
            // A down section is rollback code, whose statements run one after the other all the same.
            boolean inOrder = statement.context().followsEarlierStatements()
                    || statement.context().kind() == StatementContext.Kind.ROLLBACK;
            // A routine body runs whenever it is called, when the table may hold anything.
            if (statement.container() || tokens.isEmpty() || !inOrder || statement.context().body() != null) {
                return Optional.empty();
            }
            int main = DestroyedTables.mainKeyword(tokens);
            if (main + 1 >= tokens.size()) {
                return Optional.empty();
            }
            Map<String, String> notes = new LinkedHashMap<>();
            List<String> targets = DestroyedTables.of(tokens, main);
            if (empties(tokens, main)) {
                // A DELETE's finding names no table to key by: the guard holds when every table it empties counts.
                List<String> emptied = targets.stream().map(table -> tableNote(SchemaNames.key(table))
                        .map(note -> "table " + table + " " + note)).flatMap(Optional::stream).toList();
                return targets.isEmpty() || emptied.size() < targets.size() ? Optional.empty()
                        : Optional.of(new Guard(Guard.Kind.CREATED_BY_UP_SCRIPT, String.join("; ", emptied)));
            }
            if (tokens.get(main).isWord("DROP") && tokens.get(main + 1).isWord("TABLE")) {
                targets.forEach(table -> tableNote(SchemaNames.key(table))
                        .ifPresent(note -> notes.put(SchemaNames.key(table), "table " + table + " " + note)));
            } else if (tokens.get(main).isWord("ALTER") && targets.size() == 1) {
                String table = SchemaNames.key(targets.get(0));
                for (String column : DestroyedTables.droppedColumns(tokens, main)) {
                    Optional<String> note = tableNote(table).or(() -> columnNote(table, SchemaNames.key(column)));
                    note.ifPresent(n -> notes.put(SchemaNames.key(column), "column " + column + " " + n));
                }
            }
            if (!notes.isEmpty()) {
                return Optional.of(new Guard(Guard.Kind.CREATED_BY_UP_SCRIPT, String.join("; ", notes.values()),
                        notes));
            }
            if (tokens.get(main).isWord("DROP") && tokens.get(main + 1).isWord("TABLE")) {
                targets.forEach(table -> ifMissingNote(table)
                        .ifPresent(note -> notes.put(SchemaNames.key(table), note)));
                return Guard.noting(Guard.Kind.CREATED_IF_MISSING, notes);
            }
            return renames.guardOf(tokens, main);
        }

        /**
         * True for a DELETE or a TRUNCATE, which empty the tables the up script created no more than dropping them does;
         * not for a TRUNCATE .. CASCADE, which empties the tables that reference them too, older ones among them.
         */
        private static boolean empties(List<Token> tokens, int main) {
            return tokens.get(main).isWord("DELETE")
                    || tokens.get(main).isWord("TRUNCATE") && tokens.stream().noneMatch(token -> token.isWord("CASCADE"));
        }

        /** For a table its up script created only IF NOT EXISTS, why its drop still loses what it held before. */
        private Optional<String> ifMissingNote(String table) {
            String at = createdIfMissing.get(SchemaNames.key(table));
            return at == null || spoiledTables.contains(SchemaNames.key(table)) ? Optional.empty()
                    : Optional.of("table " + table + " was created by its up script only IF NOT EXISTS, at " + at
                            + ", which keeps a table of that name that the database already had, rows and all:"
                            + " this drop loses those rows too");
        }

        private Optional<String> tableNote(String table) {
            String at = createdTables.get(table);
            return at == null || spoiledTables.contains(table) || destroysOlderData && filled.contains(table)
                    ? Optional.empty() : Optional.of("was created by its up script at " + at + SINCE);
        }

        private Optional<String> columnNote(String table, String column) {
            String key = columnKey(table, column);
            String at = addedColumns.get(key);
            return at == null || spoiledTables.contains(table) || spoiledColumns.contains(key)
                    || destroysOlderData && (filled.contains(key) || filled.contains(table))
                    ? Optional.empty() : Optional.of("was added by its up script at " + at + SINCE);
        }

        /** Follows {@code statement} of the down script: what it writes or renames holds other data from there on. */
        void follow(Statement statement) {
            List<Token> tokens = statement.tokens();
            if (tokens.isEmpty()) {
                return;
            }
            int main = DestroyedTables.mainKeyword(tokens);
            if (statement.container() || main >= tokens.size()) {
                // A block or routine may write anything it names.
                TableNames.of(tokens).forEach(name -> spoiledTables.add(SchemaNames.key(name)));
                return;
            }
            Token verb = tokens.get(main);
            List<String> named = TableNames.of(tokens);
            if (verb.isAnyWord("INSERT", "MERGE", "REPLACE", "UPSERT", "COPY", "CREATE", "RENAME")
                    && !named.isEmpty()) {
                named.forEach(name -> spoiledTables.add(SchemaNames.key(name)));
            }
            if (verb.isWord("ALTER")) {
                List<String> targets = DestroyedTables.of(tokens, main);
                if (targets.size() == 1) {
                    String table = SchemaNames.key(targets.get(0));
                    if (AlterTableRenames.renamesTable(tokens, main)) {
                        named.forEach(name -> spoiledTables.add(SchemaNames.key(name)));
                    }
                    AlterTableRenames.renamedColumns(tokens, main).forEach((old, renamed) -> {
                        spoiledColumns.add(columnKey(table, old));
                        spoiledColumns.add(columnKey(table, renamed));
                    });
                    DestroyedTables.addedColumns(tokens, main, SchemaView.UNKNOWN).ifPresent(added -> added.columns()
                            .forEach(column -> spoiledColumns.add(columnKey(table, column))));
                } else {
                    named.forEach(name -> spoiledTables.add(SchemaNames.key(name)));
                }
            }
            ColumnWrites.update(tokens).ifPresentOrElse(update -> update.assigned().forEach(column ->
                    spoiledColumns.add(columnKey(SchemaNames.key(update.table()), column))), () -> {
                        if (verb.isWord("UPDATE")) {
                            named.forEach(name -> spoiledTables.add(SchemaNames.key(name)));
                        }
                    });
        }
    }

    private static final String SINCE = ", so rolling back loses only the rows written since";

    private static String where(Statement statement) {
        return ScriptLabel.of(statement.start().path()) + ":" + statement.start().line();
    }

    private static String columnKey(String table, String column) {
        return table + "\u0000" + SchemaNames.key(column);
    }

    /** True when the statement reads rows from a query ({@code INSERT .. SELECT}, {@code CREATE TABLE .. AS}). */
    private static boolean readsQuery(List<Token> tokens) {
        return tokens.stream().anyMatch(token -> token.isWord("SELECT"));
    }
}
