package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DynamicSqlRunners;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tables an earlier block of the run checked are empty, stopping the migration with an error when one had rows
 * ({@code DO $$ BEGIN IF EXISTS (SELECT 1 FROM t) THEN RAISE EXCEPTION '..'; END IF; END $$;}), and that nothing
 * since may have filled: a later {@code DROP TABLE t} of the same run finds it empty. A statement that names the
 * table and may write it, or calls a routine that may, or runs dynamic SQL whose text could not be read, ends what
 * the check says; dynamic SQL whose text was read is followed statement by statement. A call of a routine whose body
 * only checks tables the same way ({@link CalledEmptinessChecks}) is such a check itself.
 */
final class CheckedEmptyTables {

    /**
     * Statements that name a table without adding rows to it. Not a DROP: a table created again under the name
     * afterwards holds other rows.
     */
    private static final Set<String> LEAVE_ROWS = Set.of("COMMENT", "GRANT", "REVOKE", "ANALYZE",
            "VACUUM", "REINDEX", "LOCK", "SET", "RESET");
    /** Statements that run code the script does not show. */
    private static final Set<String> CALLS = Set.of("CALL", "EXEC", "EXECUTE", "PERFORM");
    /** Words that make a statement of one word, which calls no routine. */
    private static final Set<String> STATEMENT_WORDS = Set.of("COMMIT", "ROLLBACK", "NULL", "RETURN", "EXIT",
            "CONTINUE", "BEGIN", "END", "ELSE", "LOOP", "GO", "RAISE", "CHECKPOINT", "SHUTDOWN", "ABORT", "DISCARD",
            "LISTEN", "UNLISTEN");
    /** Functions a SELECT may call that write no table. */
    private static final Set<String> BUILT_INS = Set.of("count", "exists", "in", "any", "all", "coalesce", "max",
            "min", "sum", "avg", "now", "cast", "lower", "upper", "concat", "format", "set_config",
            "current_setting", "nextval", "setval", "currval", "pg_sleep", "version", "nullif", "greatest", "least",
            "length", "substring", "trim", "replace", "to_char", "round", "abs", "array_agg", "string_agg");

    /** By table key: what checked it, and where: {@code "the block at line 3"}, {@code "the call at line 5"}. */
    private final Map<String, String> checkedAt = new LinkedHashMap<>();
    /** By table key, then column key: what checked the column holds no value, and where. */
    private final Map<String, Map<String, String>> valuelessAt = new LinkedHashMap<>();
    /** The last block that checked tables, whose own statements follow it. */
    private Statement checkingBlock;
    /** The offset in the file where the checks that start {@link #checkingBlock} end. */
    private int checksEnd;
    /** The last call that checked tables, whose routine's statements follow it where it runs them. */
    private Statement checkingCall;
    /** The routines the script and earlier migrations created, whose bodies a call runs. */
    private final EarlierRoutines routines;

    CheckedEmptyTables(EarlierRoutines routines) {
        this.routines = routines;
    }

    /**
     * Records the checks {@code statement} makes, or forgets those it may undo; {@code at} says where it starts, and
     * is only asked for when a check is recorded.
     */
    void observe(Statement statement, Supplier<String> at) {
        if (statement.tokens().isEmpty() || withinChecks(statement) || runBy(statement, checkingCall)) {
            return;
        }
        if (checkedAt.isEmpty() && valuelessAt.isEmpty() && statement.context().branch() != null) {
            // A statement in a branch makes no check, and no check stands for it to end. The arms of a branch
            // replay every statement of their run before them, so this path is taken very often.
            return;
        }
        Token first = statement.firstToken();
        Optional<String> thrown = statement.readsAsTsql() && statement.context().branch() == null
                ? EmptinessConditions.tableCheckedEmptyByThrow(statement.sql()) : Optional.empty();
        if (thrown.isPresent()) {
            checkedAt.put(thrown.get(), "the block at " + at.get());
            checkingBlock = statement;
            checksEnd = first.offset() + statement.sql().length(); // the statement is the check, all of it
            return;
        }
        if (statement.container()) {
            // A block's own statements follow it and are observed one by one; a Liquibase custom change runs code.
            if (first.isWord("CALL")) {
                forgetAll();
                return;
            }
            if (statement.context().branch() != null) {
                return;
            }
            EmptinessConditions.BlockChecks checks = EmptinessConditions.checksOfBlock(statement.sql());
            if (checks.end() > 0) {
                String where = "the block at " + at.get();
                checks.tables().forEach(table -> checkedAt.put(table, where));
                checks.columns().forEach(c -> valuelessAt.computeIfAbsent(c.table(), k -> new LinkedHashMap<>())
                        .put(c.column(), where));
                checkingBlock = statement;
                checksEnd = first.offset() + checks.end();
            }
            return;
        }
        if (statement.runtimeSql()) {
            // Dynamic SQL whose text could not be read may add rows to any table, as a routine may.
            forgetAll();
            return;
        }
        if (DynamicSqlRunners.runsOnlyTextReadHere(statement.tokens(), statement.dialect())) {
            return; // the statements of its text follow it, and are observed one by one
        }
        if (first.isAnyWord(CALLS.toArray(String[]::new)) || first.isWord("SELECT") && callsRoutine(statement)
                || isBareCall(statement)) {
            Optional<List<String>> checked = statement.context().branch() == null && !LossGuards.mayBeUndone(statement)
                    ? CalledEmptinessChecks.tablesCheckedBy(statement, routines) : Optional.empty();
            if (checked.isPresent()) {
                // The routine only checks: it leaves earlier checks standing, and its body's statements, which
                // follow the call as it runs them, are this check.
                checked.get().forEach(table -> checkedAt.put(table, "the call at " + at.get()));
                checkingCall = statement;
            } else {
                forgetAll();
            }
            return;
        }
        if (checkedAt.isEmpty() && valuelessAt.isEmpty()) {
            return;
        }
        if (first.type() == TokenType.WORD && LEAVE_ROWS.contains(first.text().toUpperCase(Locale.ROOT))) {
            return;
        }
        for (Token token : statement.tokens()) {
            if (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME) {
                checkedAt.remove(SchemaNames.key(token.text()));
                valuelessAt.remove(SchemaNames.key(token.text()));
            }
        }
    }

    /** What checked {@code table} (a key) is empty, and where, while that check still holds. */
    Optional<String> checkOf(String table) {
        return Optional.ofNullable(checkedAt.get(table));
    }

    /**
     * The columns of {@code table} (a key) an earlier block checked hold no value, stopping the migration when one
     * did, by column key with what checked it, while nothing since may have written them.
     */
    Map<String, String> valuelessOf(String table) {
        return valuelessAt.getOrDefault(table, Map.of());
    }

    /** Forgets the check of the table {@code key} named, which now means another table. */
    void forget(String key) {
        checkedAt.remove(key);
        valuelessAt.remove(key);
    }

    private void forgetAll() {
        checkedAt.clear();
        valuelessAt.clear();
    }

    /**
     * True when {@code statement} is one of the checks that start {@link #checkingBlock}: they name the tables they
     * check without writing them. The block's statements after its checks may write them, and end the checks.
     */
    private boolean withinChecks(Statement statement) {
        Statement block = checkingBlock;
        if (block == null || statement == block || !block.start().path().equals(statement.start().path())) {
            return false;
        }
        int from = block.firstToken().offset();
        int offset = statement.firstToken().offset();
        return offset > from && offset < checksEnd;
    }

    /**
     * True when {@code statement} is one of the body statements that {@code call} ran, which arrive at the call's
     * place after it.
     */
    private static boolean runBy(Statement statement, Statement call) {
        return call != null && statement != call && statement.start().equals(call.start());
    }

    /**
     * True for a PL/SQL procedure call written as a statement of its own, {@code refill_audit;} or {@code
     * maint.refill('audit');}, but for the words that are statements themselves ({@code COMMIT;}, {@code NULL;}) and
     * the console output of DBMS_OUTPUT, which writes no table.
     */
    private static boolean isBareCall(Statement statement) {
        List<Token> tokens = statement.tokens().stream().filter(token -> token.type() != TokenType.COMMENT
                && token.type() != TokenType.TERMINATOR).toList();
        if (tokens.isEmpty() || tokens.get(0).type() != TokenType.WORD
                || STATEMENT_WORDS.contains(tokens.get(0).text().toUpperCase(Locale.ROOT))
                || LEAVE_ROWS.contains(tokens.get(0).text().toUpperCase(Locale.ROOT))
                || tokens.get(0).text().toUpperCase(Locale.ROOT).startsWith("DBMS_OUTPUT")) {
            return false;
        }
        int at = 1;
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol(".")
                && (tokens.get(at + 1).type() == TokenType.WORD || tokens.get(at + 1).type() == TokenType.QUOTED_NAME)) {
            at += 2;
        }
        if (at == tokens.size()) {
            return true;
        }
        return tokens.get(at).isSymbol("(") && tokens.get(tokens.size() - 1).isSymbol(")");
    }

    /** True when a SELECT calls a function that may write a table: {@code SELECT drop_old();}. */
    private static boolean callsRoutine(Statement statement) {
        List<Token> tokens = statement.tokens();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if ((token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME)
                    && tokens.get(i + 1).isSymbol("(") && !tokens.get(i - 1).isAnyWord("FROM", "JOIN", "INTO")
                    && !BUILT_INS.contains(SchemaNames.key(token.text()))) {
                return true;
            }
        }
        return false;
    }
}
