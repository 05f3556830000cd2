package io.github.sqlguard.sql;

import java.util.List;

/** Finding words and symbols of a statement outside any parentheses, where they belong to the statement itself. */
public final class TopLevel {

    private TopLevel() {
    }

    /** The index of the first word {@code word} outside parentheses at or after {@code from}, or -1. */
    public static int wordIndex(List<Token> tokens, int from, String word) {
        return firstWordIndex(tokens, from, word);
    }

    /** The index of the first of {@code words} outside parentheses at or after {@code from}, or -1. */
    public static int firstWordIndex(List<Token> tokens, int from, String... words) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isAnyWord(words)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first symbol {@code symbol} outside parentheses at or after {@code from}, or -1. */
    public static int symbolIndex(List<Token> tokens, int from, String symbol) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isSymbol(symbol)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code tokens} without the parentheses that enclose all of them, however many: {@code ((a))} is {@code a}. */
    public static List<Token> withoutEnclosingParentheses(List<Token> tokens) {
        List<Token> inside = tokens;
        while (inside.size() > 2 && inside.get(0).isSymbol("(") && closingParenthesis(inside, 0) == inside.size() - 1) {
            inside = inside.subList(1, inside.size() - 1);
        }
        return inside;
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
