package io.github.sqlguard.analysis;

/**
 * The view a DELETE or UPDATE changes rows through when its target names no table: SQL Server's updatable CTE
 * ({@code WITH x AS (SELECT .. FROM t WHERE ..) UPDATE x SET ..}) and the derived table of a T-SQL FROM list
 * ({@code UPDATE q SET .. FROM (SELECT TOP 1 .. FROM t WHERE ..) q}). Either changes only the rows of {@code t}
 * that its SELECT yields, as Oracle's {@code DELETE FROM (SELECT ..)} does, so its WHERE limits them.
 */
final class ViewTargets {

    private ViewTargets() {
    }

    /**
     * The index of the parenthesis that opens the SELECT the target written at {@code targetAt} names, or -1 when
     * the target is a table: the body of the statement's CTE of that name when no FROM, USING or JOIN follows,
     * otherwise the derived table of that alias when it is the only item of the FROM list that follows.
     */
    static int viewOf(StatementTokens tokens, int targetAt, int end) {
        ObjectNames.NameAt target = tokens.nameAt(targetAt);
        if (target == null || target.text().contains(".")) {
            return -1; // a CTE's name and a derived table's alias are never qualified
        }
        String name = ObjectNames.normalize(target.text());
        int from = tokens.indexOfTopLevelWord(target.next(), end, "FROM", "USING", "JOIN");
        if (from < 0) {
            return cteBody(tokens, name);
        }
        return tokens.isWord(from, "FROM") ? onlyDerivedTable(tokens, from + 1, end, name) : -1;
    }

    /**
     * The index of the parenthesis that opens the derived table or APPLY query the target written at {@code
     * targetAt} names when that stands among other items of the FROM list that follows ({@code UPDATE q SET .. FROM
     * #src s JOIN (SELECT * FROM t) q ON ..}, {@code .. FROM a CROSS APPLY (SELECT TOP 1 * FROM t WHERE ..) q}), or
     * -1. T-SQL changes the rows of the table inside it, as far as its query and its join reach.
     */
    static int joinedDerivedTable(StatementTokens tokens, int targetAt, int end) {
        ObjectNames.NameAt target = tokens.nameAt(targetAt);
        if (target == null || target.text().contains(".")) {
            return -1;
        }
        String name = ObjectNames.normalize(target.text());
        int from = tokens.indexOfTopLevelWord(target.next(), end, "FROM", "USING", "JOIN");
        if (from < 0 || !tokens.isWord(from, "FROM")) {
            return -1;
        }
        int where = tokens.indexOfTopLevelWord(from + 1, end, "WHERE");
        int listEnd = where < 0 ? end : where;
        for (int i = from + 1; i < listEnd; i++) {
            boolean itemStart = tokens.isWord(i - 1, "FROM", "JOIN", "APPLY") || tokens.isSymbol(i - 1, ",");
            if (tokens.isSymbol(i, "(") && itemStart && tokens.isWord(i + 1, "SELECT", "WITH")) {
                int close = tokens.closingParen(i);
                if (close < 0) {
                    return -1;
                }
                ObjectNames.NameAt alias = TableReference.aliasAt(tokens.tokens(), close + 1);
                if (alias != null && ObjectNames.normalize(alias.text()).equals(name)) {
                    return i;
                }
                i = close;
            } else if (tokens.isSymbol(i, "(")) {
                int close = tokens.closingParen(i);
                if (close < 0) {
                    return -1;
                }
                i = close;
            }
        }
        return -1;
    }

    /** The "(" of the body of the CTE called {@code name}, or -1 when the statement declares none of that name. */
    private static int cteBody(StatementTokens tokens, String name) {
        if (!tokens.isWord(0, "WITH")) {
            return -1;
        }
        int body = tokens.bodyStart();
        int i = tokens.skipWords(1, "RECURSIVE");
        while (i < body) {
            ObjectNames.NameAt cte = tokens.nameAt(i);
            if (cte == null) {
                return -1;
            }
            int open = cte.next();
            if (tokens.isSymbol(open, "(")) {
                open = tokens.closingParen(open) + 1; // its column list
            }
            open = tokens.skipWords(open, "AS", "NOT", "MATERIALIZED");
            int close = tokens.isSymbol(open, "(") ? tokens.closingParen(open) : -1;
            if (close < 0) {
                return -1;
            }
            if (ObjectNames.normalize(cte.text()).equals(name)) {
                return open;
            }
            i = tokens.isSymbol(close + 1, ",") ? close + 2 : body;
        }
        return -1;
    }

    /** The "(" of {@code (SELECT ..) [AS] name} at {@code at} when nothing is joined or listed after it, or -1. */
    private static int onlyDerivedTable(StatementTokens tokens, int at, int end, String name) {
        if (!tokens.isSymbol(at, "(") || !tokens.isWord(at + 1, "SELECT", "WITH")) {
            return -1;
        }
        int close = tokens.closingParen(at);
        if (close < 0) {
            return -1;
        }
        ObjectNames.NameAt alias = tokens.nameAt(tokens.skipWords(close + 1, "AS"));
        if (alias == null || !ObjectNames.normalize(alias.text()).equals(name)
                || tokens.isSymbol(alias.next(), ",") || tokens.indexOfTopLevelWord(alias.next(), end, "JOIN") >= 0) {
            return -1;
        }
        return at;
    }
}
