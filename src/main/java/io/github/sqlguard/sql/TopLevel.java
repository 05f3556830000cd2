package io.github.sqlguard.sql;

import java.util.List;

/** Finding words of a statement outside any parentheses, where they belong to the statement itself. */
public final class TopLevel {

    private TopLevel() {
    }

    /** The index of the first word {@code word} outside parentheses at or after {@code from}, or -1. */
    public static int wordIndex(List<Token> tokens, int from, String word) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the {@code )} closing the {@code (} at {@code open}, or -1. */
    public static int closingParenthesis(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
