package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A PL/pgSQL or PL/SQL {@code FOR rec IN SELECT .. LOOP} (or {@code FOR rec IN cursor LOOP} over a cursor the block
 * declares) that runs a body statement once for every row its query returns: the statement sits directly in the
 * loop, the loop runs whenever its body runs, and no {@code CONTINUE}, {@code EXIT}, {@code RETURN} or
 * {@code GOTO} between the loop's start and the statement can skip a row. An {@code INSERT .. VALUES (rec.a,
 * rec.b)} there copies the rows as {@code INSERT .. SELECT a, b FROM ..} would. A loop that fetches a declared
 * cursor's next row first and then only tests for its end ({@link FetchLoops}) runs its next statement that way too.
 *
 * @param record the name of the loop's record variable, as written; for a fetch loop, its first INTO target
 * @param query the loop's query, from its SELECT up to the LOOP, without a closing {@code FOR UPDATE}
 * @param cursor the name of the declared cursor the loop reads, or null for a query written in the loop
 * @param targets for a fetch loop, the variables its FETCH reads the select list's items into, in order; empty for
 *     a FOR loop
 * @param always true when the loop runs whenever its body runs: not in a branch, another loop or after a handler
 *     that may go on past a failure, so that what it copies is sure to have been copied
 * @param index for a PL/SQL {@code FORALL i IN ..} over collections a {@code BULK COLLECT INTO} filled
 *     ({@link BulkLoops}), its index {@code i}, with which {@code ids(i)} reads the row's item of collection
 *     {@code ids}, one of {@code targets}; null for any other loop
 * @param forVariables for a FOR loop, the variables it reads each row into: its record, or the scalars PL/pgSQL
 *     lets it name instead ({@code FOR k, v IN SELECT id, name ..}), in the select list's order; empty for another
 *     loop
 * @param everyRow true when the loop runs the statement for every row of its query; false where a CONTINUE, EXIT,
 *     .. may leave rows out ({@link #leavingRowsOut}), and the statement only reads the row of the loop
 */
public record RowLoop(String record, List<Token> query, String cursor, List<String> targets, boolean always,
        String index, List<String> forVariables, boolean everyRow) {

    public RowLoop {
        query = List.copyOf(query);
        targets = List.copyOf(targets);
        forVariables = List.copyOf(forVariables);
    }

    public RowLoop(String record, List<Token> query, String cursor) {
        this(record, query, cursor, List.of(), true, null, List.of(record), true);
    }

    /** The FOR loop that reads each row of {@code query} (or of {@code cursor}) into {@code variables}. */
    private static RowLoop reading(List<String> variables, List<Token> query, String cursor) {
        return new RowLoop(variables.get(0), query, cursor, List.of(), true, null, variables, true);
    }

    /** The loop that fetches cursor {@code cursor}, declared with {@code query}, into {@code targets}. */
    static RowLoop fetching(String cursor, List<String> targets, List<Token> query) {
        return new RowLoop(targets.get(0), withoutLocking(query), cursor, targets, true, null, List.of(), true);
    }

    /**
     * The {@code FORALL index IN ..} over every element of the collections {@code targets} that a {@code BULK
     * COLLECT INTO} filled from {@code query}, read through {@code cursor} or written in place (null).
     */
    static RowLoop collected(String index, String cursor, List<String> targets, List<Token> query) {
        return new RowLoop(index, withoutLocking(query), cursor, targets, true, index, List.of(), true);
    }

    /**
     * This loop where a branch, an outer loop or a handler may keep it from running: it still runs its statement for
     * every row when it runs.
     */
    RowLoop inBranch() {
        return new RowLoop(record, query, cursor, targets, false, index, forVariables, everyRow);
    }

    /**
     * This FOR loop where a CONTINUE, EXIT, RETURN or GOTO may leave rows out of what it runs: its statements still
     * read its row ({@code EXECUTE IMMEDIATE r.cmd} runs what the select list builds), but none runs for every row.
     * Null for a fetch loop or a FORALL, whose statements read no record of their own.
     */
    RowLoop leavingRowsOut() {
        return fetches() || bulk() ? null
                : new RowLoop(record, query, cursor, targets, always, index, forVariables, false);
    }

    /** True for a loop that FETCHes each row: it runs only the first statement after its end test for every row. */
    public boolean fetches() {
        return !targets.isEmpty() && index == null;
    }

    /**
     * The variables each row is read into, in the select list's order: a FETCH's or a BULK COLLECT's targets, else
     * the FOR loop's own variables, which PL/pgSQL lets be scalars that take the row's values in order
     * ({@code FOR k IN SELECT id FROM t LOOP}, {@code FOR k, v IN SELECT id, name FROM t LOOP}).
     */
    public List<String> variables() {
        return targets.isEmpty() ? forVariables : targets;
    }

    /** True for a FORALL over collections a BULK COLLECT filled: {@code ids(index)} reads the row's items. */
    public boolean bulk() {
        return index != null;
    }

    /**
     * The {@code FOR rec IN SELECT ..} at {@code forAt} whose LOOP is at {@code body} (PL/SQL also writes the query
     * in parentheses, {@code FOR rec IN (SELECT ..) LOOP}; PL/pgSQL also {@code FOR a, b IN SELECT ..}), or the
     * {@code FOR rec IN cursor LOOP} over a cursor
     * declared before it, or null for another FOR; {@code to} ends the body.
     */
    static RowLoop at(List<Token> tokens, int forAt, int body, int to) {
        if (!tokens.get(forAt).isWord("FOR") || !tokens.get(body).isWord("LOOP")) {
            return null;
        }
        // PL/pgSQL: FOR a, b IN SELECT x, y .. reads each row into several scalars.
        List<String> variables = new ArrayList<>();
        int at = forAt + 1;
        while (true) {
            Token variable = BlockSyntax.at(tokens, at, to);
            if (variable == null || variable.type() != TokenType.WORD) {
                return null;
            }
            variables.add(variable.text());
            if (!BlockSyntax.isSymbolAt(tokens, at + 1, to, ",")) {
                break;
            }
            at += 2;
        }
        Token in = BlockSyntax.at(tokens, ++at, to);
        if (in == null || !in.isWord("IN")) {
            return null;
        }
        int query = at + 1;
        int end = body;
        Token open = BlockSyntax.at(tokens, query, end);
        if (query < body && open != null && open.isSymbol("(")
                && TopLevel.closingParenthesis(tokens.subList(query, body), 0) == body - 1 - query) {
            query++;
            end--;
        }
        Token select = BlockSyntax.at(tokens, query, end);
        if (select != null && select.isWord("SELECT")) {
            return reading(variables, withoutLocking(tokens.subList(query, end)), null);
        }
        boolean cursorLoop = select != null && select.type() == TokenType.WORD
                && (query + 1 == end || tokens.get(query + 1).isSymbol("("));
        List<Token> declared = cursorLoop ? CursorDeclarations.query(tokens.subList(0, forAt), select.text()) : null;
        return declared == null ? null : reading(variables, withoutLocking(declared), select.text());
    }

    /**
     * The query without a closing {@code FOR UPDATE [OF ..] [NOWAIT | SKIP LOCKED]} or T-SQL {@code FOR READ ONLY},
     * which choose no rows.
     */
    private static List<Token> withoutLocking(List<Token> query) {
        int depth = 0;
        for (int i = 0; i + 1 < query.size(); i++) {
            Token token = query.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isWord("FOR") && query.get(i + 1).isAnyWord("UPDATE", "SHARE", "READ")) {
                return query.subList(0, i);
            }
        }
        return query;
    }
}
