package io.github.sqlguard.analysis;

import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

import net.sf.jsqlparser.expression.operators.relational.LikeExpression;

import net.sf.jsqlparser.expression.operators.relational.InExpression;

import net.sf.jsqlparser.expression.NullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/** Decides from JSqlParser's expression tree whether a condition holds for every row. */
final class ExpressionTruth {

    private ExpressionTruth() {
    }

    static Truth of(Expression expression) {
        if (expression instanceof ParenthesedExpressionList<?> list) {
            return list.size() == 1 ? of(list.get(0)) : Truth.UNKNOWN;
        } else if (expression instanceof Parenthesis parenthesis) {
            return of(parenthesis.getExpression());
        } else if (expression instanceof OrExpression) {
            List<Expression> terms = new ArrayList<>();
            flatten(expression, OrExpression.class, terms);
            return coversNull(terms) ? Truth.ALWAYS_TRUE : Truth.or(terms.stream().map(ExpressionTruth::of).toList());
        } else if (expression instanceof AndExpression) {
            List<Expression> terms = new ArrayList<>();
            flatten(expression, AndExpression.class, terms);
            return Truth.and(terms.stream().map(ExpressionTruth::of).toList());
        } else if (expression instanceof NotExpression not) {
            return of(not.getExpression()).not();
        } else if (expression instanceof BooleanValue bool) {
            return Truth.of(bool.getValue());
        } else if (expression instanceof LongValue || expression instanceof DoubleValue) {
            return Comparison.ofNumber(expression.toString());
        } else if (expression instanceof IsNullExpression test && test.getLeftExpression() instanceof NullValue) {
            return Truth.of(!test.isNot()); // NULL IS NULL
        } else if (expression instanceof InExpression in && !in.isNot()) {
            return literalInItsOwnList(in);
        } else if (expression instanceof LikeExpression like && !like.isNot() && like.getEscape() == null
                && like.getLeftExpression() instanceof StringValue
                && like.getRightExpression() instanceof StringValue pattern && pattern.getValue().equals("%")) {
            return Truth.ALWAYS_TRUE; // 'a' LIKE '%'
        } else if (expression instanceof ComparisonOperator comparison) {
            return Comparison.evaluate(operand(comparison.getLeftExpression()), comparison.getStringExpression(),
                    operand(comparison.getRightExpression()));
        }
        return Truth.UNKNOWN;
    }

    /** {@code 1 IN (1, 2)}: a literal that equals a literal of its own list. */
    private static Truth literalInItsOwnList(InExpression in) {
        Comparison.Operand left = operand(in.getLeftExpression());
        if (left == null || left.kind() == Comparison.Kind.COLUMN
                || !(in.getRightExpression() instanceof ExpressionList<?> list)) {
            return Truth.UNKNOWN;
        }
        for (Object item : list) {
            Comparison.Operand right = item instanceof Expression element ? operand(element) : null;
            if (right != null && Comparison.evaluate(left, "=", right) == Truth.ALWAYS_TRUE) {
                return Truth.ALWAYS_TRUE;
            }
        }
        return Truth.UNKNOWN;
    }

    private static void flatten(Expression expression, Class<? extends BinaryExpression> type, List<Expression> out) {
        if (type.isInstance(expression)) {
            BinaryExpression binary = (BinaryExpression) expression;
            flatten(binary.getLeftExpression(), type, out);
            flatten(binary.getRightExpression(), type, out);
        } else {
            out.add(expression);
        }
    }

    /** True for {@code x IS NULL OR x IS NOT NULL}: together the terms cover every row. */
    private static boolean coversNull(List<Expression> terms) {
        Set<String> isNull = new HashSet<>();
        Set<String> isNotNull = new HashSet<>();
        for (Expression term : terms) {
            Expression bare = term;
            while (bare instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                bare = list.get(0);
            }
            if (bare instanceof IsNullExpression test && test.getLeftExpression() instanceof Column column) {
                String name = ObjectNames.normalize(column.getFullyQualifiedName());
                (test.isNot() ? isNotNull : isNull).add(name);
            }
        }
        isNull.retainAll(isNotNull);
        return !isNull.isEmpty();
    }

    private static Comparison.Operand operand(Expression expression) {
        if (expression instanceof LongValue || expression instanceof DoubleValue) {
            return new Comparison.Operand(Comparison.Kind.NUMBER, expression.toString());
        } else if (expression instanceof StringValue string) {
            return new Comparison.Operand(Comparison.Kind.STRING, string.getValue());
        } else if (expression instanceof Column column) {
            return new Comparison.Operand(Comparison.Kind.COLUMN, column.getFullyQualifiedName());
        }
        return null;
    }
}
