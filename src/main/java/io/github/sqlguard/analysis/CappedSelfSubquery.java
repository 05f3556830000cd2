package io.github.sqlguard.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Recognises a WHERE that only caps how many rows a statement takes by way of a subquery of its own table:
 * {@code DELETE FROM t WHERE id IN (SELECT id FROM t LIMIT 1000)}, with {@code FETCH FIRST n ROWS ONLY}, T-SQL's
 * {@code TOP (n)} or a subquery WHERE of ROWNUM caps ({@link RowCountCap}) as well. The subquery reads every row of the table and keeps the first n it meets, so the
 * statement takes as many rows as {@code DELETE .. LIMIT 1000} does, and a loop that repeats it empties the table.
 */
final class CappedSelfSubquery {

    /** Words that would let the subquery look at a row's values or at other rows than the table's own. */
    private static final String[] FILTERS = {"JOIN", "GROUP", "HAVING", "UNION", "EXCEPT", "INTERSECT", "MINUS",
            "DISTINCT"};

    private CappedSelfSubquery() {
    }

    /**
     * True when the condition in tokens {@code [from, to)} is {@code col IN (SELECT col FROM target ..)} with a row
     * cap and no filter, {@code target} being one of {@code targets} (the tables the statement changes).
     */
    static boolean onlyCapsRows(StatementTokens tokens, int from, int to, List<String> targets) {
        while (to - from > 2 && tokens.isSymbol(from, "(") && tokens.closingParen(from) == to - 1) {
            from++;
            to--;
        }
        ObjectNames.NameAt compared = tokens.nameAt(from);
        if (compared == null || !tokens.isWord(compared.next(), "IN") || !tokens.isSymbol(compared.next() + 1, "(")
                || tokens.closingParen(compared.next() + 1) != to - 1 || !tokens.isWord(compared.next() + 2, "SELECT")) {
            return false;
        }
        int close = to - 1;
        int at = compared.next() + 3;
        boolean top = tokens.isWord(at, "TOP");
        if (top) {
            at = tokens.isSymbol(at + 1, "(") ? tokens.closingParen(at + 1) + 1 : at + 2;
        }
        ObjectNames.NameAt selected = tokens.nameAt(at);
        if (selected == null || !lastPart(selected.text()).equals(lastPart(compared.text()))
                || !tokens.isWord(selected.next(), "FROM")) {
            return false;
        }
        ObjectNames.NameAt table = tokens.nameAt(selected.next() + 1);
        if (table == null || targets.stream().noneMatch(target -> sameTable(target, table.text()))
                || tokens.indexOfTopLevelWord(table.next(), close, FILTERS) >= 0
                || tokens.isSymbol(table.next(), ",")) {
            return false;
        }
        int where = tokens.indexOfTopLevelWord(table.next(), close, "WHERE");
        if (where >= 0) {
            int order = tokens.indexOfTopLevelWord(where, close, "ORDER");
            return RowCountCap.onlyCapsRows(tokens, where + 1, order >= 0 ? order : close);
        }
        int fetch = tokens.indexOfTopLevelWord(table.next(), close, "FETCH");
        return top || tokens.indexOfTopLevelWord(table.next(), close, "LIMIT") >= 0
                || fetch >= 0 && tokens.isWord(fetch + 1, "FIRST", "NEXT");
    }

    /** The same table, where a name without its schema ({@code audit_log}) stands for the qualified one. */
    private static boolean sameTable(String target, String read) {
        boolean bothQualified = ObjectNames.partCount(target) > 1 && ObjectNames.partCount(read) > 1;
        return bothQualified ? ObjectNames.normalize(target).equalsIgnoreCase(ObjectNames.normalize(read))
                : lastPart(target).equals(lastPart(read));
    }

    private static String lastPart(String name) {
        return ObjectNames.normalize(ObjectNames.lastPart(name)).toLowerCase(Locale.ROOT);
    }
}
