package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The query that filled a scratch table with every row of what it reads ({@code INSERT INTO @ids SELECT id FROM
 * customers}, {@code CREATE TEMP TABLE doomed AS SELECT id FROM customers}, {@code SELECT id INTO #purge FROM
 * customers}): as long as nothing deletes or changes its rows, the table stands for that query as a view does, so a
 * DELETE that requires a related row in it ({@code WHERE id IN (SELECT id FROM @ids)}) is read as one that requires it
 * in the query's own table.
 *
 * @param columns the names the fill gives the query's outputs, as written ({@code INSERT INTO s (a, b)}); empty when
 *     it names none
 * @param intoTableColumns true for an INSERT that names none: the outputs go to the table's columns in their order;
 *     otherwise unnamed outputs keep their own names
 * @param query the fill's query, from its SELECT, without T-SQL's {@code INTO} clause
 * @param line the line the filling statement starts on
 */
public record ScratchFill(List<String> columns, boolean intoTableColumns, List<Token> query, int line) {

    public ScratchFill {
        columns = List.copyOf(columns);
        query = List.copyOf(query);
    }

    /**
     * The fill {@code core} makes, when it is an INSERT of a plain SELECT, a {@code CREATE TABLE .. AS SELECT} or a
     * {@code SELECT .. INTO t FROM}; empty for other statements and for queries with a WITH list of their own.
     */
    static Optional<ScratchFill> of(List<Token> core, int line) {
        if (core.isEmpty()) {
            return Optional.empty();
        }
        if (core.get(0).isWord("SELECT")) {
            return selectInto(core, line);
        }
        int i = 1;
        while (i < core.size() && !core.get(i).isSymbol("(") && !core.get(i).isAnyWord("SELECT", "AS", "VALUES")) {
            i++;
        }
        List<String> columns = new ArrayList<>();
        if (i < core.size() && core.get(i).isSymbol("(")) {
            int close = ObjectNames.skipParentheses(core, i);
            for (List<Token> named : ObjectNames.splitAtCommas(core, i + 1, close - 1)) {
                if (named.size() != 1) {
                    return Optional.empty(); // column definitions, not names
                }
                columns.add(named.get(0).text());
            }
            i = close;
        }
        if (core.get(0).isWord("CREATE") && i < core.size() && core.get(i).isWord("AS")) {
            i++;
        } else if (!core.get(0).isWord("INSERT")) {
            return Optional.empty();
        }
        int end = core.size();
        // PostgreSQL and MySQL accept the query in parentheses: AS (SELECT ..).
        while (i < end && core.get(i).isSymbol("(") && ObjectNames.skipParentheses(core, i) == end) {
            i++;
            end--;
        }
        if (i >= end || !core.get(i).isWord("SELECT")) {
            return Optional.empty();
        }
        return Optional.of(new ScratchFill(columns, columns.isEmpty() && core.get(0).isWord("INSERT"),
                core.subList(i, end), line));
    }

    /** T-SQL's {@code SELECT columns INTO t FROM ..}, which makes t and fills it: the query without its INTO. */
    private static Optional<ScratchFill> selectInto(List<Token> core, int line) {
        int into = TopLevel.wordIndex(core, 0, "INTO");
        if (into < 0) {
            return Optional.empty();
        }
        ObjectNames.NameAt target = ObjectNames.readName(core, into + 1);
        if (target == null) {
            return Optional.empty();
        }
        List<Token> query = new ArrayList<>(core.subList(0, into));
        query.addAll(core.subList(target.next(), core.size()));
        return Optional.of(new ScratchFill(List.of(), false, query, line));
    }
}
