package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
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
    /** Words of a condition that are no column: operators, literals, the keywords of CASE and CAST. */
    private static final Set<String> NOT_COLUMNS = Set.of("AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE",
            "UNKNOWN", "IN", "LIKE", "ILIKE", "ESCAPE", "BETWEEN", "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "END",
            "AS", "COLLATE", "ALL");

    private UncorrelatedSubqueries() {
    }

    /**
     * The normalized qualifiers of the columns the condition in {@code [from, to)} names outside its subqueries'
     * own tables, when it holds at least one subquery and names each column qualified; null otherwise.
     */
    static Set<String> qualifiersOutside(StatementTokens tokens, int from, int to) {
        Names names = names(tokens, from, to);
        return names == null || !names.subquery() ? null : names.qualifiers();
    }

    private record Names(Set<String> qualifiers, boolean subquery) {
    }

    private static Names names(StatementTokens tokens, int from, int to) {
        Set<String> qualifiers = new HashSet<>();
        boolean subquery = false;
        int i = from;
        while (i < to) {
            Token token = tokens.tokens().get(i);
            if (token.isSymbol("(") && tokens.isWord(i + 1, "SELECT")) {
                int close = tokens.closingParen(i);
                Names inner = close < 0 || close >= to ? null
                        : subquery(tokens, i + 1, close, tokens.isWord(i - 1, "EXISTS"));
                if (inner == null) {
                    return null;
                }
                qualifiers.addAll(inner.qualifiers());
                subquery = true;
                i = close + 1;
                continue;
            }
            if (token.isWord("SELECT")) {
                return null;
            }
            boolean namePart = token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
            if (!namePart || token.text().startsWith("@") || tokens.isSymbol(i - 1, "::")) {
                i++; // literals, operators, placeholders, T-SQL @variables, PostgreSQL ::type
                continue;
            }
            ObjectNames.NameAt name = tokens.nameAt(i);
            if (name == null || name.next() > to) {
                return null;
            }
            i = name.next();
            if (tokens.isSymbol(i, "(")) {
                continue; // a function's name (or EXISTS); its arguments are read on
            }
            String last = ObjectNames.lastPart(name.text());
            if (last.length() == name.text().length()) {
                if (token.type() == TokenType.WORD && NOT_COLUMNS.contains(token.upper())) {
                    continue;
                }
                return null; // an unqualified column may be the outer query's
            }
            qualifiers.add(ObjectNames.normalize(name.text().substring(0, name.text().length() - last.length() - 1)));
        }
        return new Names(qualifiers, subquery);
    }

    /**
     * The names {@code SELECT .. FROM .. [WHERE ..]} in {@code [select, close)} reads outside its own tables. An
     * EXISTS over a table without a filter (no WHERE, or one that always holds) is left to the reading of
     * unfiltered subqueries, which names that table.
     */
    private static Names subquery(StatementTokens tokens, int select, int close, boolean exists) {
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
        Names selected = names(tokens, select + 1, fromWord);
        Names condition = where < 0 ? new Names(Set.of(), false) : names(tokens, where + 1, close);
        if (own.isEmpty() || selected == null || condition == null) {
            return null;
        }
        Set<String> outside = new HashSet<>(selected.qualifiers());
        outside.addAll(condition.qualifiers());
        outside.removeAll(own);
        return new Names(outside, true);
    }
}
