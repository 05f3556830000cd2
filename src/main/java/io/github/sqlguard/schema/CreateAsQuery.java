package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * Where the query of a {@code CREATE [GLOBAL | LOCAL] [TEMP | TEMPORARY] TABLE target [ON COMMIT ..] [AS] query}
 * starts. A temporary table made so holds a copy all the same; whether that copy keeps anything is
 * {@link TemporaryKeeper}'s to judge, as it is for a temporary table an INSERT fills.
 *
 * @param target the table made, as written
 * @param query where the query starts: its SELECT, or the TABLE of PostgreSQL's and MySQL's {@code TABLE t}
 */
record CreateAsQuery(SchemaNames.Read target, int query) {

    /** The parts of the CREATE TABLE .. AS at {@code main}; empty for any other statement. */
    static Optional<CreateAsQuery> of(List<Token> tokens, int main) {
        if (main >= tokens.size() || !tokens.get(main).isWord("CREATE")) {
            return Optional.empty();
        }
        // CREATE GLOBAL TEMPORARY TABLE, CREATE UNLOGGED TABLE, CREATE OR REPLACE TABLE; never a view's AS
        int table = main + 1;
        while (table < tokens.size() && tokens.get(table).type() == TokenType.WORD
                && !tokens.get(table).isAnyWord("TABLE", "AS", "VIEW")) {
            table++;
        }
        if (table >= tokens.size() || !tokens.get(table).isWord("TABLE")) {
            return Optional.empty();
        }
        // CREATE TABLE IF NOT EXISTS t AS ..: a table of that name that exists already takes no copy
        SchemaNames.Read target = SchemaNames.name(tokens, table + 1);
        if (target == null) {
            return Optional.empty();
        }
        int at = afterOnCommit(tokens, target.next());
        if (at >= tokens.size()) {
            return Optional.empty();
        }
        // MySQL: CREATE TABLE b SELECT * FROM t, without AS
        if (tokens.get(at).isWord("SELECT")) {
            return Optional.of(new CreateAsQuery(target, at));
        }
        return tokens.get(at).isWord("AS") ? Optional.of(new CreateAsQuery(target, at + 1)) : Optional.empty();
    }

    /**
     * Past an {@code ON COMMIT PRESERVE ROWS}, {@code ON COMMIT DELETE ROWS} or {@code ON COMMIT DROP}, which Oracle
     * and PostgreSQL write before the AS of a temporary table; {@code at} when none stands there.
     */
    private static int afterOnCommit(List<Token> tokens, int at) {
        if (at + 2 >= tokens.size() || !tokens.get(at).isWord("ON") || !tokens.get(at + 1).isWord("COMMIT")) {
            return at;
        }
        if (tokens.get(at + 2).isWord("DROP")) {
            return at + 3;
        }
        boolean rows = at + 3 < tokens.size() && tokens.get(at + 2).isAnyWord("PRESERVE", "DELETE")
                && tokens.get(at + 3).isWord("ROWS");
        return rows ? at + 4 : at;
    }
}
