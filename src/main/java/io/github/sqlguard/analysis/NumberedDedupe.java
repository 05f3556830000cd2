package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dedupe that numbers the rows of each group ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS rn}) and
 * deletes by the number, in a way that keeps no copy. Read in three shapes: {@code DELETE FROM t WHERE id IN (SELECT
 * id FROM (SELECT id, ROW_NUMBER() OVER (..) rn FROM t) x WHERE x.rn > 1)}, the same with the numbering query named
 * by a WITH clause, and T-SQL's {@code WITH d AS (SELECT *, ROW_NUMBER() OVER (..) rn FROM t) DELETE FROM d WHERE
 * rn > 1}, which deletes the rows of t through d.
 *
 * <p>Each row gets a number of 1 or more, so a filter that holds for every such number ({@code rn >= 1}, {@code rn >
 * 0}, {@code rn <> 0}, none) deletes every row, with ROW_NUMBER, RANK and DENSE_RANK alike. {@code rn > 1} keeps the
 * rows numbered 1, at least one a group, and is not reported; nor is {@code rn = 1}, which deletes the first row of
 * each group and keeps the others. Deleting by a column of the PARTITION BY ({@code k IN (SELECT k ..)}) instead of
 * one that tells rows apart takes every row that shares a selected key: with ROW_NUMBER any filter that selects a
 * number selects every copy of the groups that reach it; with RANK and DENSE_RANK ties share a number, so only a
 * filter that holds for 1, the number of some row of every group, surely does.
 */
final class NumberedDedupe {

    /**
     * A query numbering the rows of one table: {@code SELECT id, ROW_NUMBER() OVER (PARTITION BY k ..) AS rn FROM t}.
     *
     * @param table the numbered table, as written
     * @param function {@code ROW_NUMBER}, {@code RANK} or {@code DENSE_RANK}, upper case
     * @param call the numbering function's name token
     * @param number the name the number is selected as, normalized
     * @param partition the PARTITION BY values as written
     * @param partitionColumns the PARTITION BY values that are columns of the table, normalized
     * @param columns the columns the query selects by the name it gives them (normalized both)
     * @param everyColumn true when it selects {@code *} too
     */
    private record Numbering(String table, String function, Token call, String number, List<String> partition,
            List<String> partitionColumns, Map<String, String> columns, boolean everyColumn) {

        /** The table's column that {@code selected} names in the query's result, or null. */
        String column(String selected) {
            String name = ObjectNames.normalize(selected);
            if (columns.containsKey(name)) {
                return columns.get(name);
            }
            return everyColumn && !name.equals(number) ? name : null;
        }
    }

    private NumberedDedupe() {
    }

    /** The numbered dedupe keeping no copy that {@code delete} (a DELETE's tokens) is, if it is one. */
    static Optional<SymmetricDedupe.Found> of(List<Token> delete, Map<String, List<Token>> commonTables) {
        StatementTokens tokens = new StatementTokens(delete);
        int i = tokens.isWord(1, "FROM") ? 2 : 1;
        TableReference target = TableReference.at(delete, i);
        if (target == null || target.next() < tokens.size() && !tokens.isWord(target.next(), "WHERE")) {
            return Optional.empty(); // USING, a join, T-SQL's TOP, ORDER BY .. LIMIT: not read here
        }
        int where = target.next();
        String name = ObjectNames.normalize(target.table());
        if (commonTables.containsKey(name)) {
            // T-SQL: DELETE FROM d deletes the rows of the table d numbers
            List<Token> body = commonTables.get(name);
            Numbering numbering = body == null ? null : numbering(body);
            String qualifier = target.alias() != null ? target.alias() : target.table();
            // without a WHERE, the DELETE's own concern
            return numbering == null || where >= tokens.size() ? Optional.empty()
                    : everyNumber(numbering, tokens, where + 1, tokens.size(), qualifier);
        }
        if (where >= tokens.size()) {
            return Optional.empty();
        }
        String qualifier = target.alias() != null ? target.alias() : ObjectNames.lastPart(target.table());
        return selectedByNumber(tokens, where + 1, name, qualifier, commonTables);
    }

    /** {@code col IN (SELECT col FROM numbering [x] [WHERE filter])} as the whole WHERE at {@code from}. */
    private static Optional<SymmetricDedupe.Found> selectedByNumber(StatementTokens tokens, int from, String table,
            String qualifier, Map<String, List<Token>> commonTables) {
        List<Token> list = tokens.tokens();
        ObjectNames.NameAt tested = tokens.nameAt(from);
        int open = tested == null ? -1 : tested.next() + 1;
        if (tested == null || !tokens.isWord(open - 1, "IN") || !tokens.isSymbol(open, "(")
                || tokens.closingParen(open) != tokens.size() - 1 || !tokens.isWord(open + 1, "SELECT")
                || !sameQualifier(tested.text(), qualifier)) {
            return Optional.empty();
        }
        int end = tokens.size() - 1;
        ObjectNames.NameAt selected = tokens.nameAt(open + 2);
        if (selected == null || !tokens.isWord(selected.next(), "FROM")) {
            return Optional.empty();
        }
        int source = selected.next() + 1;
        List<Token> body;
        String sourceName;
        int afterSource;
        if (tokens.isSymbol(source, "(")) {
            int close = tokens.closingParen(source);
            body = list.subList(source + 1, close);
            ObjectNames.NameAt alias = TableReference.aliasAt(list, close + 1);
            sourceName = alias == null ? "" : alias.text();
            afterSource = alias == null ? close + 1 : alias.next();
        } else {
            TableReference named = TableReference.at(list, source);
            body = named == null ? null : commonTables.get(ObjectNames.normalize(named.table()));
            sourceName = named == null ? "" : named.alias() != null ? named.alias() : named.table();
            afterSource = named == null ? end : named.next();
        }
        Numbering numbering = body == null ? null : numbering(body);
        if (numbering == null || !ObjectNames.normalize(numbering.table()).equals(table)
                || afterSource < end && !tokens.isWord(afterSource, "WHERE")
                || !sameQualifier(selected.text(), sourceName)) {
            return Optional.empty();
        }
        String column = numbering.column(ObjectNames.lastPart(selected.text()));
        if (column == null || !column.equals(ObjectNames.normalize(ObjectNames.lastPart(tested.text())))) {
            return Optional.empty();
        }
        NumberFilter filter = afterSource < end ? NumberFilter.of(tokens, afterSource + 1, end, numbering.number(),
                sourceName) : NumberFilter.NONE;
        if (filter == null) {
            return Optional.empty();
        }
        if (filter.holdsForEveryNumber()) {
            return Optional.of(everyRow(numbering, filter, list));
        }
        boolean byKey = numbering.partitionColumns().contains(column) && (filter.holdsFor(1)
                || numbering.function().equals("ROW_NUMBER") && filter.holdsForSome());
        return byKey ? Optional.of(new SymmetricDedupe.Found(ClauseKind.DELETED_DUPLICATES_BY_KEY,
                list.get(open + 2), numbering.table(), selected.text(), numbering.partition())) : Optional.empty();
    }

    /** The finding when the filter on the number in {@code [from, to)} holds for every number. */
    private static Optional<SymmetricDedupe.Found> everyNumber(Numbering numbering, StatementTokens tokens, int from,
            int to, String qualifier) {
        NumberFilter filter = NumberFilter.of(tokens, from, to, numbering.number(), qualifier);
        return filter != null && filter.holdsForEveryNumber()
                ? Optional.of(everyRow(numbering, filter, tokens.tokens())) : Optional.empty();
    }

    private static SymmetricDedupe.Found everyRow(Numbering numbering, NumberFilter filter, List<Token> tokens) {
        Token at = filter.from() < 0 ? numbering.call() : tokens.get(filter.from());
        String words = filter.from() < 0 ? "" : Token.written(tokens.subList(filter.from(), filter.to()));
        return new SymmetricDedupe.Found(ClauseKind.DELETED_EVERY_NUMBERED_ROW, at, numbering.table(), words,
                numbering.partition());
    }

    /** True when {@code name} is unqualified or qualified by {@code qualifier}. */
    private static boolean sameQualifier(String name, String qualifier) {
        String written = ObjectNames.qualifier(name);
        return written.isEmpty() || ObjectNames.normalize(written).equals(ObjectNames.normalize(
                ObjectNames.lastPart(qualifier)));
    }

    /**
     * The numbering query {@code body} is: {@code SELECT} items that are columns, {@code *} and one numbering function
     * over a PARTITION BY, {@code FROM} one table and nothing after it (a WHERE or a join numbers some rows only).
     */
    private static Numbering numbering(List<Token> body) {
        StatementTokens query = new StatementTokens(body);
        int from = query.indexOfTopLevelWord(1, query.size(), "FROM");
        if (!query.isWord(0, "SELECT") || from < 0) {
            return null;
        }
        TableReference table = TableReference.at(body, from + 1);
        if (table == null || table.next() != query.size()) {
            return null;
        }
        String qualifier = table.alias() != null ? table.alias() : table.table();
        Map<String, String> columns = new HashMap<>();
        boolean everyColumn = false;
        Numbering numbered = null;
        for (List<Token> item : ObjectNames.splitAtCommas(body, 1, from)) {
            ObjectNames.NameAt name = ObjectNames.readName(item, 0);
            if (item.size() == 1 && item.get(0).isSymbol("*") || item.size() == 3 && name != null
                    && name.next() == 1 && item.get(2).isSymbol("*")) {
                everyColumn = true; // * or t.*
            } else if (item.get(0).isAnyWord("ROW_NUMBER", "RANK", "DENSE_RANK") && numbered == null) {
                numbered = numberingItem(item, table.table(), qualifier);
                if (numbered == null) {
                    return null;
                }
            } else if (name != null && sameQualifier(name.text(), qualifier)) {
                ObjectNames.NameAt alias = name.next() == item.size() ? null
                        : TableReference.aliasAt(item, name.next());
                if (alias == null && name.next() != item.size() || alias != null && alias.next() != item.size()) {
                    return null;
                }
                String column = ObjectNames.normalize(ObjectNames.lastPart(name.text()));
                columns.put(alias == null ? column : ObjectNames.normalize(alias.text()), column);
            } else {
                return null;
            }
        }
        return numbered == null ? null : new Numbering(numbered.table(), numbered.function(), numbered.call(),
                numbered.number(), numbered.partition(), numbered.partitionColumns(), columns, everyColumn);
    }

    /** {@code ROW_NUMBER() OVER (PARTITION BY k [ORDER BY ..]) [AS] rn}, or null. */
    private static Numbering numberingItem(List<Token> item, String table, String qualifier) {
        StatementTokens tokens = new StatementTokens(item);
        if (!tokens.isSymbol(1, "(") || !tokens.isSymbol(2, ")") || !tokens.isWord(3, "OVER")
                || !tokens.isSymbol(4, "(") || !tokens.isWord(5, "PARTITION") || !tokens.isWord(6, "BY")) {
            return null;
        }
        int close = tokens.closingParen(4);
        ObjectNames.NameAt alias = TableReference.aliasAt(item, close + 1);
        if (alias == null || alias.next() != item.size()) {
            return null;
        }
        int partitionEnd = tokens.indexOfTopLevelWord(7, close, "ORDER", "ROWS", "RANGE", "GROUPS");
        List<String> partition = new ArrayList<>();
        List<String> partitionColumns = new ArrayList<>();
        for (List<Token> value : ObjectNames.splitAtCommas(item, 7, partitionEnd < 0 ? close : partitionEnd)) {
            ObjectNames.NameAt column = ObjectNames.readName(value, 0);
            if (column != null && column.next() == value.size() && sameQualifier(column.text(), qualifier)) {
                partition.add(ObjectNames.lastPart(column.text()));
                partitionColumns.add(ObjectNames.normalize(ObjectNames.lastPart(column.text())));
            } else {
                partition.add(Token.written(value));
            }
        }
        return partition.isEmpty() ? null : new Numbering(table, item.get(0).upper(), item.get(0),
                ObjectNames.normalize(alias.text()), partition, partitionColumns, Map.of(), false);
    }

    /**
     * A filter on the number made of comparisons of it with numbers, joined by AND: {@code x.rn > 1},
     * {@code 0 < rn AND rn <> 3}.
     *
     * @param from the index of its first token, -1 for none
     * @param to the index after its last token
     */
    private record NumberFilter(int from, int to, RowNumberCondition condition) {

        static final NumberFilter NONE = new NumberFilter(-1, -1, new RowNumberCondition(List.of()));

        /** The filter in {@code [from, to)} on {@code number} of the query called {@code source}, or null. */
        static NumberFilter of(StatementTokens tokens, int from, int to, String number, String source) {
            List<RowNumberCondition.Bound> comparisons = new ArrayList<>();
            for (int[] term : TokenConditionTruth.andTerms(tokens, from, to)) {
                RowNumberCondition.Bound comparison = comparison(tokens, term[0], term[1], number, source);
                if (comparison == null) {
                    return null;
                }
                comparisons.add(comparison);
            }
            return new NumberFilter(from, to, new RowNumberCondition(comparisons));
        }

        private static RowNumberCondition.Bound comparison(StatementTokens tokens, int from, int to, String number,
                String source) {
            ObjectNames.NameAt name = tokens.nameAt(from);
            if (name != null && isNumber(name, number, source) && name.next() + 1 < to) {
                BigDecimal bound = RowNumberCondition.constant(tokens, name.next() + 1, to);
                return bound == null ? null : RowNumberCondition.Bound.of(tokens.tokens().get(name.next()).text(),
                        bound);
            }
            for (int operator = from + 1; operator < to; operator++) {
                String written = tokens.tokens().get(operator).text();
                if (RowNumberCondition.Bound.isComparison(written)) {
                    BigDecimal bound = RowNumberCondition.constant(tokens, from, operator);
                    ObjectNames.NameAt right = tokens.nameAt(operator + 1);
                    if (bound != null && right != null && right.next() == to && isNumber(right, number, source)) {
                        return RowNumberCondition.Bound.of(Comparison.mirrored(written), bound);
                    }
                    return null;
                }
            }
            return null;
        }

        private static boolean isNumber(ObjectNames.NameAt name, String number, String source) {
            return ObjectNames.normalize(ObjectNames.lastPart(name.text())).equals(number)
                    && sameQualifier(name.text(), source);
        }

        boolean holdsFor(long number) {
            return condition.holdsFor(number);
        }

        boolean holdsForEveryNumber() {
            return condition.holdsForEveryNumber();
        }

        boolean holdsForSome() {
            return condition.holdsForSome();
        }
    }
}
