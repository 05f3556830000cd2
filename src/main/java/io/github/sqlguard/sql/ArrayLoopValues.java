package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a PL/pgSQL loop over a written array gives its variable: cleanup blocks empty or drop a list of tables
 * one by one ({@code FOREACH t IN ARRAY ARRAY['a', 'b'] LOOP EXECUTE format('TRUNCATE %I', t); END LOOP}, also
 * {@code FOR t IN SELECT unnest(ARRAY['a', 'b']) LOOP}), so the text the loop runs takes each of them in turn.
 */
final class ArrayLoopValues {

    private ArrayLoopValues() {
    }

    /**
     * {@code tokens}, a statement of {@code scope}, once for each value of the first variable it uses that a loop
     * before it reads from a written array ({@code FOREACH t IN ARRAY ARRAY['a', 'b']}), with every use of that
     * variable replaced by the value, placed where the variable stands; null when it uses no such variable.
     */
    static List<List<Token>> eachValue(List<Token> tokens, List<Token> scope) {
        if (tokens.isEmpty() || scope.isEmpty() || tokens.get(0).offset() < scope.get(0).offset()) {
            return null;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token use = tokens.get(i);
            List<Token> values = use.type() == TokenType.WORD && (i == 0 || !tokens.get(i - 1).isSymbol("."))
                    && (i + 1 == tokens.size() || !tokens.get(i + 1).isSymbol(".")) ? valuesBefore(scope, use) : null;
            if (values != null) {
                List<List<Token>> each = new ArrayList<>(values.size());
                for (Token value : values) {
                    each.add(replaced(tokens, use.text(), value));
                }
                return each;
            }
        }
        return null;
    }

    /** {@code tokens} with each word named {@code variable} (not part of a qualified name) as {@code value}. */
    private static List<Token> replaced(List<Token> tokens, String variable, Token value) {
        List<Token> result = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean use = token.isWord(variable) && (i == 0 || !tokens.get(i - 1).isSymbol("."))
                    && (i + 1 == tokens.size() || !tokens.get(i + 1).isSymbol("."));
            result.add(use ? new Token(value.type(), value.text(), token.offset(), token.line(), token.column())
                    : token);
        }
        return result;
    }

    /** The values of the last loop header in {@code scope} before {@code use} that reads its variable so; or null. */
    private static List<Token> valuesBefore(List<Token> scope, Token use) {
        List<Token> values = null;
        for (int i : ScopeIndex.of(scope).wordsNamed(use.text())) {
            if (i > 0 && scope.get(i).offset() < use.offset() && scope.get(i - 1).isAnyWord("FOREACH", "FOR")) {
                values = values(scope, i);
            }
        }
        return values;
    }

    /**
     * The texts of the array the loop header whose variable stands at {@code at} of {@code scope} reads; null when it
     * is no loop variable of such a header, or when the array holds anything but texts.
     */
    private static List<Token> values(List<Token> scope, int at) {
        if (at < 1 || at + 3 >= scope.size() || !scope.get(at + 1).isWord("IN")) {
            return null;
        }
        Token loop = scope.get(at - 1);
        if (loop.isWord("FOREACH") && scope.get(at + 2).isWord("ARRAY")) {
            return texts(scope, at + 3);
        }
        if (loop.isWord("FOR") && scope.get(at + 2).isWord("SELECT") && at + 5 < scope.size()
                && scope.get(at + 3).isWord("UNNEST") && scope.get(at + 4).isSymbol("(")) {
            int close = TopLevel.closingParenthesis(scope, at + 4);
            return close > 0 && close + 1 < scope.size() && scope.get(close + 1).isWord("LOOP")
                    ? texts(scope, at + 5) : null;
        }
        return null;
    }

    /** The texts of {@code ARRAY['a', 'b']} at {@code at}; null for anything else. */
    private static List<Token> texts(List<Token> scope, int at) {
        if (at + 2 >= scope.size() || !scope.get(at).isWord("ARRAY") || !scope.get(at + 1).isSymbol("[")) {
            return null;
        }
        List<Token> values = new ArrayList<>();
        for (int i = at + 2; i + 1 < scope.size(); i += 2) {
            Token value = scope.get(i);
            if (value.type() != TokenType.STRING || !value.text().startsWith("'")) {
                return null;
            }
            values.add(value);
            if (scope.get(i + 1).isSymbol("]")) {
                return values;
            }
            if (!scope.get(i + 1).isSymbol(",")) {
                return null;
            }
        }
        return null;
    }
}
