package io.github.sqlguard.analysis;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads a condition's subqueries for the columns they name outside themselves: {@code EXISTS (SELECT 1 FROM u x
 * WHERE x.live = 1)} names none, so the condition holds for every row of the statement's target or for none, while
 * {@code EXISTS (SELECT 1 FROM u WHERE u.id = t.u_id)} names t's. Only the simple shape {@code SELECT list FROM
 * tables [WHERE condition]} over plain tables, with every column qualified, is read; anything else (an unqualified
 * column, which SQL resolves to the outer query when the subquery's tables lack it, a join, a grouping, a derived
 * table) may name the target.
 */
final class UncorrelatedSubqueries {

    /** Words after which a subquery is more than the simple shape read here. */
    private static final String[] NOT_SIMPLE = {"JOIN", "STRAIGHT_JOIN", "ON", "USING", "GROUP", "HAVING", "ORDER",
        "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT", "EXCEPT", "MINUS", "WINDOW", "CONNECT", "START", "QUALIFY",
        "TOP"};

    private UncorrelatedSubqueries() {
    }

    /**
     * The normalized qualifiers of the columns the condition in {@code [from, to)} names outside its subqueries'
     * own tables, when it holds at least one subquery and names each column qualified; null otherwise.
     */
    static Set<String> qualifiersOutside(StatementTokens tokens, int from, int to) {
        boolean[] subquery = new boolean[1];
        Set<String> qualifiers = OtherTablesCondition.qualifiersOfColumns(tokens, from, to, (all, open, close) -> {
            subquery[0] = true;
            return subquery(all, open + 1, close, all.isWord(open - 1, "EXISTS"));
        });
        return qualifiers == null || !subquery[0] ? null : qualifiers;
    }

    /**
     * The names {@code SELECT .. FROM .. [WHERE ..]} in {@code [select, close)} reads outside its own tables. An
     * EXISTS over a table without a filter (no WHERE, or one that always holds) is left to the reading of
     * unfiltered subqueries, which names that table.
     */
    private static Set<String> subquery(StatementTokens tokens, int select, int close, boolean exists) {
        if (tokens.indexOfTopLevelWord(select + 1, close, NOT_SIMPLE) >= 0) {
            return null;
        }
        int fromWord = tokens.indexOfTopLevelWord(select + 1, close, "FROM");
        int where = tokens.indexOfTopLevelWord(select + 1, close, "WHERE");
        if (fromWord < 0 || where >= 0 && where < fromWord
                || exists && (where < 0 || TokenConditionTruth.of(tokens, where + 1, close) == Truth.ALWAYS_TRUE)) {
            return null;
        }
        int tablesEnd = where < 0 ? close : where;
        for (int i = fromWord + 1; i < tablesEnd; i++) {
            if (tokens.isSymbol(i, "(")) {
                return null; // a derived table or a table function
            }
        }
        Set<String> own = TokenJoins.tables(tokens, fromWord, tablesEnd, false).qualifiersOfEachTable();
        Set<String> selected = qualifiersOfSimpleSubqueries(tokens, select + 1, fromWord);
        Set<String> condition = where < 0 ? Set.of() : qualifiersOfSimpleSubqueries(tokens, where + 1, close);
        if (own.isEmpty() || selected == null || condition == null) {
            return null;
        }
        Set<String> outside = new HashSet<>(selected);
        outside.addAll(condition);
        outside.removeAll(own);
        return outside;
    }

    /** The qualifiers {@code [from, to)} names outside the simple subqueries in it, or null. */
    private static Set<String> qualifiersOfSimpleSubqueries(StatementTokens tokens, int from, int to) {
        return OtherTablesCondition.qualifiersOfColumns(tokens, from, to,
                (all, open, close) -> subquery(all, open + 1, close, all.isWord(open - 1, "EXISTS")));
    }
}
