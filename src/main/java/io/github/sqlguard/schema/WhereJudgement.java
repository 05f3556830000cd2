package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.TokenConditionTruth;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges WHERE conditions that look restrictive but are not, given what the replay knows:
 * {@code col IS NOT NULL} on a column declared NOT NULL, {@code x IS NULL OR x IS NOT NULL} on any column
 * (both always true), and a condition that only requires a related row in a table read without any filter
 * ({@code fk IN (SELECT id FROM t)}, {@code EXISTS (SELECT 1 FROM t WHERE t.id = outer.fk)}).
 */
public final class WhereJudgement {

    private WhereJudgement() {
    }

    /** The reason the condition holds for every row, or empty when it may not. */
    public static Optional<String> alwaysTrue(WhereTokens where, SchemaFacts facts) {
        List<List<Token>> terms = split(where.condition(), "AND");
        List<String> reasons = new ArrayList<>();
        for (List<Token> term : terms) {
            Optional<String> reason = alwaysTrueTerm(term, where, facts);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(reason.get());
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static Optional<String> alwaysTrueTerm(List<Token> term, WhereTokens where, SchemaFacts facts) {
        List<Token> inner = unwrapped(term);
        List<List<Token>> alternatives = split(inner, "OR");
        if (alternatives.size() == 2) {
            Optional<String> a = nullTest(alternatives.get(0));
            Optional<String> b = nullTest(alternatives.get(1));
            if (a.isPresent() && b.isPresent() && a.get().substring(1).equals(b.get().substring(1))
                    && a.get().charAt(0) != b.get().charAt(0)) {
                return Optional.of(a.get().substring(1) + " IS NULL OR IS NOT NULL holds for every value");
            }
            return Optional.empty();
        }
        Optional<String> test = nullTest(inner);
        if (test.isPresent() && test.get().charAt(0) == '+') {
            String column = test.get().substring(1);
            int dot = column.lastIndexOf('.');
            if (dot >= 0 && !SchemaNames.key(column.substring(0, dot)).equals(where.alias())
                    && !SchemaNames.key(column.substring(0, dot)).equals(SchemaNames.key(where.table()))) {
                return Optional.empty();
            }
            String name = dot < 0 ? column : column.substring(dot + 1);
            return facts.before().column(where.table(), name).filter(Column::notNull)
                    .map(c -> c.name() + " is declared NOT NULL, so " + name + " IS NOT NULL holds for every row");
        }
        return Optional.empty();
    }

    /** {@code +x} for {@code x IS NOT NULL}, {@code -x} for {@code x IS NULL}, on a plain (qualified) name. */
    private static Optional<String> nullTest(List<Token> tokens) {
        List<Token> term = unwrapped(tokens);
        SchemaNames.Read name = SchemaNames.name(term, 0);
        if (name == null || name.next() + 1 >= term.size() || !term.get(name.next()).isWord("IS")) {
            return Optional.empty();
        }
        int i = name.next() + 1;
        boolean not = term.get(i).isWord("NOT");
        i += not ? 1 : 0;
        if (i + 1 != term.size() || !term.get(i).isWord("NULL")) {
            return Optional.empty();
        }
        return Optional.of((not ? "+" : "-") + name.text());
    }

    /**
     * The table a condition requires a related row in, when that is all it requires and the table is read
     * without a filter of its own; empty otherwise.
     */
    public static Optional<RelatedRow> onlyRequiresRelatedRow(WhereTokens where) {
        List<Token> condition = unwrapped(where.condition());
        if (condition.size() < 5) {
            return Optional.empty();
        }
        int i = 0;
        if (condition.get(0).isWord("EXISTS")) {
            return existsRow(condition.subList(1, condition.size()), where);
        }
        SchemaNames.Read column = SchemaNames.name(condition, i);
        if (column == null || column.next() + 1 >= condition.size()) {
            return Optional.empty();
        }
        int next = column.next();
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
        int from = topLevel(select, "FROM");
        if (select.isEmpty() || !select.get(0).isWord("SELECT") || from < 0) {
            return Optional.empty();
        }
        SchemaNames.Read selectList = SchemaNames.name(select, 1);
        String selected = selectList != null && selectList.next() == from ? selectList.text() : null;
        return unfilteredTable(select.subList(from + 1, select.size())).filter(table -> filtersNothing(table.rest()))
                .map(table -> new RelatedRow(table.table(), false, column.text(), selected));
    }

    /**
     * The table a condition requires a row in, read without a filter.
     *
     * @param table the table as written
     * @param uncorrelated true when the condition names no column of the target: any row of the table will do
     * @param column the target's column the condition ties to that table, as written (maybe qualified), or null
     *     when not one column
     * @param relatedColumn the related table's column it is tied to, as written, or null when not one column
     */
    public record RelatedRow(String table, boolean uncorrelated, String column, String relatedColumn) {

        /**
         * True when the schema shows the related table's rows point at the target's rows ({@code id IN (SELECT
         * account_id FROM invoices)}, invoices.account_id referring to the target's key): then only the rows some
         * related row points at qualify, which is a restriction, not every row.
         */
        public boolean pointsAtTarget(String target, SchemaView schema) {
            return column != null && relatedColumn != null
                    && schema.refersToKey(table, relatedColumn, target, column)
                    && !schema.refersToKey(target, column, table, relatedColumn);
        }
    }

    /** Nothing after the table, or a WHERE that holds for every row ({@code WHERE true}). */
    private static boolean filtersNothing(List<Token> rest) {
        return rest.isEmpty() || rest.get(0).isWord("WHERE") && rest.size() > 1
                && TokenConditionTruth.holdsForEveryRow(rest.subList(1, rest.size()));
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
        if (i < from.size() && SchemaNames.isNamePart(from.get(i)) && !from.get(i).isWord("WHERE")) {
            alias = SchemaNames.key(from.get(i).text());
            i++;
        }
        return Optional.of(new UnfilteredTable(SchemaNames.unquoted(table.text()), alias, from.subList(i, from.size())));
    }

    /**
     * {@code EXISTS (SELECT .. FROM t a WHERE a.id = outer.fk)}: one equality linking inner and outer rows; or
     * {@code EXISTS (SELECT .. FROM t)} with no filter at all, which holds for every row once t has one.
     */
    private static Optional<RelatedRow> existsRow(List<Token> subquery, WhereTokens where) {
        if (subquery.isEmpty() || ObjectNames.skipParentheses(subquery, 0) != subquery.size()) {
            return Optional.empty();
        }
        List<Token> select = subquery.subList(1, subquery.size() - 1);
        int from = topLevel(select, "FROM");
        if (select.isEmpty() || !select.get(0).isWord("SELECT") || from < 0) {
            return Optional.empty();
        }
        Optional<UnfilteredTable> table = unfilteredTable(select.subList(from + 1, select.size()));
        if (table.isPresent() && filtersNothing(table.get().rest())) {
            return Optional.of(new RelatedRow(table.get().table(), true, null, null));
        }
        if (table.isEmpty() || table.get().rest().isEmpty() || !table.get().rest().get(0).isWord("WHERE")) {
            return Optional.empty();
        }
        List<Token> link = table.get().rest().subList(1, table.get().rest().size());
        SchemaNames.Read left = SchemaNames.name(link, 0);
        if (left == null || left.next() >= link.size() || !link.get(left.next()).isSymbol("=")) {
            return Optional.empty();
        }
        SchemaNames.Read right = SchemaNames.name(link, left.next() + 1);
        if (right == null || right.next() != link.size()) {
            return Optional.empty();
        }
        String inner = table.get().alias();
        String outerAlias = where.alias();
        if (qualifier(left.text()).equals(inner) && qualifier(right.text()).equals(outerAlias)) {
            return Optional.of(new RelatedRow(table.get().table(), false, right.text(), left.text()));
        }
        if (qualifier(right.text()).equals(inner) && qualifier(left.text()).equals(outerAlias)) {
            return Optional.of(new RelatedRow(table.get().table(), false, left.text(), right.text()));
        }
        return Optional.empty();
    }

    private static String qualifier(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : SchemaNames.key(name.substring(0, dot));
    }

    private static int topLevel(List<Token> tokens, String word) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0 && tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private static List<List<Token>> split(List<Token> tokens, String word) {
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
    private static List<Token> unwrapped(List<Token> tokens) {
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
