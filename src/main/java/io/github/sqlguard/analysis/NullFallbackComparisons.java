package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The catch-all filter of T-SQL and MySQL procedures, {@code WHERE id = ISNULL(@id, id)} (also COALESCE, IFNULL
 * and NVL, and a routine's own variables): while the variables before the column are NULL, the call gives back the
 * column, so the condition compares each row's value with itself and holds for every row that has one, as the
 * optional filter {@code @id IS NULL OR id = @id} does.
 */
final class NullFallbackComparisons {

    private static final String[] FALLBACKS = {"ISNULL", "COALESCE", "IFNULL", "NVL"};
    /** The comparisons that hold when a value meets itself. */
    private static final Set<String> SELF_HOLDING = Set.of("=", "<=", ">=");

    private NullFallbackComparisons() {
    }

    /**
     * True when every top-level AND term of the condition in {@code [from, to)} compares a column with a fallback to
     * itself ({@code id = ISNULL(@id, id) AND day >= COALESCE(@from, day)}): whenever those variables are NULL, the
     * condition holds for every row with values.
     */
    static boolean holdWhileVariablesAreNull(StatementTokens tokens, int from, int to) {
        List<int[]> terms = TokenConditionTruth.andTerms(tokens, from, to);
        return !terms.isEmpty() && terms.stream().allMatch(term -> fallsBackToItsColumn(tokens, term[0], term[1]));
    }

    private static boolean fallsBackToItsColumn(StatementTokens tokens, int from, int to) {
        int wrapped = TokenConditionTruth.wrappedDepth(tokens, from, to);
        int start = from + wrapped;
        int end = to - wrapped;
        ObjectNames.NameAt column = tokens.nameAt(start);
        if (column != null && column.next() < end && selfHolding(tokens, column.next())) {
            return fallbackTo(tokens, column.text(), column.next() + 1, end); // id = ISNULL(@id, id)
        }
        int open = start + 1;
        if (!tokens.isSymbol(open, "(")) {
            return false;
        }
        int close = tokens.closingParen(open);
        if (close < 0 || close + 1 >= end || !selfHolding(tokens, close + 1)) {
            return false;
        }
        ObjectNames.NameAt mirrored = tokens.nameAt(close + 2); // ISNULL(@id, id) = id
        return mirrored != null && mirrored.next() == end && fallbackTo(tokens, mirrored.text(), start, close + 1);
    }

    private static boolean selfHolding(StatementTokens tokens, int at) {
        return at < tokens.tokens().size() && SELF_HOLDING.stream().anyMatch(op -> tokens.isSymbol(at, op));
    }

    /**
     * True when {@code [at, end)} is a fallback call whose last argument is {@code column} and whose other arguments
     * name variables alone: {@code ISNULL(@id, id)}, {@code COALESCE(@id, @default, id)}.
     */
    private static boolean fallbackTo(StatementTokens tokens, String column, int at, int end) {
        if (at + 1 >= end || !tokens.tokens().get(at).isAnyWord(FALLBACKS) || !tokens.isSymbol(at + 1, "(")
                || tokens.closingParen(at + 1) != end - 1) {
            return false;
        }
        List<int[]> arguments = new ArrayList<>();
        for (int from = at + 2; from < end - 1; ) {
            int comma = tokens.firstTopLevelComma(from, end - 1);
            arguments.add(new int[] {from, comma});
            from = comma + 1;
        }
        if (arguments.size() < 2) {
            return false;
        }
        int[] last = arguments.get(arguments.size() - 1);
        ObjectNames.NameAt itself = tokens.nameAt(last[0]);
        return itself != null && itself.next() == last[1]
                && ObjectNames.normalize(itself.text()).equals(ObjectNames.normalize(column))
                && arguments.subList(0, arguments.size() - 1).stream()
                        .allMatch(argument -> OtherTablesCondition.namesOnlyVariables(tokens, argument[0], argument[1]));
    }
}
