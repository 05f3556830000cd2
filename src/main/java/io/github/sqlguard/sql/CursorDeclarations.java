package io.github.sqlguard.sql;

import java.util.List;

/**
 * Finds the query of a cursor a block declares, as PL/SQL writes it ({@code CURSOR c [(params)] [RETURN type] IS
 * SELECT ..;}), as PL/pgSQL does ({@code c [NO] [SCROLL] CURSOR [(params)] FOR | IS SELECT ..;}), as MySQL and T-SQL
 * do ({@code DECLARE c [INSENSITIVE] [SCROLL] CURSOR [options] FOR SELECT ..}), or the query a PL/pgSQL or PL/SQL
 * {@code OPEN c FOR SELECT ..} binds to a cursor variable.
 */
final class CursorDeclarations {

    private CursorDeclarations() {
    }

    /** The query of the last declaration of cursor {@code name} in {@code tokens}, up to its {@code ;}, or null. */
    static List<Token> query(List<Token> tokens, String name) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (opensFor(tokens, i, name)) {
                // The query this OPEN binds replaces any the cursor had; a dynamic one is not known.
                return queryAfter(tokens, i + 2);
            }
            if (tokens.get(i).isWord("CURSOR") && names(tokens, i, name)) {
                List<Token> found = queryAfter(tokens, i + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** {@code OPEN name FOR} at {@code at}. */
    private static boolean opensFor(List<Token> tokens, int at, String name) {
        return at + 2 < tokens.size() && tokens.get(at).isWord("OPEN") && tokens.get(at + 1).isWord(name)
                && tokens.get(at + 2).isWord("FOR");
    }

    /** True when the CURSOR at {@code at} declares {@code name}: just after it, or just before its options. */
    private static boolean names(List<Token> tokens, int at, String name) {
        if (at + 1 < tokens.size() && tokens.get(at + 1).isWord(name)) {
            return true;
        }
        int before = at - 1;
        while (before >= 0 && tokens.get(before).isAnyWord("NO", "SCROLL", "INSENSITIVE")) {
            before--;
        }
        return before >= 0 && tokens.get(before).isWord(name);
    }

    /**
     * The SELECT after the declaration's IS or FOR, skipping its parameters, up to the top-level {@code ;} or (T-SQL,
     * which needs none) the word that starts the next statement.
     */
    private static List<Token> queryAfter(List<Token> tokens, int from) {
        int depth = 0;
        int select = -1;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (token.isSymbol(";") || token.type() == TokenType.TERMINATOR
                    || select >= 0 && startsNextStatement(tokens, i))) {
                return select < 0 ? null : tokens.subList(select, i);
            } else if (depth == 0 && select < 0 && token.isWord("SELECT") && i > from
                    && tokens.get(i - 1).isAnyWord("IS", "FOR")) {
                select = i;
            }
        }
        return null;
    }

    /** A statement's first word after the query: not another SELECT of a set operation, nor the UPDATE of FOR UPDATE. */
    private static boolean startsNextStatement(List<Token> tokens, int at) {
        Token token = tokens.get(at);
        return token.type() == TokenType.BATCH_SEPARATOR || !token.isWord("SELECT")
                && !tokens.get(at - 1).isWord("FOR") && BlockSyntax.isStatementStarter(tokens, at, tokens.size());
    }
}
