package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Recognises a WHERE that only caps how many rows a statement takes: Oracle's {@code WHERE ROWNUM <= 10000}, and
 * H2's {@code WHERE ROWNUM() <= 10000}.
 * ROWNUM numbers the rows in whatever order the database reads them, so such a condition picks arbitrary rows,
 * as T-SQL's {@code TOP (10000)} does, and a loop that repeats it until nothing is left empties the table.
 */
final class RowCountCap {

    /** Comparisons that keep the first rows, as read with ROWNUM on the left ({@code ROWNUM <= n}). */
    private static final Set<String> CAPS = Set.of("<", "<=", "=");
    private static final String BETWEEN = "BETWEEN";

    private final StatementTokens tokens;

    private RowCountCap(StatementTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * True when the condition in tokens {@code [from, to)} is made of ROWNUM caps joined by AND, possibly with
     * terms that hold for every row ({@code 1 = 1 AND ROWNUM < 500}): nothing in it looks at a row's values.
     */
    static boolean onlyCapsRows(StatementTokens tokens, int from, int to) {
        if (!tokens.rownumIsPseudoColumn() || from >= to || tokens.indexOfTopLevelWord(from, to, "OR") >= 0) {
            return false;
        }
        return new RowCountCap(tokens).conjunctionCaps(from, to);
    }

    /**
     * {@link Truth#ALWAYS_TRUE} for a comparison of ROWNUM with a number that every row passes ({@code ROWNUM > 0},
     * {@code ROWNUM >= 1}, {@code 0 < ROWNUM}, {@code ROWNUM <> 0}): ROWNUM numbers from 1 the rows that passed the
     * condition so far, so it is never below 1. {@link Truth#UNKNOWN} otherwise, {@code ROWNUM > 1} too, which no
     * row passes (each row is tested as number 1 in turn), as that changes no row and is no risk to flag.
     */
    static Truth everyRowPasses(StatementTokens tokens, int from, int to) {
        if (!tokens.rownumIsPseudoColumn() || to - from < 3) {
            return Truth.UNKNOWN;
        }
        RownumTest test = new RowCountCap(tokens).rownumTest(from, to);
        BigDecimal number = test == null ? null : RowNumberCondition.constant(tokens, test.otherFrom(), test.otherTo());
        RowNumberCondition.Bound bound = number == null ? null : RowNumberCondition.Bound.of(test.operator(), number);
        return bound != null && new RowNumberCondition(List.of(bound)).holdsForEveryNumber() ? Truth.ALWAYS_TRUE
                : Truth.UNKNOWN;
    }

    private boolean conjunctionCaps(int from, int to) {
        boolean anyCap = false;
        int termStart = from;
        int depth = 0;
        boolean betweenOpen = false;
        for (int i = from; i <= to; i++) {
            if (i < to) {
                Token token = tokens.tokens().get(i);
                if (token.isSymbol("(")) {
                    depth++;
                    continue;
                } else if (token.isSymbol(")")) {
                    depth--;
                    continue;
                } else if (depth > 0 || !token.isAnyWord("AND", "BETWEEN")) {
                    continue;
                } else if (token.isWord("BETWEEN")) {
                    betweenOpen = true;
                    continue;
                } else if (betweenOpen) {
                    betweenOpen = false; // the AND of BETWEEN a AND b
                    continue;
                }
            }
            if (isCap(termStart, i)) {
                anyCap = true;
            } else if (TokenConditionTruth.of(tokens, termStart, i) != Truth.ALWAYS_TRUE) {
                return false;
            }
            termStart = i + 1;
        }
        return anyCap;
    }

    /**
     * {@code ROWNUM <= n}, {@code ROWNUM = 1}, {@code n > ROWNUM}, {@code ROWNUM BETWEEN 1 AND n}, in parentheses or
     * not.
     */
    private boolean isCap(int from, int to) {
        while (to - from > 2 && tokens.isSymbol(from, "(") && tokens.closingParen(from) == to - 1) {
            from++;
            to--;
        }
        if (to - from < 3 || tokens.indexOfTopLevelWord(from, to, "SELECT") >= 0) {
            return false; // a subquery can look at the rows
        }
        RownumTest test = rownumTest(from, to);
        return test != null && (CAPS.contains(test.operator()) || test.operator().equals(BETWEEN));
    }

    /**
     * ROWNUM compared in {@code [from, to)}: {@code ROWNUM <op> ..}, or {@code .. <op> ROWNUM}.
     *
     * @param operator the operator as read with ROWNUM on the left ({@code 0 < ROWNUM} is {@code >}), or
     *     {@code BETWEEN}
     * @param otherFrom the first token of the other side
     * @param otherTo the index after its last token
     */
    private record RownumTest(String operator, int otherFrom, int otherTo) {
    }

    /** The comparison of ROWNUM that {@code [from, to)} is, or null. */
    private RownumTest rownumTest(int from, int to) {
        if (isRownum(from)) {
            int after = afterRownum(from);
            return after >= to ? null : new RownumTest(tokens.isWord(after, BETWEEN) ? BETWEEN
                    : tokens.tokens().get(after).text(), after + 1, to);
        }
        int rownum = isCall(to - 3) ? to - 3 : to - 1;
        if (rownum <= from || !isRownum(rownum) || afterRownum(rownum) != to
                || tokens.tokens().get(rownum - 1).type() == TokenType.WORD) {
            return null;
        }
        return new RownumTest(Comparison.mirrored(tokens.tokens().get(rownum - 1).text()), from, rownum - 1);
    }

    /** Oracle's ROWNUM pseudo-column, or H2's ROWNUM() function, which numbers the rows of a DELETE or UPDATE too. */
    private boolean isRownum(int index) {
        return tokens.isWord(index, "ROWNUM") && !tokens.isSymbol(index - 1, ".")
                && (!tokens.isSymbol(index + 1, "(") || isCall(index));
    }

    /** True for {@code ROWNUM()} at {@code index}: the word with an empty pair of parentheses. */
    private boolean isCall(int index) {
        return index >= 0 && tokens.isWord(index, "ROWNUM") && tokens.isSymbol(index + 1, "(")
                && tokens.isSymbol(index + 2, ")");
    }

    private int afterRownum(int index) {
        return isCall(index) ? index + 3 : index + 1;
    }
}
