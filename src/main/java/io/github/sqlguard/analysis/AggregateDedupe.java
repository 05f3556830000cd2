package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dedupe that keeps the first (or last) row of each group by an aggregate of its own table, {@code DELETE FROM t
 * WHERE id NOT IN (SELECT MIN(id) FROM t GROUP BY k)}, written so that it keeps too little. Without the GROUP BY the
 * subquery gives one value for the whole table, so every row but one goes (also with {@code <>}, or {@code <} against
 * MAX and {@code >} against MIN); with IN instead of NOT IN it deletes the row it meant to keep in every group, the
 * only row of each group that had no duplicate among them. A subquery with a WHERE, a HAVING or a join picks its rows
 * by what this does not read, and is not judged here.
 */
final class AggregateDedupe {

    private AggregateDedupe() {
    }

    /** The aggregate dedupe keeping too little that {@code delete} (a DELETE's tokens, no WITH) is, if it is one. */
    static Optional<SymmetricDedupe.Found> of(List<Token> delete) {
        StatementTokens tokens = new StatementTokens(delete);
        int i = tokens.isWord(1, "FROM") ? 2 : 1;
        TableReference target = TableReference.at(delete, i);
        if (target == null || !tokens.isWord(target.next(), "WHERE")) {
            return Optional.empty();
        }
        int from = target.next() + 1;
        int to = tokens.size();
        while (to > from && delete.get(to - 1).type() == TokenType.TERMINATOR) {
            to--;
        }
        while (to - from > 2 && tokens.isSymbol(from, "(") && tokens.closingParen(from) == to - 1) {
            from++;
            to--;
        }
        ObjectNames.NameAt compared = tokens.nameAt(from);
        if (compared == null) {
            return Optional.empty();
        }
        int at = compared.next();
        String comparison = comparisonAt(tokens, at);
        if (comparison == null) {
            return Optional.empty();
        }
        int open = at + (comparison.equals("NOT IN") ? 2 : 1);
        if (!tokens.isSymbol(open, "(") || tokens.closingParen(open) != to - 1 || !tokens.isWord(open + 1, "SELECT")
                || !tokens.isWord(open + 2, "MIN", "MAX") || !tokens.isSymbol(open + 3, "(")) {
            return Optional.empty();
        }
        Token aggregate = delete.get(open + 2);
        ObjectNames.NameAt argument = tokens.nameAt(open + 4);
        int argumentEnd = tokens.closingParen(open + 3);
        if (argument == null || argument.next() != argumentEnd || !sameColumn(compared.lastPart(), argument.lastPart())
                || !tokens.isWord(argumentEnd + 1, "FROM")) {
            return Optional.empty();
        }
        ObjectNames.NameAt source = tokens.nameAt(argumentEnd + 2);
        if (source == null || !sameColumn(source.lastPart(), ObjectNames.lastPart(target.table()))) {
            return Optional.empty();
        }
        int close = to - 1;
        int afterSource = source.next() + (tokens.isWord(source.next(), "AS") ? 1 : 0);
        if (afterSource < close && !tokens.isWord(afterSource, "GROUP") && tokens.nameAt(afterSource) != null) {
            afterSource = tokens.nameAt(afterSource).next(); // an alias
        }
        List<String> groups = groupedBy(tokens, afterSource, close);
        if (groups == null) {
            return Optional.empty();
        }
        boolean min = aggregate.isWord("MIN");
        String words = comparison + " (SELECT " + aggregate.text().toUpperCase(java.util.Locale.ROOT) + "("
                + argument.text() + ") FROM " + source.text() + (groups.isEmpty() ? "" : " GROUP BY "
                        + String.join(", ", groups)) + ")";
        if (groups.isEmpty() && (comparison.equals("NOT IN") || comparison.equals("<>") || comparison.equals("!=")
                || comparison.equals("<") && !min || comparison.equals(">") && min)) {
            return Optional.of(new SymmetricDedupe.Found(ClauseKind.DELETED_ALL_BUT_ONE_ROW, aggregate,
                    target.table(), words, List.of(argument.lastPart())));
        }
        if (!groups.isEmpty() && (comparison.equals("IN") || comparison.equals("="))) {
            return Optional.of(new SymmetricDedupe.Found(ClauseKind.DELETED_ONE_ROW_OF_EVERY_GROUP, aggregate,
                    target.table(), words, groups));
        }
        return Optional.empty();
    }

    /** {@code NOT IN}, {@code IN}, {@code <>}, {@code !=}, {@code <}, {@code >} or {@code =} at {@code at}, or null. */
    private static String comparisonAt(StatementTokens tokens, int at) {
        if (tokens.isWord(at, "NOT") && tokens.isWord(at + 1, "IN")) {
            return "NOT IN";
        }
        if (tokens.isWord(at, "IN")) {
            return "IN";
        }
        for (String symbol : List.of("<>", "!=", "<", ">", "=")) {
            if (tokens.isSymbol(at, symbol)) {
                return symbol;
            }
        }
        return null;
    }

    /**
     * The names of the GROUP BY that fills {@code [from, close)}, the rest of the subquery after its table; empty when
     * nothing follows the table; null when anything else does (a WHERE, a join, a HAVING) or a grouping is no name.
     */
    private static List<String> groupedBy(StatementTokens tokens, int from, int close) {
        if (from == close) {
            return List.of();
        }
        if (!tokens.isWord(from, "GROUP") || !tokens.isWord(from + 1, "BY")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        int i = from + 2;
        while (i < close) {
            ObjectNames.NameAt name = tokens.nameAt(i);
            if (name == null) {
                return null;
            }
            names.add(name.text());
            i = name.next();
            if (i < close && !tokens.isSymbol(i, ",")) {
                return null;
            }
            i++;
        }
        return names.isEmpty() ? null : names;
    }

    /** True when two names, columns or tables, are the same ignoring quotes and case as the dialects fold them. */
    private static boolean sameColumn(String one, String other) {
        return ObjectNames.normalize(one).equals(ObjectNames.normalize(other));
    }
}
