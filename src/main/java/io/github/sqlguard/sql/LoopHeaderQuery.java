package io.github.sqlguard.sql;

import java.util.List;

/**
 * The query in a {@code FOR r IN query LOOP} header, which runs once as the loop starts: PL/pgSQL's may be a DELETE
 * or UPDATE with RETURNING, a data-changing CTE, a SELECT that calls a routine, or a text run by {@code FOR r IN
 * EXECUTE '..'}; PL/SQL writes its SELECT in parentheses. Such a query is checked as a statement of the body. A
 * SELECT that calls no routine only reads the rows the loop runs for, and a range ({@code 1 .. 10}), a cursor or an
 * array is no query.
 */
final class LoopHeaderQuery {

    /** Words a parenthesis follows that call no routine: a list, a subquery, a window, a column list. */
    private static final String[] NOT_CALLS = {"SELECT", "FROM", "JOIN", "LATERAL", "WHERE", "AND", "OR", "NOT", "IN",
        "EXISTS", "ANY", "SOME", "ALL", "VALUES", "AS", "ON", "USING", "OVER", "FILTER", "WITHIN", "UNION",
        "INTERSECT", "EXCEPT", "MINUS", "THEN", "ELSE", "WHEN", "BY", "TABLE"};

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
     * data-changing CTE) or calls a routine anywhere, whose body may change rows: in its FROM ({@code FROM
     * purge_old(30)}, {@code JOIN app.f() x}) as in its select list or WHERE ({@code SELECT purge_old(30)}).
     */
    private static boolean mayChangeRows(List<Token> tokens, int from, int end) {
        for (int i = from; i < end; i++) {
            Token token = tokens.get(i);
            if (i > from && token.isAnyWord("DELETE", "UPDATE", "INSERT", "MERGE")) {
                return true;
            }
            if (i + 1 < end && tokens.get(i + 1).isSymbol("(") && callsRoutine(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    /** True when the name at {@code at}, which a parenthesis follows, is a routine's rather than SQL's own word. */
    private static boolean callsRoutine(List<Token> tokens, int at) {
        Token name = tokens.get(at);
        boolean named = name.type() == TokenType.QUOTED_NAME
                || name.type() == TokenType.WORD && !name.isAnyWord(NOT_CALLS);
        return named && !tokens.get(at - 1).isWord("INTO");
    }
}
