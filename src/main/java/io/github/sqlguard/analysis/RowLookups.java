package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    static List<RowLookup> nullingWhereNothingIsFound(StatementTokens tokens, int from, int to,
            String target, Set<String> targetQualifiers) {
        List<RowLookup> columns = new ArrayList<>();
        int i = from;
        while (i < to) {
            int end = tokens.firstTopLevelComma(i, to);
            List<String> assigned = new ArrayList<>();
            int equals = assignedColumns(tokens, i, end, assigned);
            if (equals > 0 && equals + 1 < end && tokens.isSymbol(equals, "=")
                    && isCorrelatedSubqueryOfColumns(tokens, equals + 1, end, assigned.size(), targetQualifiers)) {
                Optional<KeyLink> link = link(tokens, equals + 1, end, target, targetQualifiers);
                assigned.forEach(column -> columns.add(new RowLookup(column, link)));
            }
            i = end + 1;
        }
        return columns;
    }

    /**
     * The link of the row to the one table the subquery {@code [at, end)} reads, when its WHERE is nothing but one
     * equality of a column of the row and a column of that table ({@code WHERE t.team_id = m.team_id}).
     */
    private static Optional<KeyLink> link(StatementTokens tokens, int at, int end, String target,
            Set<String> targetQualifiers) {
        int from = at + 1;
        while (from < end - 1 && !tokens.isWord(from, "FROM")) {
            from++;
        }
        ObjectNames.NameAt read = tokens.nameAt(from + 1);
        if (read == null) {
            return Optional.empty();
        }
        int next = tokens.isWord(read.next(), "AS") ? read.next() + 1 : read.next();
        String known = ObjectNames.normalize(read.lastPart());
        if (next < end - 1 && !tokens.isWord(next, "WHERE") && tokens.nameAt(next) != null) {
            known = ObjectNames.normalize(tokens.nameAt(next).text());
            next = tokens.nameAt(next).next();
        }
        ObjectNames.NameAt left = tokens.isWord(next, "WHERE") ? tokens.nameAt(next + 1) : null;
        ObjectNames.NameAt right = left == null || !tokens.isSymbol(left.next(), "=") ? null
                : tokens.nameAt(left.next() + 1);
        if (right == null || right.next() != end - 1) {
            return Optional.empty();
        }
        for (ObjectNames.NameAt[] sides : List.of(new ObjectNames.NameAt[] {left, right},
                new ObjectNames.NameAt[] {right, left})) {
            if (targetQualifiers.contains(qualifier(sides[0].text())) && known.equals(qualifier(sides[1].text()))) {
                return Optional.of(new KeyLink(target, sides[0].lastPart(), read.text(), sides[1].lastPart()));
            }
        }
        return Optional.empty();
    }

    /** The normalized qualifier of a column's name ({@code t} of {@code t.team_id}); "" without one. */
    private static String qualifier(String column) {
        int dot = column.lastIndexOf('.');
        return dot < 0 ? "" : ObjectNames.normalize(column.substring(0, dot));
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
