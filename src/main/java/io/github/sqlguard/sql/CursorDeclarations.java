package io.github.sqlguard.sql;

import java.util.List;

/**
 * Finds the query of a cursor a block declares, as PL/SQL writes it ({@code CURSOR c [(params)] [RETURN type] IS
 * SELECT ..;}) and as PL/pgSQL does ({@code c [NO] [SCROLL] CURSOR [(params)] FOR | IS SELECT ..;}).
 */
final class CursorDeclarations {

    private CursorDeclarations() {
    }

    /** The query of the last declaration of cursor {@code name} in {@code tokens}, up to its {@code ;}, or null. */
    static List<Token> query(List<Token> tokens, String name) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).isWord("CURSOR") && names(tokens, i, name)) {
                List<Token> found = queryAfter(tokens, i + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** True when the CURSOR at {@code at} declares {@code name}: just after it, or just before its options. */
    private static boolean names(List<Token> tokens, int at, String name) {
        if (at + 1 < tokens.size() && tokens.get(at + 1).isWord(name)) {
            return true;
        }
        int before = at - 1;
        while (before >= 0 && tokens.get(before).isAnyWord("NO", "SCROLL")) {
            before--;
        }
        return before >= 0 && tokens.get(before).isWord(name);
    }

    /** The SELECT after the declaration's IS or FOR, skipping its parameters, up to the top-level {@code ;}. */
    private static List<Token> queryAfter(List<Token> tokens, int from) {
        int depth = 0;
        int select = -1;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (token.isSymbol(";") || token.type() == TokenType.TERMINATOR)) {
                return select < 0 ? null : tokens.subList(select, i);
            } else if (depth == 0 && select < 0 && token.isWord("SELECT") && i > from
                    && tokens.get(i - 1).isAnyWord("IS", "FOR")) {
                select = i;
            }
        }
        return null;
    }
}
