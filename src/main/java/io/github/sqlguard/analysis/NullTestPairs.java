package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The OR terms that test one operand both ways, {@code x IS NULL OR x IS NOT NULL}: whatever the operand's value,
 * one of them holds, so together they hold for every row. The operand may be a column or an expression written
 * alike in both terms ({@code data->'k'}, {@code lower(note)}).
 */
final class NullTestPairs {

    private static final String[] PREDICATE_WORDS = {"AND", "OR", "NOT", "IS", "LIKE", "ILIKE", "IN", "BETWEEN",
        "EXISTS", "SIMILAR", "REGEXP", "RLIKE", "ESCAPE"};

    private NullTestPairs() {
    }

    /** True when {@code terms} (the OR terms of a condition in {@code tokens}) test some operand both ways. */
    static boolean coverEveryValue(StatementTokens tokens, SoleTableColumns scope, List<int[]> terms) {
        Set<String> isNull = new HashSet<>();
        Set<String> isNotNull = new HashSet<>();
        for (int[] term : terms) {
            int wrapped = TokenConditionTruth.wrappedDepth(tokens, term[0], term[1]);
            int from = term[0] + wrapped;
            int to = term[1] - wrapped;
            if (to - from < 3 || !tokens.isWord(to - 1, "NULL")) {
                continue;
            }
            boolean not = tokens.isWord(to - 2, "NOT");
            int is = to - (not ? 3 : 2);
            if (is <= from || !tokens.isWord(is, "IS")) {
                continue;
            }
            ObjectNames.NameAt name = tokens.nameAt(from);
            String operand = name != null && name.next() == is ? scope.key(name.text())
                    : expressionKey(tokens, from, is);
            if (operand != null) {
                (not ? isNotNull : isNull).add(operand);
            }
        }
        isNull.retainAll(isNotNull);
        return !isNull.isEmpty();
    }

    /**
     * The tokens of {@code [from, to)} as one key, when they are an operand that {@code IS NULL} tests whole in
     * every dialect: no comparison, no logical word and no other predicate outside parentheses, where precedence
     * could make {@code a = b IS NULL} test {@code b} alone. Null otherwise.
     */
    private static String expressionKey(StatementTokens tokens, int from, int to) {
        StringBuilder key = new StringBuilder("expression");
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.tokens().get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (Comparison.OPERATORS.contains(token.text())
                    || token.isAnyWord(PREDICATE_WORDS))) {
                return null;
            }
            key.append(' ').append(token.type() == TokenType.WORD ? token.text().toUpperCase(Locale.ROOT)
                    : token.text());
        }
        return depth == 0 ? key.toString() : null;
    }
}
