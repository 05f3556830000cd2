package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * Puts back the precedence JSqlParser 5.3 loses after an IN list: it reads {@code id IN (1, 2) OR TRUE} as
 * {@code id IN ((1, 2) OR TRUE)}, and {@code b = 2 AND id IN (1, 2) OR TRUE} as {@code b = 2 AND id IN ((1, 2) OR
 * TRUE)}, which hides a condition every row meets behind one that looks restrictive. Every database ends the IN
 * predicate at its closing parenthesis, so the condition is rebuilt from its operands and logical words in the order
 * written, NOT before AND, AND before XOR, XOR before OR. A tree without such a misread IN is returned as it is.
 */
final class InListPrecedence {

    private boolean misread;

    private InListPrecedence() {
    }

    /** {@code condition} with each misread IN list's trailing AND, OR and XOR terms put back beside it. */
    static Expression repaired(Expression condition) {
        if (condition == null) {
            return null;
        }
        InListPrecedence reader = new InListPrecedence();
        List<Object> written = new ArrayList<>();
        reader.flatten(condition, written);
        return reader.misread ? rebuilt(written, 0, written.size()) : condition;
    }

    /** Appends the operands and logical words of {@code expression} to {@code written}, in the order written. */
    private void flatten(Expression expression, List<Object> written) {
        if (expression instanceof AndExpression || expression instanceof OrExpression
                || expression instanceof XorExpression) {
            BinaryExpression logical = (BinaryExpression) expression;
            flatten(logical.getLeftExpression(), written);
            written.add(wordOf(logical));
            flatten(logical.getRightExpression(), written);
        } else if (expression instanceof InExpression in && isLogical(in.getRightExpression())) {
            misread = true;
            List<Object> list = new ArrayList<>();
            flatten(in.getRightExpression(), list);
            InExpression own = new InExpression(in.getLeftExpression(), (Expression) list.get(0));
            own.setNot(in.isNot());
            own.setGlobal(in.isGlobal());
            written.add(own);
            written.addAll(list.subList(1, list.size()));
        } else if (expression instanceof NotExpression not) {
            List<Object> negated = new ArrayList<>();
            flatten(not.getExpression(), negated);
            // NOT binds tighter than AND and OR: it negates the first operand only
            written.add(negated.size() == 1 && negated.get(0) == not.getExpression() ? not
                    : new NotExpression((Expression) negated.get(0), not.isExclamationMark()));
            written.addAll(negated.subList(1, negated.size()));
        } else if (expression instanceof Parenthesis parenthesis) {
            Expression inside = repairedInside(parenthesis.getExpression());
            written.add(inside == parenthesis.getExpression() ? parenthesis : grouped(inside));
        } else if (expression instanceof ParenthesedExpressionList<?> group && group.size() == 1) {
            Expression inside = repairedInside(group.get(0));
            written.add(inside == group.get(0) ? group : grouped(inside));
        } else {
            written.add(expression);
        }
    }

    private Expression repairedInside(Expression inside) {
        InListPrecedence reader = new InListPrecedence();
        List<Object> written = new ArrayList<>();
        reader.flatten(inside, written);
        if (!reader.misread) {
            return inside;
        }
        misread = true;
        return rebuilt(written, 0, written.size());
    }

    private static Parenthesis grouped(Expression inside) {
        Parenthesis group = new Parenthesis();
        group.add(inside); // setExpression replaces an element, and a new group has none yet
        return group;
    }

    private static boolean isLogical(Expression expression) {
        return expression instanceof AndExpression || expression instanceof OrExpression
                || expression instanceof XorExpression;
    }

    private static String wordOf(BinaryExpression logical) {
        return logical instanceof AndExpression ? "AND" : logical instanceof OrExpression ? "OR" : "XOR";
    }

    /** The condition of operands and words in {@code written[from, to)}, split first at its loosest word. */
    private static Expression rebuilt(List<Object> written, int from, int to) {
        for (String word : new String[] {"OR", "XOR", "AND"}) {
            for (int i = to - 2; i > from; i -= 2) {
                if (word.equals(written.get(i))) {
                    Expression left = rebuilt(written, from, i);
                    Expression right = rebuilt(written, i + 1, to);
                    return switch (word) {
                        case "OR" -> new OrExpression(left, right);
                        case "XOR" -> new XorExpression(left, right);
                        default -> new AndExpression(left, right);
                    };
                }
            }
        }
        return (Expression) written.get(from);
    }
}
