package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQL's boolean test, {@code x IS [NOT] TRUE|FALSE|UNKNOWN}, of an operand whose value is known before any row is
 * read. Unlike a WHERE, which keeps a row only when its condition is TRUE, the test tells FALSE from NULL: so
 * {@code NULL IS UNKNOWN} and {@code (1 = 0) IS NOT TRUE} hold for every row. What a condition can be is a set
 * of the three values; the test holds for every row when it holds for each of them.
 */
final class BooleanTestPredicate {

    /** The three values of a condition. */
    enum Value {
        TRUE, FALSE, NULL;

        /** {@code TRUE}, {@code FALSE} or {@code UNKNOWN} as written after IS [NOT]. */
        static Value named(String word) {
            return switch (word.toUpperCase(Locale.ROOT)) {
                case "TRUE" -> TRUE;
                case "FALSE" -> FALSE;
                default -> NULL;
            };
        }
    }

    private BooleanTestPredicate() {
    }

    /**
     * The values a condition of truth {@code truth} can take on a row: a condition that holds for every row is
     * TRUE; one that holds for none is FALSE or NULL, and FALSE alone when {@code neverNull} (literals that are
     * not NULL compared with one another); anything else may be any of the three.
     */
    static Set<Value> possibleValues(Truth truth, boolean neverNull) {
        return switch (truth) {
            case ALWAYS_TRUE -> EnumSet.of(Value.TRUE);
            case ALWAYS_FALSE -> neverNull ? EnumSet.of(Value.FALSE) : EnumSet.of(Value.FALSE, Value.NULL);
            case UNKNOWN -> EnumSet.allOf(Value.class);
        };
    }

    /** The truth of {@code operand IS [NOT] tested} for an operand that can take the values {@code possible}. */
    static Truth of(Set<Value> possible, Value tested, boolean not) {
        boolean anyHolds = false;
        boolean allHold = true;
        for (Value value : possible) {
            boolean holds = (value == tested) != not;
            anyHolds |= holds;
            allHold &= holds;
        }
        return allHold ? Truth.ALWAYS_TRUE : anyHolds ? Truth.UNKNOWN : Truth.ALWAYS_FALSE;
    }

    /** A boolean test read from tokens: its operand ends at {@code operandEnd}, where IS is written. */
    record Written(int operandEnd, Value tested, boolean not) {
    }

    /**
     * The boolean test that ends the tokens {@code [from, to)}, {@code .. IS [NOT] TRUE|FALSE|UNKNOWN}, or null.
     * IS binds looser than a comparison (PostgreSQL, MySQL), so {@code 1 = 0 IS NOT TRUE} tests {@code 1 = 0}.
     */
    static Written endingAt(StatementTokens tokens, int from, int to) {
        int last = to - 1;
        if (last - 1 <= from || !tokens.isWord(last, "TRUE", "FALSE")
                && !UnknownTruthValue.at(tokens.tokens(), last)) {
            return null;
        }
        boolean not = tokens.isWord(last - 1, "NOT");
        int is = not ? last - 2 : last - 1;
        if (is <= from || !tokens.isWord(is, "IS")) {
            return null;
        }
        return new Written(is, Value.named(tokens.tokens().get(last).text()), not);
    }

    /** True when {@code [from, to)} is {@code NULL} or a comparison with it, {@code NULL = 1}: NULL on any row. */
    static boolean isNullValue(StatementTokens tokens, int from, int to) {
        if (to - from == 1) {
            return tokens.isWord(from, "NULL");
        }
        boolean nullFirst = tokens.isWord(from, "NULL") && isNullComparing(tokens, from + 1);
        boolean nullLast = tokens.isWord(to - 1, "NULL") && isNullComparing(tokens, to - 2);
        return nullFirst || nullLast;
    }

    private static boolean isNullComparing(StatementTokens tokens, int index) {
        Token operator = tokens.tokens().get(index);
        return operator.type() == TokenType.SYMBOL && Comparison.OPERATORS.contains(operator.text())
                && !operator.text().equals("<=>");
    }

    /**
     * True when the condition in {@code [from, to)} is made of literals that cannot be NULL: numbers, non-empty
     * strings, TRUE and FALSE, comparison operators, parentheses, AND, OR, NOT, and IS tests (whose NULL or
     * UNKNOWN is the tested value, not an operand).
     */
    static boolean neverNull(StatementTokens tokens, int from, int to) {
        List<Token> all = tokens.tokens();
        for (int i = from; i < to; i++) {
            Token token = all.get(i);
            boolean afterIs = i > from && (all.get(i - 1).isWord("IS")
                    || all.get(i - 1).isWord("NOT") && i - 2 >= from && all.get(i - 2).isWord("IS"));
            boolean safe = switch (token.type()) {
                case NUMBER -> true;
                case STRING -> token.text().startsWith("'") && token.text().length() > 2;
                case SYMBOL -> token.isSymbol("(") || token.isSymbol(")")
                        || Comparison.OPERATORS.contains(token.text());
                case WORD -> token.isAnyWord("TRUE", "FALSE", "AND", "OR", "NOT", "IS")
                        || afterIs && token.isAnyWord("NULL", "UNKNOWN");
                default -> false;
            };
            if (!safe) {
                return false;
            }
        }
        return from < to;
    }
}
