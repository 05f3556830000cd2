package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's move of a table's rows in one statement, as a switch to a partitioned table writes it: {@code WITH
 * moved AS (DELETE FROM events RETURNING *) INSERT INTO events_new SELECT * FROM moved}. Every row the DELETE
 * removes is inserted, whole, into the other table, so nothing is lost. A RETURNING or SELECT that names columns,
 * a filter, join or limit on the insert's query, or a second query of the CTE does not count: those may leave
 * rows or values behind.
 */
public final class RowsMovedByReturning {

    private RowsMovedByReturning() {
    }

    /** The guard of {@code model}, when it is such a move of every row its DELETE removes. */
    public static Optional<Guard> guardOf(StatementModel model) {
        List<Token> tokens = model.statement().tokens();
        Dialect dialect = model.statement().dialect();
        if (tokens.size() < 16 || !tokens.get(0).isWord("WITH") || dialect != Dialect.POSTGRESQL
                && dialect != Dialect.AUTO) {
            return Optional.empty();
        }
        int at = 1;
        String moved = tokens.get(at++).upper();
        if (tokens.get(at).isWord("AS")) {
            at++;
        }
        if (tokens.get(at).isWord("NOT")) {
            at++;
        }
        if (tokens.get(at).isWord("MATERIALIZED")) {
            at++;
        }
        if (!tokens.get(at).isSymbol("(") || !tokens.get(at + 1).isWord("DELETE")) {
            return Optional.empty();
        }
        int close = closing(tokens, at);
        if (close < 0 || !tokens.get(close - 1).isSymbol("*") || !tokens.get(close - 2).isWord("RETURNING")) {
            return Optional.empty();
        }
        at = close + 1;
        if (at + 2 >= tokens.size() || !tokens.get(at).isWord("INSERT") || !tokens.get(at + 1).isWord("INTO")) {
            return Optional.empty();
        }
        at += 2;
        StringBuilder target = new StringBuilder(tokens.get(at++).text());
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol(".")) {
            target.append('.').append(tokens.get(at + 1).text());
            at += 2;
        }
        if (at < tokens.size() && tokens.get(at).isSymbol("(")) {
            at = closing(tokens, at) + 1; // a column list must name as many columns as SELECT * yields
        }
        boolean wholeRows = at > 0 && at + 4 == tokens.size() && tokens.get(at).isWord("SELECT")
                && tokens.get(at + 1).isSymbol("*") && tokens.get(at + 2).isWord("FROM")
                && tokens.get(at + 3).upper().equals(moved) && tokens.get(at + 3).type() == TokenType.WORD;
        return wholeRows ? Optional.of(new Guard(Guard.Kind.ROWS_COPIED, "rows moved to " + target
                + " by the same statement")) : Optional.empty();
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
