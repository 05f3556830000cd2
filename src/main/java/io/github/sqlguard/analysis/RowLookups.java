package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns an UPDATE's SET list fills with a lookup for each row: a scalar subquery correlated to the updated row
 * ({@code SET subject = (SELECT l.stanza FROM log l WHERE l.room_id = r.room_id)}). Such a backfill reads as if rows
 * without a match kept their value, but the subquery gives NULL there, so an UPDATE of every row that runs it
 * empties the column in each row the lookup finds nothing for.
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
            ObjectNames.NameAt column = tokens.nameAt(i);
            if (column != null && column.next() + 1 < end && tokens.isSymbol(column.next(), "=")
                    && isCorrelatedScalarSubquery(tokens, column.next() + 1, end, targetQualifiers)) {
                columns.add(ObjectNames.lastPart(column.text()));
            }
            i = end + 1;
        }
        return columns;
    }

    private static boolean isCorrelatedScalarSubquery(StatementTokens tokens, int at, int end,
            Set<String> targetQualifiers) {
        if (!tokens.isSymbol(at, "(") || tokens.closingParen(at) != end - 1 || !tokens.isWord(at + 1, "SELECT")) {
            return false;
        }
        ObjectNames.NameAt selected = tokens.nameAt(tokens.skipWords(at + 2, "DISTINCT"));
        if (selected == null || !tokens.isWord(selected.next(), "FROM")) {
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
