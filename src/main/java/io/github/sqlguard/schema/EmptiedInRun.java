package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables one script run emptied ({@code TRUNCATE t}, {@code DELETE FROM t} with nothing after the table) and
 * has put no row back into since: a later {@code DROP COLUMN}, {@code DROP TABLE}, type change or second emptying
 * of such a table loses nothing the emptying statement, reported on its own, did not already lose. Feed statements in
 * order, each after it was checked. Only statements that cannot add rows keep what is known (ALTER without a
 * rename or a partition moved in, CREATE, COMMENT, GRANT, REVOKE, DROP, TRUNCATE, a DELETE of emptied tables);
 * any other statement, a block or an UPDATE or DELETE whose triggers may write elsewhere among them, may add
 * rows to any table and ends it.
 */
public final class EmptiedInRun {

    private static final List<String> ROWLESS_VERBS = List.of("ALTER", "CREATE", "COMMENT", "GRANT", "REVOKE",
            "DELETE", "TRUNCATE", "DROP");

    /** Why each emptied table (by key) holds no row: {@code "every row of t was removed at line 3"}. */
    private final Map<String, String> emptied = new HashMap<>();

    /** The guard of a statement whose every target table this run emptied before it. */
    public Optional<Guard> guardOf(Statement statement) {
        if (emptied.isEmpty() || !atTopLevel(statement)) {
            return Optional.empty();
        }
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        // TRUNCATE .. CASCADE also empties the tables that reference them, which may still hold rows.
        boolean cascades = tokens.get(main).isWord("TRUNCATE") && tokens.stream().anyMatch(t -> t.isWord("CASCADE"));
        if (cascades || targets.isEmpty()
                || !targets.stream().allMatch(t -> emptied.containsKey(key(t)))) {
            return Optional.empty();
        }
        return Optional.of(new Guard(Guard.Kind.EMPTY_TABLE, targets.stream()
                .map(t -> emptied.get(key(t))).distinct().reduce((a, b) -> a + "; " + b).orElseThrow()));
    }

    /** Follows what {@code statement} does to the rows of the tables. */
    public void observe(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (!statement.context().runsWithMigration() || tokens.isEmpty()) {
            return;
        }
        if (!atTopLevel(statement)) {
            emptied.clear();
            return;
        }
        int main = DestroyedTables.mainKeyword(tokens);
        Token verb = tokens.get(main);
        if (emptied.isEmpty() && !verb.isAnyWord("TRUNCATE", "DELETE")) {
            return; // most statements: nothing emptied to forget, and this one empties nothing
        }
        if (!ROWLESS_VERBS.stream().anyMatch(verb::isWord) || verb.isWord("ALTER") && movesRows(tokens, main)) {
            emptied.clear();
            return;
        }
        List<String> targets = DestroyedTables.of(tokens, main);
        if (verb.isWord("DELETE") && !targets.stream().allMatch(t -> emptied.containsKey(key(t)))) {
            // A trigger on the rows it deletes may add rows anywhere (an archive of deleted rows).
            emptied.clear();
        }
        if (verb.isWord("DROP")) {
            // The name may now be given to a new table, which holds rows of its own.
            targets.forEach(t -> emptied.remove(key(t)));
        } else if (emptiesEveryRow(tokens, main, targets)) {
            String line = "line " + statement.start().line();
            // The first emptying is the one reported; a second one finds nothing left.
            targets.forEach(t -> emptied.putIfAbsent(key(t), "every row of " + t + " was removed at "
                    + line));
        }
    }

    /**
     * The whole name as written, quotes and case aside: the replay's keys leave the schema out, but emptying
     * {@code staging.orders} leaves the rows of {@code orders} (another schema's table, or the search path's) alone.
     */
    private static String key(String table) {
        return ObjectNames.normalize(table);
    }

    /** A statement of the script itself, on every database: not in a block, a branch or a routine body. */
    private static boolean atTopLevel(Statement statement) {
        return !statement.container() && statement.context().kind() == StatementContext.Kind.SCRIPT
                && statement.context().databases().equals(DatabaseScope.ANY);
    }

    /** An ALTER that renames a table or brings rows in (a partition attached, exchanged or switched). */
    private static boolean movesRows(List<Token> tokens, int main) {
        return tokens.subList(main, tokens.size()).stream()
                .anyMatch(t -> t.isAnyWord("RENAME", "ATTACH", "EXCHANGE", "SWITCH", "MERGE", "INHERIT"));
    }

    /**
     * {@code TRUNCATE [TABLE] a, b} (not of a cluster or some partitions), or {@code DELETE [FROM] t} with
     * nothing after the table: every row of the named tables is gone.
     */
    private static boolean emptiesEveryRow(List<Token> tokens, int main, List<String> targets) {
        if (targets.isEmpty()) {
            return false;
        }
        if (tokens.get(main).isWord("TRUNCATE")) {
            return tokens.subList(main, tokens.size()).stream()
                    .noneMatch(t -> t.isAnyWord("CLUSTER", "PARTITION", "PARTITIONS", "WITH"));
        }
        if (!tokens.get(main).isWord("DELETE") || targets.size() != 1) {
            return false;
        }
        int at = main + 1;
        at += at < tokens.size() && tokens.get(at).isWord("FROM") ? 1 : 0;
        at += at < tokens.size() && tokens.get(at).isWord("ONLY") ? 1 : 0;
        SchemaNames.Read name = at < tokens.size() ? SchemaNames.name(tokens, at) : null;
        return name != null && name.next() == tokens.size();
    }
}
