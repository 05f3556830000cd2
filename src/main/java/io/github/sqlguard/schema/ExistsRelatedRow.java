package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.schema.WhereJudgement.Query;
import io.github.sqlguard.schema.WhereJudgement.RelatedRow;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The related row an {@code EXISTS} requires: {@code EXISTS (SELECT .. FROM t a WHERE a.id = outer.fk)}, or, for a
 * composite key, {@code a.region = outer.region AND a.id = outer.fk}, equalities that each tie a column of the inner
 * table to one of the outer row and so filter nothing; or {@code EXISTS (SELECT .. FROM t)} with no filter at all,
 * which holds for every row once t has one.
 */
final class ExistsRelatedRow {

    private ExistsRelatedRow() {
    }

    static Optional<RelatedRow> of(List<Token> subquery, WhereTokens where) {
        if (subquery.isEmpty() || ObjectNames.skipParentheses(subquery, 0) != subquery.size()) {
            return Optional.empty();
        }
        Optional<Query> table = WhereJudgement.query(subquery.subList(1, subquery.size() - 1));
        if (table.isPresent() && WhereJudgement.filtersNothing(table.get().rest())) {
            return WhereJudgement.behind(table.get(), where.with(), where.with().queries().size())
                    .map(related -> new RelatedRow(related.table(), true, List.of(), List.of()));
        }
        if (table.isEmpty() || table.get().rest().isEmpty() || !table.get().rest().get(0).isWord("WHERE")) {
            return Optional.empty();
        }
        String inner = table.get().alias();
        List<String> columns = new ArrayList<>();
        List<String> relatedColumns = new ArrayList<>();
        List<Token> condition = table.get().rest().subList(1, table.get().rest().size());
        for (List<Token> equality : WhereJudgement.split(condition, "AND")) {
            if (!addLink(equality, inner, where.alias(), columns, relatedColumns)) {
                return Optional.empty(); // any other condition may filter
            }
        }
        Query linked = new Query(table.get().table(), inner, relatedColumns, List.of());
        return WhereJudgement.behind(linked, where.with(), where.with().queries().size()).map(related ->
                new RelatedRow(related.table(), false, List.copyOf(columns), related.columns()));
    }

    /** Adds the columns of {@code equality} when it ties a column of the inner table to one of the outer row. */
    private static boolean addLink(List<Token> equality, String inner, String outer, List<String> columns,
            List<String> relatedColumns) {
        SchemaNames.Read left = SchemaNames.name(equality, 0);
        if (left == null || left.next() >= equality.size() || !equality.get(left.next()).isSymbol("=")) {
            return false;
        }
        SchemaNames.Read right = SchemaNames.name(equality, left.next() + 1);
        if (right == null || right.next() != equality.size()) {
            return false;
        }
        if (qualifier(left.text()).equals(inner) && qualifier(right.text()).equals(outer)) {
            columns.add(right.text());
            relatedColumns.add(left.text());
            return true;
        }
        if (qualifier(right.text()).equals(inner) && qualifier(left.text()).equals(outer)) {
            columns.add(left.text());
            relatedColumns.add(right.text());
            return true;
        }
        return false;
    }

    private static String qualifier(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : SchemaNames.key(name.substring(0, dot));
    }
}
