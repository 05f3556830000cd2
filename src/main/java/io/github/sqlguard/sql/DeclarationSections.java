package io.github.sqlguard.sql;

import java.util.List;

/**
 * The declaration section of a PL/SQL or PL/pgSQL block ({@code DECLARE ..} or a routine's {@code IS ..}): where it
 * ends, at the BEGIN of its block or at the END of a package specification, and how many routines declared in it
 * open sections of their own on the way ({@code PROCEDURE p IS v NUMBER; BEGIN ..}).
 */
final class DeclarationSections {

    /**
     * Where a section ends.
     *
     * @param next the index after its BEGIN, the index of its END, or -1 when it reaches neither
     * @param atBegin true when it ends at a BEGIN that opens its block
     * @param nestedSections the sections of routines declared in it opened on the way, innermost last
     */
    record End(int next, boolean atBegin, int nestedSections) {
    }

    private DeclarationSections() {
    }

    /** The end of the declaration section that starts at {@code from}, reading no further than {@code to}. */
    static End end(List<Token> tokens, int from, int to) {
        int parenDepth = 0;
        int caseDepth = 0;
        int nested = 0;
        boolean routineHeader = false;
        for (int pos = from; pos < to; pos++) {
            Token token = tokens.get(pos);
            if (token.isSymbol("(")) {
                parenDepth++;
            } else if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
            } else if (BlockSyntax.isSemicolon(token) && parenDepth == 0) {
                routineHeader = false;
            } else if (token.type() == TokenType.WORD && parenDepth == 0
                    && BlockSyntax.isKeywordPosition(tokens, pos)) {
                if (token.isWord("CASE")) {
                    caseDepth++;
                } else if (token.isWord("END") && caseDepth > 0) {
                    caseDepth--;
                } else if (token.isWord("BEGIN") && BlockSyntax.beginsBlock(tokens, pos, to)) {
                    return new End(pos + 1, true, nested);
                } else if (token.isWord("END")) {
                    return new End(pos, false, nested);
                } else if (token.isAnyWord("PROCEDURE", "FUNCTION")) {
                    routineHeader = true;
                } else if (token.isAnyWord("IS", "AS") && routineHeader) {
                    routineHeader = false;
                    Token next = BlockSyntax.at(tokens, pos + 1, to);
                    if (next != null && !next.isAnyWord("LANGUAGE", "EXTERNAL")) {
                        nested++;
                    }
                }
            }
        }
        return new End(-1, false, nested);
    }
}
