package io.github.sqlguard.sql;

import java.util.List;

/**
 * The query in a {@code FOR r IN query LOOP} header, which runs once as the loop starts: PL/pgSQL's may be a DELETE
 * or UPDATE with RETURNING, a data-changing CTE, a SELECT from a routine, or a text run by {@code FOR r IN EXECUTE
 * '..'}; PL/SQL writes its SELECT in parentheses. Such a query is checked as a statement of the body. A plain SELECT
 * only reads the rows the loop runs for, and a range ({@code 1 .. 10}), a cursor or an array is no query.
 */
final class LoopHeaderQuery {

    private LoopHeaderQuery() {
    }

    /**
     * Where the query of the loop whose FOR stands at {@code forAt} and whose LOOP (or DO) at {@code loopWord} lies,
     * as {@code [from, to)}, without the parentheses around it; null when it is none or cannot change rows.
     */
    static int[] span(List<Token> tokens, int forAt, int loopWord) {
        int in = forAt + 1;
        while (in < loopWord && !tokens.get(in).isWord("IN")) {
            in++;
        }
        int from = in + 1;
        int end = loopWord;
        if (from < end && tokens.get(from).isSymbol("(") && TopLevel.closingParenthesis(tokens, from) == end - 1) {
            from++;
            end--;
        }
        if (from >= end) {
            return null;
        }
        Token first = tokens.get(from);
        boolean changes = first.isAnyWord("DELETE", "UPDATE", "INSERT", "MERGE", "EXECUTE")
                || first.isAnyWord("SELECT", "WITH") && mayChangeRows(tokens, from, end);
        return changes ? new int[] {from, end} : null;
    }

    /**
     * True when the SELECT or WITH query in {@code [from, end)} holds a DELETE, UPDATE, INSERT or MERGE (a
     * data-changing CTE) or reads a routine in its FROM ({@code FROM purge_old(30)}, {@code JOIN app.f() x}), whose
     * body may change rows.
     */
    private static boolean mayChangeRows(List<Token> tokens, int from, int end) {
        for (int i = from; i < end; i++) {
            Token token = tokens.get(i);
            if (i > from && token.isAnyWord("DELETE", "UPDATE", "INSERT", "MERGE")) {
                return true;
            }
            if (token.isAnyWord("FROM", "JOIN")) {
                int name = i + 1;
                while (name + 2 < end && tokens.get(name + 1).isSymbol(".")) {
                    name += 2;
                }
                if (name + 1 < end && tokens.get(name).type() == TokenType.WORD
                        && tokens.get(name + 1).isSymbol("(")) {
                    return true;
                }
            }
        }
        return false;
    }
}
