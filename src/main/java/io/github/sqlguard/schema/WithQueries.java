package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The named queries of a statement's leading {@code WITH a AS (..), b (x, y) AS (..)}: a subquery of the statement
 * that reads {@code a} reads whatever rows a's query gives, so whether it filters is decided by that query.
 *
 * @param queries the named queries in the order written
 * @param end the index of the first token after the WITH list
 */
record WithQueries(List<Named> queries, int end) {

    /** A statement without WITH. */
    static final WithQueries NONE = new WithQueries(List.of(), 0);

    /**
     * One named query.
     *
     * @param name its name, as a key
     * @param columns the column names written after the name, as keys; empty when none are
     * @param body the query's tokens inside its parentheses
     */
    record Named(String name, List<String> columns, List<Token> body) {
    }

    /**
     * The WITH list at the start of {@code tokens}, {@link #NONE} without one; empty for a list this reader does not
     * follow, and for WITH RECURSIVE, whose queries read themselves.
     */
    static Optional<WithQueries> read(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("WITH")) {
            return Optional.of(NONE);
        }
        List<Named> queries = new ArrayList<>();
        int i = 1;
        while (true) {
            SchemaNames.Read name = SchemaNames.name(tokens, i);
            if (name == null || name.text().contains(".")) {
                return Optional.empty();
            }
            i = name.next();
            List<String> columns = new ArrayList<>();
            if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
                int close = ObjectNames.skipParentheses(tokens, i);
                for (Token token : ObjectNames.insideParentheses(tokens, i)) {
                    if (!token.isSymbol(",")) {
                        columns.add(SchemaNames.key(token.text()));
                    }
                }
                i = close;
            }
            if (i >= tokens.size() || !tokens.get(i).isWord("AS")) {
                return Optional.empty();
            }
            i++;
            // PostgreSQL: AS [NOT] MATERIALIZED (..) only says how the query is planned.
            i += i < tokens.size() && tokens.get(i).isWord("NOT") ? 1 : 0;
            i += i < tokens.size() && tokens.get(i).isWord("MATERIALIZED") ? 1 : 0;
            if (i >= tokens.size() || !tokens.get(i).isSymbol("(")) {
                return Optional.empty();
            }
            int close = ObjectNames.skipParentheses(tokens, i);
            queries.add(new Named(SchemaNames.key(name.text()), columns, ObjectNames.insideParentheses(tokens, i)));
            i = close;
            if (i >= tokens.size() || !tokens.get(i).isSymbol(",")) {
                return Optional.of(new WithQueries(List.copyOf(queries), i));
            }
            i++;
        }
    }

    /**
     * The query {@code table} names, looked up among the first {@code visible} queries (a query sees only those
     * written before it), or empty when it names a table (a qualified name always does).
     */
    Optional<Named> named(String table, int visible) {
        if (table.contains(".")) {
            return Optional.empty();
        }
        String wanted = SchemaNames.key(table);
        for (int i = Math.min(visible, queries.size()) - 1; i >= 0; i--) {
            if (queries.get(i).name().equals(wanted)) {
                return Optional.of(queries.get(i));
            }
        }
        return Optional.empty();
    }

    /** The position of {@code query} in the list. */
    int indexOf(Named query) {
        return queries.indexOf(query);
    }
}
