package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.TokenConditionTruth;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges WHERE conditions that only require a related row in a table read without any filter ({@code fk IN (SELECT
 * id FROM t)}, {@code EXISTS (SELECT 1 FROM t WHERE t.id = outer.fk)}), which look restrictive but may not be. The
 * null tests that hold for every row are {@link NullTestTruth}.
 */
public final class WhereJudgement {

    private WhereJudgement() {
    }

    /**
     * The table a condition requires a related row in, when that is all it requires and the table is read
     * without a filter of its own; empty otherwise.
     */
    public static Optional<RelatedRow> onlyRequiresRelatedRow(WhereTokens where) {
        return requiredRow(where).filter(row -> !row.tiedToTheOneRowOfDual());
    }

    /**
     * The table of a condition that is only {@code NOT EXISTS (SELECT .. FROM t)}, t read without a filter: it names
     * no column of the changed row, so it holds for every row while t is empty and for none once t has a row; empty
     * for any other condition.
     */
    public static Optional<RelatedRow> onlyRequiresNoRow(WhereTokens where) {
        List<Token> condition = unwrapped(where.condition());
        if (condition.size() < 6 || !condition.get(0).isWord("NOT") || !condition.get(1).isWord("EXISTS")) {
            return Optional.empty();
        }
        return ExistsRelatedRow.of(condition.subList(2, condition.size()), where).filter(RelatedRow::uncorrelated);
    }

    /**
     * As {@link #onlyRequiresRelatedRow}, for a condition {@code fk IN (SELECT ..)} or {@code EXISTS (SELECT ..)}
     * whose subquery joins tables on references to their keys ({@link KeyJoinedQuery}): the table whose rows those
     * joins all keep.
     */
    public static Optional<RelatedRow> onlyRequiresRelatedRowThroughKeys(WhereTokens where, SchemaView schema) {
        List<Token> condition = unwrapped(where.condition());
        if (condition.size() < 5) {
            return Optional.empty();
        }
        if (condition.get(0).isWord("EXISTS")) {
            List<Token> subquery = condition.subList(1, condition.size());
            if (ObjectNames.skipParentheses(subquery, 0) != subquery.size()) {
                return Optional.empty();
            }
            List<String> outerColumns = new ArrayList<>();
            return KeyJoinedQuery.correlated(subquery.subList(1, subquery.size() - 1), where.alias(), outerColumns,
                    schema).flatMap(table -> behind(table, where.with(), where.with().queries().size()))
                    .map(table -> new RelatedRow(table.table(), false, List.copyOf(outerColumns), table.columns()));
        }
        return inSubquery(condition).flatMap(in -> KeyJoinedQuery.of(in.select(), schema)
                .flatMap(table -> behind(table, where.with(), where.with().queries().size()))
                .map(table -> new RelatedRow(table.table(), false, in.columns(), table.columns())));
    }

    private static Optional<RelatedRow> requiredRow(WhereTokens where) {
        List<Token> condition = unwrapped(where.condition());
        if (condition.size() < 5) {
            return Optional.empty();
        }
        if (condition.get(0).isWord("EXISTS")) {
            return ExistsRelatedRow.of(condition.subList(1, condition.size()), where);
        }
        return inSubquery(condition).flatMap(in -> query(in.select()).filter(table -> filtersNothing(table.rest()))
                .flatMap(table -> behind(table, where.with(), where.with().queries().size()))
                .map(table -> new RelatedRow(table.table(), false, in.columns(), table.columns())));
    }

    /** The target's columns of {@code fk IN (SELECT ..)} and the subquery's SELECT. */
    private record InSubquery(List<String> columns, List<Token> select) {
    }

    /** {@code fk IN (SELECT ..)}, {@code (a, b) IN (..)} and {@code fk = ANY (..)} read apart; empty otherwise. */
    private static Optional<InSubquery> inSubquery(List<Token> condition) {
        List<String> columns;
        int next;
        if (condition.get(0).isSymbol("(")) {
            // A row value, (id) IN (..) or (id, region) IN (..), requires the same related row as its columns do.
            next = ObjectNames.skipParentheses(condition, 0);
            columns = selected(condition.subList(1, next - 1));
            if (columns.isEmpty() || columns.contains(null)) {
                return Optional.empty();
            }
        } else {
            SchemaNames.Read column = SchemaNames.name(condition, 0);
            if (column == null) {
                return Optional.empty();
            }
            next = column.next();
            columns = List.of(column.text());
        }
        if (next + 1 >= condition.size()) {
            return Optional.empty();
        }
        // fk IN (SELECT ..), and its spelling fk = ANY (SELECT ..) / fk = SOME (SELECT ..)
        int open = condition.get(next).isWord("IN") ? next + 1
                : condition.get(next).isSymbol("=") && condition.get(next + 1).isAnyWord("ANY", "SOME") ? next + 2 : -1;
        if (open < 0 || open >= condition.size()) {
            return Optional.empty();
        }
        List<Token> subquery = condition.subList(open, condition.size());
        if (ObjectNames.skipParentheses(subquery, 0) != subquery.size()) {
            return Optional.empty();
        }
        List<Token> select = subquery.subList(1, subquery.size() - 1);
        if (select.size() > 3 && select.get(0).isWord("ARRAY") && select.get(1).isSymbol("(")
                && ObjectNames.skipParentheses(select, 1) == select.size()) {
            // PostgreSQL: fk = ANY (ARRAY(SELECT ..)) reads the same rows as fk = ANY (SELECT ..).
            select = select.subList(2, select.size() - 1);
        }
        return Optional.of(new InSubquery(columns, select));
    }

    /**
     * The table a condition requires a row in, read without a filter.
     *
     * @param table the table as written
     * @param uncorrelated true when the condition names no column of the target: any row of the table will do
     * @param columns the target's columns the condition ties to that table, as written (maybe qualified); empty
     *     when not plain columns
     * @param relatedColumns the related table's columns they are tied to, in the same order, as written (null for
     *     one that is not a plain column); empty when the subquery reads every column ({@code TABLE t},
     *     {@code SELECT *})
     */
    public record RelatedRow(String table, boolean uncorrelated, List<String> columns, List<String> relatedColumns) {

        /**
         * True when the schema shows the related table's rows point at the target's rows ({@code id IN (SELECT
         * account_id FROM invoices)}, invoices.account_id referring to the target's key): then only the rows some
         * related row points at qualify, which is a restriction, not every row.
         */
        public boolean pointsAtTarget(String target, SchemaView schema) {
            List<String> related = relatedColumns;
            if (related.isEmpty() && columns.size() == 1) {
                // TABLE t and SELECT * give t's one column, the only shape IN accepts against one column.
                related = schema.table(table).filter(known -> known.columns().size() == 1)
                        .map(known -> List.of(known.columns().values().iterator().next().name())).orElse(List.of());
            }
            for (int i = 0; i < columns.size() && i < related.size(); i++) {
                String column = columns.get(i);
                String relatedColumn = related.get(i);
                if (relatedColumn != null && schema.refersToKey(table, relatedColumn, target, column)
                        && !schema.refersToKey(target, column, table, relatedColumn)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * True when the condition ties the target's columns to Oracle's (or MySQL's) DUAL, whose one row holds the
         * values the query selects ({@code id IN (SELECT 10 FROM dual)}, {@code MERGE .. USING (SELECT :id id FROM
         * dual) s ON (t.id = s.id)}): that is a filter on those values, not a related row every row has.
         */
        boolean tiedToTheOneRowOfDual() {
            return !uncorrelated && ObjectNames.normalize(ObjectNames.lastPart(table)).equals("dual");
        }

        /**
         * True when {@code target} is this table as written, schema and all ({@code archive.orders} is not
         * {@code orders}).
         */
        public boolean sameTable(String target) {
            return ObjectNames.normalize(table).equals(ObjectNames.normalize(target));
        }

        /**
         * True when the row is required in {@code target} itself, on the same columns ({@code id IN (SELECT id FROM
         * t)}, {@code EXISTS (SELECT 1 FROM t t2 WHERE t2.id = t.id)}): every row whose columns are not NULL is its
         * own related row.
         */
        public boolean pairsEveryRowWithItself(String target) {
            if (!sameTable(target) || columns.isEmpty()
                    || relatedColumns.size() != columns.size()) {
                return false;
            }
            for (int i = 0; i < columns.size(); i++) {
                String related = relatedColumns.get(i);
                if (related == null || !SchemaNames.key(SchemaNames.lastPart(related))
                        .equals(SchemaNames.key(SchemaNames.lastPart(columns.get(i))))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * True when {@code query} reads one table without a filter, the only shape {@link #throughView} sees through: the
     * query of any other view need not be kept to judge what reads that view.
     */
    static boolean readsOneTableUnfiltered(List<Token> query) {
        return query(query).filter(table -> filtersNothing(table.rest())).isPresent();
    }

    /**
     * {@code row} read through the view it names, whose defining query is {@code view}: the table that query reads
     * without a filter, with the columns mapped through it; empty when the view's query filters or is not that simple.
     */
    static Optional<RelatedRow> throughView(RelatedRow row, WithQueries.Named view) {
        Query read = new Query(view.name(), "", row.relatedColumns(), List.of());
        return behind(read, new WithQueries(List.of(view), 0), 1).map(table -> new RelatedRow(table.table(),
                row.uncorrelated(), row.columns(), table.columns()));
    }

    /**
     * The table a MERGE's source reads without a filter, {@code t} or {@code SELECT .. FROM t} (also through the WITH
     * list's queries), with the columns it selects as written (empty for all of them); empty for any other source.
     */
    static Optional<RelatedRow> unfilteredSource(List<Token> source, WithQueries with) {
        SchemaNames.Read name = SchemaNames.name(source, 0);
        Optional<Query> read = name != null && name.next() == source.size()
                ? Optional.of(new Query(SchemaNames.unquoted(name.text()), "", List.of(), List.of()))
                : query(source).filter(table -> filtersNothing(table.rest()));
        return read.flatMap(table -> behind(table, with, with.queries().size()))
                .map(table -> new RelatedRow(table.table(), false, List.of(), table.columns()))
                .filter(row -> !row.tiedToTheOneRowOfDual());
    }

    /**
     * Nothing after the table, or a WHERE that holds for every row ({@code WHERE true}), either followed only by an
     * ORDER BY or a row lock ({@code FOR UPDATE}, {@code FOR NO KEY UPDATE OF t NOWAIT}, {@code FOR SHARE}): a query
     * that locks the rows it is about to change, as trigger functions do, reads them all in some order.
     */
    static boolean filtersNothing(List<Token> rest) {
        List<Token> read = UnfilteringClauses.withoutOrderOrLock(rest);
        return read.isEmpty() || read.get(0).isWord("WHERE") && read.size() > 1
                && TokenConditionTruth.holdsForEveryRow(read.subList(1, read.size()));
    }

    /**
     * A query reading one table: the table as written, its alias, the columns it selects as written (null for one
     * that is not a plain column, empty for all of them) and what follows the table.
     */
    record Query(String table, String alias, List<String> columns, List<Token> rest) {
    }

    /** {@code SELECT .. FROM t [alias] ..}, or PostgreSQL's {@code TABLE t}, which is SELECT * FROM t. */
    static Optional<Query> query(List<Token> select) {
        if (select.size() > 1 && select.get(0).isWord("TABLE")) {
            SchemaNames.Read table = SchemaNames.name(select, 1);
            return table == null || table.next() != select.size() ? Optional.empty()
                    : Optional.of(new Query(SchemaNames.unquoted(table.text()), SchemaNames.key(table.text()),
                            List.of(), List.of()));
        }
        int from = TopLevel.wordIndex(select, 0, "FROM");
        if (select.isEmpty() || !select.get(0).isWord("SELECT") || from < 0) {
            return Optional.empty();
        }
        List<String> columns = selected(select.subList(1, from));
        if (from + 1 < select.size() && select.get(from + 1).isSymbol("(")) {
            return derived(columns, select.subList(from + 1, select.size()));
        }
        List<Token> items = select.subList(1, from);
        return unfilteredTable(select.subList(from + 1, select.size())).map(table -> new Query(table.table(),
                table.alias(), columns, UnfilteringClauses.withoutOrdering(items, table.rest())));
    }

    /**
     * {@code SELECT columns FROM (SELECT .. FROM t) x ..}, the derived table MySQL needs to read a DELETE's or UPDATE's
     * own target in its WHERE: the table the derived query reads without a filter, with the columns mapped through
     * it; empty when it filters or is not that simple.
     */
    private static Optional<Query> derived(List<String> columns, List<Token> from) {
        int close = ObjectNames.skipParentheses(from, 0);
        if (close > from.size()) {
            return Optional.empty();
        }
        int i = close;
        if (i < from.size() && from.get(i).isWord("AS")) {
            i++;
        }
        if (i >= from.size() || !SchemaNames.isNamePart(from.get(i)) || from.get(i).isWord("WHERE")) {
            return Optional.empty();
        }
        String alias = SchemaNames.key(from.get(i).text());
        List<Token> rest = from.subList(i + 1, from.size());
        // Only plain columns keep their names, so that the outer query's x.id is the inner table's id.
        return query(from.subList(1, close - 1)).filter(inner -> filtersNothing(inner.rest()))
                .filter(inner -> inner.columns().stream().allMatch(column -> column != null))
                .map(inner -> new Query(inner.table(), alias, inner.columns().isEmpty() ? columns
                        : mapped(columns, List.of(), inner.columns()), rest));
    }

    /** The plain columns of a list, as written (null for any other item); empty for {@code *}. */
    static List<String> selected(List<Token> list) {
        if (list.size() == 1 && list.get(0).isSymbol("*")) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (int i = 0; i <= list.size(); i++) {
            if (i == list.size() || depth == 0 && list.get(i).isSymbol(",")) {
                List<Token> item = list.subList(start, i);
                SchemaNames.Read name = SchemaNames.name(item, 0);
                columns.add(name != null && name.next() == item.size() ? name.text() : null);
                start = i + 1;
            } else {
                depth += list.get(i).isSymbol("(") ? 1 : list.get(i).isSymbol(")") ? -1 : 0;
            }
        }
        return columns;
    }

    /**
     * The table behind {@code query}: itself, or, when it reads a query of the WITH list, the table that query reads
     * without a filter, with the columns mapped through it; empty when the named query filters or is not that
     * simple.
     */
    static Optional<Query> behind(Query query, WithQueries with, int visible) {
        Optional<WithQueries.Named> named = with.named(query.table(), visible);
        if (named.isEmpty()) {
            return Optional.of(query);
        }
        Optional<Query> inner = query(named.get().body()).filter(table -> filtersNothing(table.rest()))
                .flatMap(table -> behind(table, with, with.indexOf(named.get())));
        return inner.map(table -> new Query(table.table(), query.alias(),
                mapped(query.columns(), named.get().columns(), table.columns()), List.of()));
    }

    /** The columns of the inner query that {@code outer} reads, whose outputs are named {@code outputNames}. */
    static List<String> mapped(List<String> outer, List<String> outputNames, List<String> inner) {
        if (outer.isEmpty()) {
            return inner;
        }
        if (inner.isEmpty() && outputNames.isEmpty()) {
            return outer; // SELECT * under the table's own column names: each is the column of that name
        }
        List<String> result = new ArrayList<>();
        for (String column : outer) {
            int at = -1;
            for (int i = 0; column != null && i < inner.size(); i++) {
                String output = outputNames.isEmpty() ? inner.get(i)
                        : i < outputNames.size() ? outputNames.get(i) : null;
                if (output != null && SchemaNames.key(output).equals(SchemaNames.key(column))) {
                    at = i;
                }
            }
            result.add(at < 0 ? null : inner.get(at));
        }
        return result;
    }

    private record UnfilteredTable(String table, String alias, List<Token> rest) {
    }

    /** {@code t [alias]} and nothing after it that filters (the rest returned for EXISTS's WHERE). */
    private static Optional<UnfilteredTable> unfilteredTable(List<Token> from) {
        SchemaNames.Read table = SchemaNames.name(from, 0);
        if (table == null) {
            return Optional.empty();
        }
        int i = table.next();
        String alias = SchemaNames.key(table.text());
        if (i < from.size() && from.get(i).isWord("AS")) {
            i++;
        }
        if (i < from.size() && SchemaNames.isNamePart(from.get(i))
                && !from.get(i).isAnyWord("WHERE", "ORDER", "FOR", "LIMIT", "OFFSET", "FETCH")) {
            alias = SchemaNames.key(from.get(i).text());
            i++;
        }
        return Optional.of(new UnfilteredTable(SchemaNames.unquoted(table.text()), alias, from.subList(i, from.size())));
    }

    static List<List<Token>> split(List<Token> tokens, String word) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0 && tokens.get(i).isWord(word)) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    /** Without parentheses around the whole; one pass, however deep the nesting. */
    static List<Token> unwrapped(List<Token> tokens) {
        int[] closing = new int[tokens.size()];
        int[] open = new int[tokens.size()];
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            closing[i] = -1;
            if (tokens.get(i).isSymbol("(")) {
                open[depth++] = i;
            } else if (tokens.get(i).isSymbol(")") && depth > 0) {
                closing[open[--depth]] = i;
            }
        }
        int from = 0;
        int to = tokens.size();
        while (to - from > 2 && closing[from] == to - 1) {
            from++;
            to--;
        }
        return tokens.subList(from, to);
    }
}
