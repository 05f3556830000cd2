package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the statements of a routine body that may or may not run (in a branch, a loop's arm, a nested routine) may
 * write, by table key: the columns an UPDATE of one table assigns, or, in {@link #wholeTables}, every column and
 * row of a table another statement names. A call of the routine leaves the replay's facts of the other tables
 * and columns as they were.
 */
record BodyWrites(Set<String> wholeTables, Map<String, Set<String>> columns) {

    /** Main words of statements that write no table (MySQL's and PL/SQL's control statements, queries). */
    private static final String[] WRITE_NOTHING = {"SELECT", "DECLARE", "SET", "OPEN", "FETCH", "CLOSE", "LEAVE",
        "ITERATE", "RETURN", "EXIT", "CONTINUE", "NULL", "SIGNAL", "RESIGNAL"};

    /** Words that run other code, or SQL text, from a body: what they write is not read here. */
    private static final String[] RUNS_OTHER_CODE = {"CALL", "EXEC", "EXECUTE", "PREPARE"};

    /** Nothing written yet. */
    static BodyWrites none() {
        return new BodyWrites(new HashSet<>(), new HashMap<>());
    }

    /**
     * Adds what {@code statement} may write; false when it runs another routine or SQL text, whose writes are
     * not read here.
     */
    boolean add(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.runtimeSql() || tokens.stream().anyMatch(token -> token.isAnyWord(RUNS_OTHER_CODE))) {
            return false;
        }
        // A block's own statements follow it; its condition only reads.
        if (statement.container() || tokens.isEmpty() || tokens.get(0).isAnyWord(WRITE_NOTHING)
                && !tokens.get(0).isWord("SELECT")
                || tokens.get(0).isWord("SELECT") && tokens.stream().noneMatch(token -> token.isWord("INTO"))) {
            return true;
        }
        Optional<ColumnWrites.Update> update = ColumnWrites.update(tokens);
        if (update.isPresent() && !update.get().assigned().isEmpty()) {
            columns.computeIfAbsent(SchemaNames.key(update.get().table()), k -> new HashSet<>())
                    .addAll(update.get().assigned().stream().map(SchemaNames::key).toList());
            return true;
        }
        TableNames.of(tokens).forEach(table -> wholeTables.add(SchemaNames.key(table)));
        return true;
    }

    /** Adds {@code other}'s writes to these. */
    void addAll(BodyWrites other) {
        wholeTables.addAll(other.wholeTables);
        other.columns.forEach((table, written) -> columns.computeIfAbsent(table, k -> new HashSet<>())
                .addAll(written));
    }
}
