package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.CreatedTableNames;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables one script run emptied ({@code TRUNCATE t}, {@code DELETE FROM t} with nothing after the table) and
 * has put no row back into since: a later {@code DROP COLUMN}, {@code DROP TABLE}, type change or second emptying
 * of such a table loses nothing the emptying statement, reported on its own, did not already lose. Feed statements in
 * order, each after it was checked. Only statements that cannot add rows keep what is known (ALTER without a
 * rename or a partition moved in, CREATE, COMMENT, GRANT, REVOKE, DROP, TRUNCATE, USE, a DELETE of emptied tables or
 * of tables the migrations created without a trigger or rule on them); any other statement, a block, an UPDATE, or
 * a DELETE whose triggers may write elsewhere among them, may add rows to any table and ends it. A DELETE of every
 * row also empties the tables its ON DELETE CASCADE keys reach.
 *
 * <p>A table the run surely created, without copying rows into it, is empty as well: {@code CREATE TABLE t}, or
 * {@code CREATE TABLE IF NOT EXISTS t} after the run dropped t or renamed it away. That is the first half of a
 * rebuild ({@code ALTER TABLE t RENAME TO t_old; CREATE TABLE t (LIKE t_old); ALTER TABLE t DROP COLUMN x;}), whose
 * new table takes over t's rows only when they are copied back; reshaping it before then loses nothing.
 */
public final class EmptiedInRun {

    /** {@code USE} only switches the database later names mean ({@link TableNamespace}). */
    private static final List<String> ROWLESS_VERBS = List.of("ALTER", "CREATE", "COMMENT", "GRANT", "REVOKE",
            "DELETE", "TRUNCATE", "DROP", "USE");

    /** Why each emptied table (by key) holds no row: {@code "every row of t was removed at line 3"}. */
    private final Map<String, String> emptied = new HashMap<>();

    /**
     * Names (by key) of tables the run dropped or renamed away, which no table has taken since: a
     * {@code CREATE TABLE IF NOT EXISTS} of one surely creates a new table.
     */
    private final Set<String> freed = new HashSet<>();
    /** How the statement at hand resolves names: keys are the tables names mean there. */
    private TableNamespace.Names names = new TableNamespace.Names("", "");
    private Dialect dialect = Dialect.AUTO;

    /** The guard of a statement whose every target table this run emptied before it. */
    public Optional<Guard> guardOf(Statement statement, TableNamespace.Names names) {
        this.names = names;
        dialect = statement.dialect();
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

    /** Follows what {@code statement} does to the rows of the tables, {@code before} being the schema before it. */
    public void observe(Statement statement, TableNamespace.Names names, SchemaView before) {
        this.names = names;
        dialect = statement.dialect();
        List<Token> tokens = statement.tokens();
        if (!statement.context().runsWithMigration() || tokens.isEmpty()) {
            return;
        }
        if (!atTopLevel(statement)) {
            emptied.clear();
            freed.clear();
            return;
        }
        int main = DestroyedTables.mainKeyword(tokens);
        Token verb = tokens.get(main);
        if (emptied.isEmpty() && freed.isEmpty()
                && !verb.isAnyWord("TRUNCATE", "DELETE", "CREATE", "DROP", "ALTER")) {
            return; // most statements: nothing emptied to forget, and this one empties nothing
        }
        if (!ROWLESS_VERBS.stream().anyMatch(verb::isWord) || verb.isWord("ALTER") && movesRows(tokens, main)) {
            emptied.clear();
            // Whatever it is, it may have created a table under a freed name; a rename frees the name it leaves.
            freed.clear();
            renamedAway(tokens, main).ifPresent(freed::add);
            return;
        }
        if (verb.isWord("CREATE")) {
            // A CREATE in a branch (an upgrade runner's #IfNotTable block) may have found the table there, with rows.
            if (statement.context().branch() == null && main == 0) {
                createdEmpty(statement, tokens);
            }
            return;
        }
        List<String> targets = DestroyedTables.of(tokens, main);
        if (verb.isWord("DELETE") && !targets.stream().allMatch(t -> emptied.containsKey(key(t)))
                && mayFireTriggers(targets, before)) {
            // A trigger on the rows it deletes may add rows anywhere (an archive of deleted rows).
            emptied.clear();
        }
        if (verb.isWord("DROP")) {
            // The name may now be given to a new table, which holds rows of its own.
            targets.forEach(t -> emptied.remove(key(t)));
            if (main + 1 < tokens.size() && tokens.get(main + 1).isWord("TABLE")) {
                targets.forEach(t -> freed.add(key(t)));
            }
        } else if (emptiesEveryRow(tokens, main, targets)) {
            String line = "line " + statement.start().line();
            // The first emptying is the one reported; a second one finds nothing left.
            targets.forEach(t -> emptied.putIfAbsent(key(t), "every row of " + t + " was removed at "
                    + line));
            // SQLite enforces foreign keys only when a connection turns them on, so its children may keep their rows.
            if (verb.isWord("DELETE") && statement.dialect() != Dialect.SQLITE) {
                for (String target : targets) {
                    emptiedWith(target, before).forEach(child -> emptied.putIfAbsent(key(child),
                            "every row of " + child + " was removed at " + line + ", through ON DELETE CASCADE"));
                }
            }
        }
    }

    /**
     * The tables a DELETE of every row of {@code parent} empties, transitively: those whose ON DELETE CASCADE key
     * to an emptied table has only NOT NULL columns. A row with NULL in its key references nothing and stays.
     */
    private static List<String> emptiedWith(String parent, SchemaView before) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(SchemaNames.key(parent)));
        for (int next = -1; next < found.size(); next++) {
            String current = next < 0 ? parent : found.get(next);
            for (Table table : before.tables()) {
                if (!seen.contains(SchemaNames.key(table.name())) && table.foreignKeys().stream()
                        .anyMatch(key -> key.deleteCascades() && key.references(current) && key.columns().stream()
                                .allMatch(c -> table.column(c).map(Column::notNull).orElse(false)))) {
                    seen.add(SchemaNames.key(table.name()));
                    found.add(table.name());
                }
            }
        }
        return found;
    }

    /**
     * True when deleting rows of {@code targets} may fire code that writes rows: a trigger or rule on them, or on a
     * table their ON DELETE CASCADE keys reach, or a table whose triggers the replay cannot know.
     */
    private static boolean mayFireTriggers(List<String> targets, SchemaView before) {
        for (String target : targets) {
            if (before.mayFireTriggers(target)
                    || before.cascades().deletedWith(target).stream().anyMatch(before::mayFireTriggers)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records the table a {@code CREATE TABLE} surely makes new, when it copies no rows into it ({@code AS SELECT},
     * MySQL's bare {@code SELECT}, a clone): a plain one, or one {@code IF NOT EXISTS} whose name the run freed.
     */
    private void createdEmpty(Statement statement, List<Token> tokens) {
        Optional<String> named = CreatedTableNames.namedByCreate(tokens);
        if (named.isEmpty()) {
            return;
        }
        String table = key(named.get());
        boolean surelyNew = CreatedTableNames.createdTable(tokens).isPresent() || freed.contains(table);
        freed.remove(table);
        if (surelyNew && !copiesRows(tokens)) {
            emptied.put(table, "table " + named.get() + " was created at line " + statement.start().line()
                    + " and no row was written to it since");
        }
    }

    /**
     * A CREATE TABLE that fills its table, or may: a word outside its parentheses that starts or names a query
     * ({@code AS SELECT}, {@code AS TABLE src}, MySQL's bare {@code SELECT}, a clone or copy of another table).
     */
    private static boolean copiesRows(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isAnyWord("AS", "SELECT", "WITH", "CLONE", "COPY", "VALUES")) {
                return true;
            }
        }
        return false;
    }

    /** The table {@code ALTER TABLE t RENAME TO x} (or {@code RENAME AS x}) renames away, if it is one. */
    private Optional<String> renamedAway(List<Token> tokens, int main) {
        if (!tokens.get(main).isWord("ALTER")) {
            return Optional.empty();
        }
        for (int i = main + 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("RENAME") && tokens.get(i + 1).isAnyWord("TO", "AS")) {
                List<String> targets = DestroyedTables.of(tokens, main);
                return targets.size() == 1 ? Optional.of(key(targets.get(0))) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The table the name means at the statement at hand, quotes and case aside: the replay's keys leave the schema
     * out, but emptying {@code staging.orders} leaves the rows of {@code orders} (another schema's table, or the
     * search path's) alone, while after {@code USE staging} (or {@code SET search_path TO staging}) {@code orders}
     * is that table.
     */
    private String key(String table) {
        return names.resolve(table, dialect);
    }

    /** A statement of the script itself, on every database: not in a block, a branch or a routine body. */
    private static boolean atTopLevel(Statement statement) {
        return !statement.container() && statement.context().kind() == StatementContext.Kind.SCRIPT
                && statement.context().databases().equals(DatabaseScope.ANY);
    }

    /**
     * An ALTER that renames a table or brings rows in (a partition attached, exchanged or switched, Snowflake's
     * {@code SWAP WITH}, which trades the rows of two tables).
     */
    private static boolean movesRows(List<Token> tokens, int main) {
        return tokens.subList(main, tokens.size()).stream()
                .anyMatch(t -> t.isAnyWord("RENAME", "ATTACH", "EXCHANGE", "SWITCH", "MERGE", "INHERIT", "SWAP"));
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
