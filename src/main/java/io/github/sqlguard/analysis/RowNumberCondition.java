package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.TokenType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition on the number a row gets from a numbering (1, 2, 3, ..: Oracle's ROWNUM, a ROW_NUMBER() column):
 * comparisons of that number with constants, joined by AND, as in {@code rn > 1} or {@code 0 < rn AND rn <> 3}.
 */
final class RowNumberCondition {

    /** {@code number operator bound}, the number on the left. */
    record Bound(String operator, BigDecimal value) {

        /** The comparison of the number by {@code operator} with {@code value}, or null for another operator. */
        static Bound of(String operator, BigDecimal value) {
            return isComparison(operator) ? new Bound(operator, value) : null;
        }

        static boolean isComparison(String operator) {
            return switch (operator) {
                case "<", "<=", ">", ">=", "=", "<>", "!=", "^=" -> true;
                default -> false;
            };
        }

        boolean holdsFor(BigDecimal number) {
            int order = number.compareTo(value);
            return switch (operator) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                case "=" -> order == 0;
                default -> order != 0; // <>, !=, ^=
            };
        }
    }

    private final List<Bound> bounds;

    RowNumberCondition(List<Bound> bounds) {
        this.bounds = List.copyOf(bounds);
    }

    /** The number {@code [from, to)} of {@code tokens} is ({@code 1}, {@code -1}, {@code 0.5}), or null. */
    static BigDecimal constant(StatementTokens tokens, int from, int to) {
        boolean negative = tokens.isSymbol(from, "-");
        int at = negative ? from + 1 : from;
        if (at != to - 1 || tokens.tokens().get(at).type() != TokenType.NUMBER) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(tokens.tokens().get(at).text());
            return negative ? value.negate() : value;
        } catch (NumberFormatException notPlain) {
            return null; // a hexadecimal or binary literal
        }
    }

    boolean holdsFor(long number) {
        return holdsFor(BigDecimal.valueOf(number));
    }

    /** True when the condition holds for each of 1, 2, 3 and on. */
    boolean holdsForEveryNumber() {
        return samples().stream().allMatch(this::holdsFor);
    }

    /** True when the condition holds for some number 1, 2, 3, ... */
    boolean holdsForSome() {
        return samples().stream().anyMatch(this::holdsFor);
    }

    private boolean holdsFor(BigDecimal number) {
        return bounds.stream().allMatch(bound -> bound.holdsFor(number));
    }

    /**
     * The numbers that stand for all: a comparison changes its truth over whole numbers only around its bound, so
     * 1, the whole numbers around each bound and the one past the largest meet every combination the condition can
     * take.
     */
    private List<BigDecimal> samples() {
        List<BigDecimal> samples = new ArrayList<>(List.of(BigDecimal.ONE));
        BigDecimal largest = BigDecimal.ONE;
        for (Bound bound : bounds) {
            BigDecimal below = bound.value().setScale(0, RoundingMode.FLOOR);
            BigDecimal above = bound.value().setScale(0, RoundingMode.CEILING);
            for (BigDecimal number : List.of(below.subtract(BigDecimal.ONE), below, above, above.add(BigDecimal.ONE))) {
                if (number.signum() > 0) {
                    samples.add(number);
                }
            }
            largest = largest.max(above);
        }
        samples.add(largest.add(BigDecimal.ONE));
        return samples;
    }
}
