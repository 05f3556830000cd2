package io.github.sqlguard.analysis;

import java.util.List;
import java.util.Set;

/**
 * A DELETE or UPDATE that changes rows through a query rather than a table, read from tokens: Oracle's inline view
 * ({@code DELETE FROM (SELECT ..)}), T-SQL's updatable CTE and the derived tables and APPLY queries of a T-SQL FROM
 * list ({@link ViewTargets}). Each changes the rows of the query's first table that the query yields.
 */
final class ViewChanges {

    private final StatementTokens tokens;
    /** The reading of the statement around the view, for its WHERE, caps and unresolved conditions. */
    private final TokenDataChanges statement;

    ViewChanges(StatementTokens tokens, TokenDataChanges statement) {
        this.tokens = tokens;
        this.statement = statement;
    }

    /**
     * Oracle {@code DELETE [FROM] (SELECT .. FROM t .. [WHERE c]) [alias] [WHERE d]} removes the rows of t the
     * view yields, and {@code UPDATE (SELECT ..) v SET ..} changes them, so the view's own WHERE limits them as
     * much as an outer one; the target is the view's first table (Oracle requires it to be key-preserved). The
     * view may also be a CTE body before {@code start} or a derived table ({@link ViewTargets}), and its TOP, FETCH
     * FIRST or LIMIT caps.
     */
    DataChange throughInlineView(String verb, int start, int open, int end) {
        int close = tokens.closingParen(open);
        int innerFrom = tokens.indexOfTopLevelWord(open + 1, close, "FROM");
        ObjectNames.NameAt table = innerFrom < 0 ? null : tokens.nameAt(innerFrom + 1);
        List<String> targets = table == null ? List.of() : List.of(table.text());
        int outerWhere = tokens.indexOfTopLevelWord(Math.max(close + 1, start), end, "WHERE");
        boolean capped = capped(open, close);
        int innerWhere = tokens.indexOfTopLevelWord(open + 1, close, "WHERE");
        int where = outerWhere >= 0 ? outerWhere : innerWhere;
        int whereEnd = outerWhere >= 0 ? end : innerWhereEnd(innerWhere, close);
        // A join view: only the rows of its key-preserved table that the inner join pairs with another change.
        int joinsEnd = innerWhere >= 0 ? innerWhere : innerWhereEnd(open, close);
        JoinedTables joined = innerFrom < 0 ? new JoinedTables()
                : TokenJoins.tables(tokens, innerFrom, joinsEnd, false);
        // The view's query names its key-preserved table by its alias when it gives one (FROM orders o JOIN ..).
        // An UPDATE's join limits like a DELETE's only when its SET reads no column: the view's columns may come
        // from the joined table, and one that copies them is a backfill, not a filter to judge by its key.
        List<KeyLink> keyLinks = !verb.equals("DELETE") && !setReadsNoColumn(close, outerWhere, end) ? List.of()
                : where < 0 ? joined.keyLinks(joined.boundByTableName(targets))
                : outerWhere < 0 && innerFrom >= 0 ? listJoinedInViewWhere(innerFrom, innerWhere, whereEnd, targets)
                : List.of();
        return new DataChange(verb, targets, joined.restrict(targets), joined.reach(targets),
                statement.whereClause(where, whereEnd, Set.of(), capped, targets, false, SoleTableColumns.NONE),
                tokens.tokens().get(start),
                statement.unresolvedConditions(where, whereEnd), RowSelection.STATEMENT, keyLinks);
    }

    /**
     * T-SQL's change through a derived table or APPLY query among other items of the FROM list ({@code UPDATE q SET
     * .. FROM #src s JOIN (SELECT * FROM t) q ON q.id = s.id}): the rows of the query's first table that the query
     * yields and the join reaches. Its own WHERE (in an APPLY, usually the correlation with the row it is applied
     * to) or an ON condition naming it restricts them, as a join restricts a table; then a WHERE on the other items
     * restricts them further, since each row changed is paired with theirs. Otherwise only a WHERE naming the
     * query's columns does.
     */
    DataChange throughJoinedView(String verb, int start, int open, int end) {
        int close = tokens.closingParen(open);
        int innerFrom = tokens.indexOfTopLevelWord(open + 1, close, "FROM");
        ObjectNames.NameAt table = innerFrom < 0 ? null : tokens.nameAt(innerFrom + 1);
        List<String> targets = table == null ? List.of() : List.of(table.text());
        List<String> alias = List.of(TableReference.aliasAt(tokens.tokens(), close + 1).text());
        boolean capped = capped(open, close);
        int innerWhere = tokens.indexOfTopLevelWord(open + 1, close, "WHERE");
        int outerWhere = tokens.indexOfTopLevelWord(start, end, "WHERE");
        int listFrom = tokens.indexOfTopLevelWord(start + 1, outerWhere < 0 ? end : outerWhere, "FROM");
        JoinedTables list = TokenJoins.tables(tokens, listFrom, outerWhere < 0 ? end : outerWhere, false);
        boolean tied = list.restrict(alias) || innerWhere >= 0;
        int where = outerWhere >= 0 ? outerWhere : innerWhere;
        int whereEnd = outerWhere >= 0 ? end : innerWhereEnd(innerWhere, close);
        Set<String> others = tied ? Set.of() : list.qualifiersOtherThan(alias);
        return new DataChange(verb, targets, tied, list.reach(alias),
                statement.whereClause(where, whereEnd, others, capped, alias, false, SoleTableColumns.NONE),
                tokens.tokens().get(start),
                statement.unresolvedConditions(where, whereEnd), RowSelection.STATEMENT);
    }

    /**
     * Oracle's older join syntax lists the view's tables and joins them in its WHERE ({@code DELETE FROM (SELECT o.*
     * FROM orders o, customers c WHERE c.id = o.customer_id)}): the key links of a WHERE that is nothing but one
     * equality of a column of the target and one of the list's other table; empty for any other WHERE or list.
     */
    private List<KeyLink> listJoinedInViewWhere(int from, int where, int whereEnd, List<String> targets) {
        JoinedTables list = TokenJoins.tables(tokens, from, where, false);
        list.conditionAt(tokens, where + 1, whereEnd);
        return list.keyLinks(list.boundByTableName(targets));
    }

    /** True for {@code UPDATE (SELECT ..) [v] SET ..} whose SET gives only literals, variables and function calls. */
    private boolean setReadsNoColumn(int close, int outerWhere, int end) {
        int set = tokens.indexOfTopLevelWord(close + 1, outerWhere >= 0 ? outerWhere : end, "SET");
        return set >= 0 && SetValues.readNoColumn(tokens, set + 1, outerWhere >= 0 ? outerWhere : end);
    }

    /** The end of an inline view's WHERE: its GROUP BY, ORDER BY, FETCH or the closing parenthesis. */
    private int innerWhereEnd(int where, int close) {
        if (where < 0) {
            return close;
        }
        int after = tokens.indexOfTopLevelWord(where + 1, close, "GROUP", "ORDER", "FETCH", "CONNECT", "UNION");
        return after < 0 ? close : after;
    }

    /** T-SQL's TOP, or the FETCH FIRST | NEXT n ROWS ONLY or LIMIT of the view's own query (Db2, Oracle). */
    private boolean capped(int open, int close) {
        int afterSelect = tokens.skipWords(open + 2, "DISTINCT", "ALL");
        return tokens.isWord(open + 1, "SELECT") && tokens.skipTop(afterSelect) != afterSelect
                || statement.limits(open + 1, close);
    }
}
