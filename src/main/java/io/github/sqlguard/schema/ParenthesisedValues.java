package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * A value written inside parentheses, {@code (lower(name))}, or as a subquery of no table, {@code (SELECT
 * lower(name))} (as PostgreSQL upgrade scripts write a value computed from a loop's record): the database computes the
 * expression inside, so what a copy or an assignment keeps of a column is judged on that expression.
 */
final class ParenthesisedValues {

    private ParenthesisedValues() {
    }

    /**
     * {@code value} without the parentheses around all of it and the SELECT of a subquery that reads no table; the
     * value itself when the parentheses hold a list, or a query with a FROM, a condition or more than one item.
     */
    static List<Token> unwrapped(List<Token> value) {
        List<Token> inner = value;
        while (inner.size() > 2 && inner.get(0).isSymbol("(") && inner.get(inner.size() - 1).isSymbol(")")
                && ObjectNames.skipParentheses(inner, 0) == inner.size()) {
            List<Token> inside = inner.subList(1, inner.size() - 1);
            if (hasTopLevelPart(inside)) {
                return inner;
            }
            if (inside.get(0).isWord("SELECT")) {
                inside = inside.subList(1, inside.size());
            }
            inner = inside;
        }
        return inner;
    }

    /**
     * True when {@code inside} has, outside its own parentheses, a comma or a word that makes a query read a table:
     * FROM, WHERE, a set operation, .. . A SELECT with none of those selects one expression.
     */
    private static boolean hasTopLevelPart(List<Token> inside) {
        int depth = 0;
        for (Token token : inside) {
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.isSymbol(",") || token.isAnyWord("FROM", "WHERE", "GROUP", "HAVING", "ORDER",
                    "LIMIT", "UNION", "EXCEPT", "INTERSECT", "INTO", "DISTINCT", "VALUES", "TABLE", "WITH"))) {
                return true;
            }
        }
        return inside.isEmpty() || inside.size() == 1 && inside.get(0).isWord("SELECT");
    }
}
