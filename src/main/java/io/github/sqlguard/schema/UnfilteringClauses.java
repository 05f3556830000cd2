package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * The clauses at the end of a query that pick no rows: an ORDER BY without a cap after it and a row lock. A
 * trigger function or a queue job locks the rows it is about to change ({@code WITH r AS (SELECT id FROM t ORDER BY
 * id FOR UPDATE) DELETE FROM t USING r ..}), and the query still reads every row its FROM and WHERE give.
 */
final class UnfilteringClauses {

    private UnfilteringClauses() {
    }

    /**
     * {@code rest} up to a trailing row lock and an ORDER BY before it, when nothing that caps the rows (LIMIT,
     * OFFSET, FETCH) follows the ORDER BY; PostgreSQL refuses a lock with DISTINCT, GROUP BY or an aggregate, so the
     * ORDER BY then only orders. {@code SKIP LOCKED} leaves out only rows another session holds, which a
     * migration cannot count on.
     */
    static List<Token> withoutOrderOrLock(List<Token> rest) {
        return withoutOrderOrLock(rest, false);
    }

    /**
     * {@code rest}, what follows the table of a query whose select list is {@code items}, without an ORDER BY that
     * only orders: one after no DISTINCT and no TOP and before no cap (an ordered subquery of MySQL's derived table or
     * of a WITH list reads every row); without a row lock as {@link #withoutOrderOrLock(List)}.
     */
    static List<Token> withoutOrdering(List<Token> items, List<Token> rest) {
        boolean picking = !items.isEmpty() && items.get(0).isAnyWord("DISTINCT", "TOP");
        return picking ? rest : withoutOrderOrLock(rest, true);
    }

    private static List<Token> withoutOrderOrLock(List<Token> rest, boolean orderAlone) {
        int end = rest.size();
        int depth = 0;
        int order = -1;
        for (int i = 0; i < rest.size(); i++) {
            Token token = rest.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth != 0) {
                continue;
            }
            if (token.isWord("ORDER") && i + 1 < rest.size() && rest.get(i + 1).isWord("BY") && order < 0) {
                order = i;
            } else if (token.isAnyWord("LIMIT", "OFFSET", "FETCH", "TOP")) {
                order = Integer.MAX_VALUE; // a cap: the ORDER BY picks which rows
            } else if (isRowLock(rest, i)) {
                end = i;
                break;
            }
        }
        if (end == rest.size() && !orderAlone) {
            return rest; // without a lock, an ORDER BY may pick rows (PostgreSQL's DISTINCT ON keeps the first)
        }
        return rest.subList(0, order >= 0 && order < end ? order : end);
    }

    /** {@code FOR UPDATE}, {@code FOR NO KEY UPDATE}, {@code FOR SHARE} or {@code FOR KEY SHARE} at {@code at}. */
    private static boolean isRowLock(List<Token> tokens, int at) {
        if (!tokens.get(at).isWord("FOR") || at + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(at + 1);
        return next.isAnyWord("UPDATE", "SHARE") || next.isAnyWord("NO", "KEY") && at + 2 < tokens.size()
                && tokens.get(at + 2).isAnyWord("KEY", "SHARE");
    }
}
