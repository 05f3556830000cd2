package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns an UPDATE's SET list fills with a lookup for each row: a scalar subquery correlated to the updated row
 * ({@code SET subject = (SELECT l.stanza FROM log l WHERE l.room_id = r.room_id)}). Such a backfill reads as if rows
 * without a match kept their value, but the subquery gives NULL there, so an UPDATE of every row that runs it
 * empties the column in each row the lookup finds nothing for. The row-value form {@code SET (a, b) = (SELECT l.a,
 * l.b FROM l WHERE l.id = t.id)}, which Oracle, PostgreSQL, H2 and Db2 take, empties each of its columns so.
 */
final class RowLookups {

    private RowLookups() {
    }

    /**
     * The columns, as written without their qualifier, whose value in the SET list {@code [from, to)} is exactly a
     * parenthesised SELECT that names one of {@code targetQualifiers} (the updated table's name or alias) only as the
     * qualifier of a column, and that selects one column as it is: a subquery that selects an expression (an aggregate
     * or a COALESCE gives a value of its own where no row matches) or reads the target's table itself is left out.
     */
    static List<String> nullingWhereNothingIsFound(StatementTokens tokens, int from, int to,
            Set<String> targetQualifiers) {
        List<String> columns = new ArrayList<>();
        int i = from;
        while (i < to) {
            int end = tokens.firstTopLevelComma(i, to);
            List<String> assigned = new ArrayList<>();
            int equals = assignedColumns(tokens, i, end, assigned);
            if (equals > 0 && equals + 1 < end && tokens.isSymbol(equals, "=")
                    && isCorrelatedSubqueryOfColumns(tokens, equals + 1, end, assigned.size(), targetQualifiers)) {
                columns.addAll(assigned);
            }
            i = end + 1;
        }
        return columns;
    }

    /**
     * Adds to {@code assigned} the columns, without their qualifier, that the assignment at {@code [at, end)} writes:
     * {@code c} or {@code (c1, c2)}; returns the index after them, or -1 when the left side is anything else.
     */
    private static int assignedColumns(StatementTokens tokens, int at, int end, List<String> assigned) {
        if (!tokens.isSymbol(at, "(")) {
            ObjectNames.NameAt column = tokens.nameAt(at);
            if (column == null || column.next() >= end) {
                return -1;
            }
            assigned.add(ObjectNames.lastPart(column.text()));
            return column.next();
        }
        int close = tokens.closingParen(at);
        if (close < 0 || close >= end) {
            return -1;
        }
        int next = namesUpTo(tokens, at + 1, close, assigned);
        return next == close && !assigned.isEmpty() ? close + 1 : -1;
    }

    /** Adds the comma-separated names from {@code at} on to {@code names}; returns the index after the last. */
    private static int namesUpTo(StatementTokens tokens, int at, int stop, List<String> names) {
        int i = at;
        while (i < stop) {
            ObjectNames.NameAt name = tokens.nameAt(i);
            if (name == null) {
                return -1;
            }
            names.add(ObjectNames.lastPart(name.text()));
            i = name.next();
            if (!tokens.isSymbol(i, ",")) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean isCorrelatedSubqueryOfColumns(StatementTokens tokens, int at, int end, int count,
            Set<String> targetQualifiers) {
        if (!tokens.isSymbol(at, "(") || tokens.closingParen(at) != end - 1 || !tokens.isWord(at + 1, "SELECT")) {
            return false;
        }
        List<String> selected = new ArrayList<>();
        int from = namesUpTo(tokens, tokens.skipWords(at + 2, "DISTINCT"), end - 1, selected);
        if (from < 0 || selected.size() != count || !tokens.isWord(from, "FROM")) {
            return false;
        }
        boolean correlated = false;
        for (int k = at + 2; k < end - 1; k++) {
            Token token = tokens.tokens().get(k);
            if (!targetQualifiers.contains(ObjectNames.normalize(token.text())) || tokens.isSymbol(k - 1, ".")) {
                continue;
            }
            if (!tokens.isSymbol(k + 1, ".")) {
                return false; // the subquery reads the target's table, or takes its alias for a table of its own
            }
            correlated = true;
        }
        return correlated;
    }
}
