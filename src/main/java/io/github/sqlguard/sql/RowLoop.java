package io.github.sqlguard.sql;

import java.util.List;

/**
 * A PL/pgSQL or PL/SQL {@code FOR rec IN SELECT .. LOOP} that runs a body statement once for every row its query
 * returns: the statement sits directly in the loop, the loop runs whenever its body runs, and no {@code CONTINUE},
 * {@code EXIT}, {@code RETURN} or {@code GOTO} between the loop's start and the statement can skip a row. An
 * {@code INSERT .. VALUES (rec.a, rec.b)} there copies the rows as {@code INSERT .. SELECT a, b FROM ..} would.
 *
 * @param record the name of the loop's record variable, as written
 * @param query the loop's query, from its SELECT up to the LOOP
 */
public record RowLoop(String record, List<Token> query) {

    public RowLoop {
        query = List.copyOf(query);
    }

    /**
     * The {@code FOR rec IN SELECT ..} at {@code forAt} whose LOOP is at {@code body} (PL/SQL also writes the query
     * in parentheses, {@code FOR rec IN (SELECT ..) LOOP}), or null for another FOR; {@code to} ends the body.
     */
    static RowLoop at(List<Token> tokens, int forAt, int body, int to) {
        Token record = BlockSyntax.at(tokens, forAt + 1, to);
        Token in = BlockSyntax.at(tokens, forAt + 2, to);
        int query = forAt + 3;
        int end = body;
        Token open = BlockSyntax.at(tokens, query, to);
        if (query < body && open != null && open.isSymbol("(")
                && TopLevel.closingParenthesis(tokens.subList(query, body), 0) == body - 1 - query) {
            query++;
            end--;
        }
        Token select = BlockSyntax.at(tokens, query, end);
        boolean queryLoop = tokens.get(forAt).isWord("FOR") && tokens.get(body).isWord("LOOP") && record != null
                && record.type() == TokenType.WORD && in != null && in.isWord("IN") && select != null
                && select.isWord("SELECT");
        return queryLoop ? new RowLoop(record.text(), tokens.subList(query, end)) : null;
    }
}
