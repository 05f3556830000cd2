package io.github.sqlguard.sql;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Where a ClickHouse mutation starts inside its ALTER TABLE: {@code DELETE [IN PARTITION p] WHERE ..} and
 * {@code UPDATE c = .. [IN PARTITION p] WHERE ..} are clauses of the ALTER, not statements, since no DELETE
 * statement has WHERE right after its verb and no UPDATE statement assigns without SET.
 */
public final class ClickHouseMutation {

    /** A column written as one name token: {@code url}, {@code `ts`}. */
    public static final IntUnaryOperator ONE_TOKEN_COLUMN = index -> index + 1;

    private ClickHouseMutation() {
    }

    /**
     * True when the DELETE or UPDATE at {@code index} starts a mutation.
     *
     * @param tokens the tokens, read up to {@code to}
     * @param columnEnd for an UPDATE, the index after the column name starting at the index it is given, or -1
     *     when no name starts there; only a word or a quoted name is offered to it
     */
    public static boolean startsAt(List<Token> tokens, int index, int to, IntUnaryOperator columnEnd) {
        Token verb = BlockSyntax.at(tokens, index, to);
        Token next = BlockSyntax.at(tokens, index + 1, to);
        if (verb == null || next == null) {
            return false;
        }
        if (verb.isWord("DELETE")) {
            Token afterNext = BlockSyntax.at(tokens, index + 2, to);
            return next.isWord("WHERE") || next.isWord("IN") && afterNext != null && afterNext.isWord("PARTITION");
        }
        if (!verb.isWord("UPDATE") || next.isWord("SET")
                || next.type() != TokenType.WORD && next.type() != TokenType.QUOTED_NAME) {
            return false;
        }
        int end = columnEnd.applyAsInt(index + 1);
        Token assignment = end < 0 ? null : BlockSyntax.at(tokens, end, to);
        return assignment != null && assignment.isSymbol("=");
    }
}
