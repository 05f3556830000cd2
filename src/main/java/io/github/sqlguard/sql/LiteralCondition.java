package io.github.sqlguard.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The truth of a condition made of literals and of names whose literal is known ({@link DecidedArms}): comparisons
 * with {@code =}, {@code <>} and {@code !=}, {@code IS [NOT] NULL}, a boolean literal alone, joined by AND, OR and
 * NOT, in SQL's three-valued logic. Anything else is undecided.
 */
final class LiteralCondition {

    /** SQL's three truth values, and a fourth for a condition the literals do not decide. */
    enum Truth { TRUE, FALSE, NULL, UNDECIDED }

    private LiteralCondition() {
    }

    /** The truth of {@code condition} where each name of {@code fixed} holds its literal. */
    static Truth truth(List<Token> condition, Map<String, Token> fixed) {
        List<Token> inner = TopLevel.withoutEnclosingParentheses(condition);
        List<List<Token>> alternatives = split(inner, "OR");
        if (alternatives.size() > 1) {
            Truth any = Truth.FALSE;
            for (List<Token> alternative : alternatives) {
                any = or(any, truth(alternative, fixed));
            }
            return any;
        }
        List<List<Token>> terms = split(inner, "AND");
        if (terms.size() > 1) {
            Truth all = Truth.TRUE;
            for (List<Token> term : terms) {
                all = and(all, truth(term, fixed));
            }
            return all;
        }
        if (!inner.isEmpty() && inner.get(0).isWord("NOT")) {
            Truth negated = truth(inner.subList(1, inner.size()), fixed);
            return negated == Truth.TRUE ? Truth.FALSE : negated == Truth.FALSE ? Truth.TRUE : negated;
        }
        if (inner.size() == 3 && (inner.get(1).isSymbol("=") || inner.get(1).isSymbol("<>")
                || inner.get(1).isSymbol("!="))) {
            Truth equal = equal(valueOf(inner.get(0), fixed), valueOf(inner.get(2), fixed));
            return inner.get(1).isSymbol("=") || equal == Truth.NULL || equal == Truth.UNDECIDED ? equal
                    : equal == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
        }
        if ((inner.size() == 3 || inner.size() == 4) && inner.get(1).isWord("IS") && inner.get(inner.size() - 1)
                .isWord("NULL") && (inner.size() == 3 || inner.get(2).isWord("NOT"))) {
            Value value = valueOf(inner.get(0), fixed);
            Truth isNull = value == null ? Truth.UNDECIDED : value.isNull() ? Truth.TRUE : Truth.FALSE;
            return inner.size() == 3 || isNull == Truth.UNDECIDED ? isNull
                    : isNull == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
        }
        if (inner.size() == 1) {
            Value value = valueOf(inner.get(0), fixed);
            return value == null ? Truth.UNDECIDED : value.isNull() ? Truth.NULL : value.truth();
        }
        return Truth.UNDECIDED;
    }

    /** A literal's value: a quoted string, a number, NULL, TRUE or FALSE; null for anything else. */
    private record Value(String text, boolean number, boolean isNull) {

        /** The value as a boolean, as PostgreSQL and MySQL read 'true', 'false', TRUE and FALSE. */
        Truth truth() {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "t" -> number ? Truth.UNDECIDED : Truth.TRUE;
                case "false", "f" -> number ? Truth.UNDECIDED : Truth.FALSE;
                default -> Truth.UNDECIDED;
            };
        }
    }

    private static Value valueOf(Token token, Map<String, Token> fixed) {
        Token literal = token.type() == TokenType.WORD ? fixed.getOrDefault(token.text().toLowerCase(Locale.ROOT),
                token) : token;
        if (literal.type() == TokenType.NUMBER) {
            return new Value(literal.text(), true, false);
        }
        if (literal.type() == TokenType.STRING && (literal.text().startsWith("'")
                || literal.text().startsWith("N'") || literal.text().startsWith("n'"))) {
            return new Value(literal.stringValue(), false, false);
        }
        if (literal.type() == TokenType.WORD && literal.isAnyWord("NULL", "TRUE", "FALSE")) {
            return new Value(literal.text(), false, literal.isWord("NULL"));
        }
        return null;
    }

    /**
     * Whether two literals are equal. Strings that differ only in letter case or trailing blanks are undecided, as
     * some collations take them as equal; a string and a number compare as numbers when the string is one.
     */
    private static Truth equal(Value left, Value right) {
        if (left == null || right == null) {
            return Truth.UNDECIDED;
        }
        if (left.isNull() || right.isNull()) {
            return Truth.NULL;
        }
        if (left.number() || right.number()) {
            try {
                return new BigDecimal(left.text()).compareTo(new BigDecimal(right.text())) == 0 ? Truth.TRUE
                        : Truth.FALSE;
            } catch (NumberFormatException e) {
                return Truth.UNDECIDED;
            }
        }
        if (left.text().equals(right.text())) {
            return Truth.TRUE;
        }
        return left.text().strip().equalsIgnoreCase(right.text().strip()) ? Truth.UNDECIDED : Truth.FALSE;
    }

    private static Truth or(Truth a, Truth b) {
        if (a == Truth.TRUE || b == Truth.TRUE) {
            return Truth.TRUE;
        }
        if (a == Truth.UNDECIDED || b == Truth.UNDECIDED) {
            return Truth.UNDECIDED;
        }
        return a == Truth.NULL || b == Truth.NULL ? Truth.NULL : Truth.FALSE;
    }

    private static Truth and(Truth a, Truth b) {
        if (a == Truth.FALSE || b == Truth.FALSE) {
            return Truth.FALSE;
        }
        if (a == Truth.UNDECIDED || b == Truth.UNDECIDED) {
            return Truth.UNDECIDED;
        }
        return a == Truth.NULL || b == Truth.NULL ? Truth.NULL : Truth.TRUE;
    }

    /** {@code tokens} split at {@code word} outside parentheses; one part when it has none, or a BETWEEN. */
    private static List<List<Token>> split(List<Token> tokens, String word) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") || token.isWord("CASE") ? 1
                    : token.isSymbol(")") || token.isWord("END") ? -1 : 0;
            if (token.isWord("BETWEEN")) {
                return List.of(tokens);
            }
            if (depth == 0 && token.isWord(word)) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }
}
