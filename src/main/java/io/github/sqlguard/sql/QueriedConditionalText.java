package io.github.sqlguard.sql;

import java.util.List;

/**
 * A conditional text that a query hands over: MySQL migrations look the catalogue up and choose the statement in one
 * query, {@code SET @s = (SELECT IF(COUNT(*) > 0, 'ALTER TABLE t DROP COLUMN c', 'SELECT 1') FROM
 * INFORMATION_SCHEMA.COLUMNS WHERE ..)} or {@code SELECT IF(..) INTO @s FROM ..}. The query only decides which
 * branch the variable gets: a query that finds no row leaves it {@code NULL} (a scalar subquery) or as it was
 * (which the caller knows to be nothing), and one that finds several fails, so nothing else can run. Each branch is
 * then read as {@link ConditionalText} reads it, and a branch that reads a column of the query stays built at run
 * time. A conditional wrapped in an aggregate that joins one text per row ({@code GROUP_CONCAT(IF(..))}) is no such
 * item, and a query of several parts ({@code UNION}) may hand over any other text.
 */
final class QueriedConditionalText {

    private QueriedConditionalText() {
    }

    /**
     * The conditional select item of the scalar subquery {@code expression} ({@code (SELECT IF(..) FROM ..)}, with
     * or without its parentheses), or null when it is no query whose one item is a conditional.
     */
    static List<Token> ofSubquery(List<Token> expression) {
        List<Token> query = TopLevel.withoutEnclosingParentheses(expression);
        if (query.size() < 2 || !query.get(0).isWord("SELECT")) {
            return null;
        }
        return conditionalItem(query, 1, query.size());
    }

    /**
     * The conditional select item that the {@code SELECT} of the variable at {@code at} of {@code scope} assigns
     * to it, when the variable is its only target: {@code SELECT item INTO v [FROM ..]} or MySQL's {@code SELECT item
     * FROM .. INTO v}; null otherwise. Unless {@code heldNothing} (what the variable held before runs nothing), the
     * query must surely find one row, or the earlier text would stay and run again: a query without FROM, or one
     * that aggregates without {@code GROUP BY} or {@code HAVING} ({@code SELECT IF(COUNT(*) > 0, ..) INTO @s FROM
     * INFORMATION_SCHEMA.COLUMNS WHERE ..}).
     */
    static List<Token> intoVariable(List<Token> scope, int at, boolean heldNothing) {
        if (at < 3 || !scope.get(at - 1).isWord("INTO") || at + 1 < scope.size() && scope.get(at + 1).isSymbol(",")
                || scope.get(at - 2).isSymbol(",")) {
            return null;
        }
        int start = at - 1;
        while (start > 0 && !StatementEnd.isSeparator(scope.get(start - 1))) {
            start--;
        }
        int end = at + 1;
        while (end < scope.size() && !StatementEnd.isSeparator(scope.get(end))) {
            end++;
        }
        if (!scope.get(start).isWord("SELECT")) {
            return null;
        }
        List<Token> item = conditionalItem(scope, start + 1, end);
        return item != null && (heldNothing || findsOneRow(scope.subList(start + 1, end), item)) ? item : null;
    }

    /** Functions that fold every row a query finds into one value, so that it finds one row even when none match. */
    private static final String[] AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "BIT_OR", "BIT_AND"};

    /**
     * True when {@code query} (past its SELECT, whose one item is {@code item}) finds exactly one row: it reads no
     * table, or its item aggregates what it reads and nothing groups or filters the groups.
     */
    private static boolean findsOneRow(List<Token> query, List<Token> item) {
        if (TopLevel.wordIndex(query, 0, "FROM") < 0) {
            return true;
        }
        if (TopLevel.firstWordIndex(query, 0, "GROUP", "HAVING") >= 0
                || item.stream().anyMatch(token -> token.isWord("SELECT"))) {
            return false;
        }
        for (int i = 0; i + 1 < item.size(); i++) {
            if (item.get(i).isAnyWord(AGGREGATES) && item.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The select list of the query in {@code tokens} from {@code first} (just past its SELECT) to {@code end}, when
     * that list is one conditional and the query has no other part; else null.
     */
    private static List<Token> conditionalItem(List<Token> tokens, int first, int end) {
        List<Token> query = tokens.subList(first, end);
        if (TopLevel.firstWordIndex(query, 0, "UNION", "EXCEPT", "INTERSECT", "MINUS") >= 0) {
            return null;
        }
        int from = query.size() > 0 && query.get(0).isWord("DISTINCT") ? 1 : 0;
        int itemEnd = TopLevel.firstWordIndex(query, from, "INTO", "FROM", "WHERE");
        List<Token> item = query.subList(from, itemEnd < 0 ? query.size() : itemEnd);
        if (item.isEmpty() || TopLevel.symbolIndex(item, 0, ",") >= 0 || !ConditionalText.isConditional(item)) {
            return null;
        }
        return item;
    }
}
