package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subquery that joins several tables without a filter and selects the columns of one of them, where every join
 * follows a key reference away from that table: {@code SELECT c.id FROM mappings m JOIN configs p ON m.id =
 * p.mapping_id JOIN identity_configs c ON p.id = c.id}, c.id referring to the key of p and p.mapping_id to the key of
 * m. Each row of that table then has its related rows, so the joins keep every one of its rows and the subquery
 * reads it as if alone. A join the other way ({@code parents JOIN children ON children.parent_id = parents.id},
 * selecting the parents) keeps only the rows that have a related row, and a join on anything else filters: for
 * those, and for any other shape, there is no such query.
 */
final class KeyJoinedQuery {

    private KeyJoinedQuery() {
    }

    private record Joined(String table, String alias) {
    }

    private record Equality(String leftAlias, String leftColumn, String rightAlias, String rightColumn) {
    }

    /** The table whose rows the joins keep, with the columns selected of it; empty for any other query. */
    static Optional<WhereJudgement.Query> of(List<Token> select, SchemaView schema) {
        int from = TopLevel.wordIndex(select, 0, "FROM");
        if (select.isEmpty() || !select.get(0).isWord("SELECT") || from < 2) {
            return Optional.empty();
        }
        List<String> columns = WhereJudgement.selected(select.subList(1, from));
        if (columns.isEmpty() || columns.contains(null)) {
            return Optional.empty();
        }
        String selectedAlias = null;
        for (String column : columns) {
            String alias = qualifier(column);
            if (alias == null || selectedAlias != null && !selectedAlias.equals(alias)) {
                return Optional.empty();
            }
            selectedAlias = alias;
        }
        Map<String, Joined> tables = new LinkedHashMap<>();
        List<Equality> equalities = new ArrayList<>();
        if (!readJoins(select.subList(from + 1, select.size()), tables, equalities, null, new ArrayList<>())
                || tables.size() < 2
                || !tables.containsKey(selectedAlias)) {
            return Optional.empty();
        }
        if (!keepsEveryRowOf(selectedAlias, tables, equalities, schema)) {
            return Optional.empty();
        }
        Joined kept = tables.get(selectedAlias);
        return Optional.of(new WhereJudgement.Query(kept.table(), kept.alias(), columns, List.of()));
    }

    /**
     * What {@code EXISTS (SELECT .. FROM <joined tables> WHERE <their ties> AND x.col = outer.col ..)} requires of the
     * row {@code outer} names: a related row in the table x the ties to the outer row all reach, when the joins keep
     * every row of x ({@link #of}); its columns tied to the outer row are the query's, in the order of
     * {@code outerColumns}, to which the outer row's columns are added.
     */
    static Optional<WhereJudgement.Query> correlated(List<Token> select, String outer, List<String> outerColumns,
            SchemaView schema) {
        int from = TopLevel.wordIndex(select, 0, "FROM");
        if (select.isEmpty() || !select.get(0).isWord("SELECT") || from < 2 || outer == null) {
            return Optional.empty();
        }
        Map<String, Joined> tables = new LinkedHashMap<>();
        List<Equality> equalities = new ArrayList<>();
        List<Equality> links = new ArrayList<>();
        if (!readJoins(select.subList(from + 1, select.size()), tables, equalities, outer, links)
                || tables.size() < 2 || tables.containsKey(outer) || links.isEmpty()) {
            return Optional.empty();
        }
        String linked = links.get(0).leftAlias();
        if (links.stream().anyMatch(link -> !link.leftAlias().equals(linked))
                || !keepsEveryRowOf(linked, tables, equalities, schema)) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        for (Equality link : links) {
            columns.add(link.leftColumn());
            outerColumns.add(link.rightColumn());
        }
        Joined kept = tables.get(linked);
        return Optional.of(new WhereJudgement.Query(kept.table(), kept.alias(), columns, List.of()));
    }

    /**
     * Reads {@code t [AS] a [INNER] JOIN u [AS] b ON a.x = b.y [AND ..] ..}, or the older {@code t a, u b WHERE a.x =
     * b.y [AND ..]}, to its end; false for anything else, an outer join or a condition that is not an equality of
     * two columns included.
     */
    private static boolean readJoins(List<Token> from, Map<String, Joined> tables, List<Equality> equalities,
            String outer, List<Equality> links) {
        int i = readTable(from, 0, tables);
        while (i > 0 && i < from.size()) {
            if (from.get(i).isSymbol(",")) {
                i = readTable(from, i + 1, tables);
                continue;
            }
            if (from.get(i).isWord("WHERE")) {
                return readEqualities(from.subList(i + 1, from.size()), tables, equalities, outer, links);
            }
            if (from.get(i).isWord("INNER")) {
                i++;
            }
            if (i >= from.size() || !from.get(i).isWord("JOIN")) {
                return false;
            }
            i = readTable(from, i + 1, tables);
            if (i < 0 || i >= from.size() || !from.get(i).isWord("ON")) {
                return false;
            }
            int end = TopLevel.firstWordIndex(from, i + 1, "INNER", "JOIN", "LEFT", "RIGHT", "FULL", "CROSS",
                    "WHERE", "GROUP", "ORDER", "UNION");
            end = end < 0 ? from.size() : end;
            if (!readEqualities(from.subList(i + 1, end), tables, equalities, outer, links)) {
                return false;
            }
            i = end;
        }
        return i == from.size();
    }

    /**
     * Reads {@code a.x = b.y [AND ..]} between the tables read so far, and, when {@code outer} names the row of an
     * enclosing statement, those that tie one of them to that row (into {@code links}, the table's side first);
     * false for any other condition.
     */
    private static boolean readEqualities(List<Token> condition, Map<String, Joined> tables,
            List<Equality> equalities, String outer, List<Equality> links) {
        for (List<Token> part : WhereJudgement.split(WhereJudgement.unwrapped(condition), "AND")) {
            Equality equality = equality(WhereJudgement.unwrapped(part));
            if (equality == null) {
                return false;
            }
            boolean left = tables.containsKey(equality.leftAlias());
            boolean right = tables.containsKey(equality.rightAlias());
            if (left && right) {
                equalities.add(equality);
            } else if (outer != null && left && equality.rightAlias().equals(outer)) {
                links.add(equality);
            } else if (outer != null && right && equality.leftAlias().equals(outer)) {
                links.add(new Equality(equality.rightAlias(), equality.rightColumn(), equality.leftAlias(),
                        equality.leftColumn()));
            } else {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code t [AS] alias} at {@code index} and returns the index after it, or -1. */
    private static int readTable(List<Token> from, int index, Map<String, Joined> tables) {
        SchemaNames.Read table = SchemaNames.name(from, index);
        if (table == null) {
            return -1;
        }
        int i = table.next();
        if (i < from.size() && from.get(i).isWord("AS")) {
            i++;
        }
        String alias = SchemaNames.key(table.text());
        if (i < from.size() && SchemaNames.isNamePart(from.get(i))
                && !from.get(i).isAnyWord("INNER", "JOIN", "ON", "LEFT", "RIGHT", "FULL", "CROSS", "WHERE", "GROUP",
                        "ORDER", "UNION")) {
            alias = SchemaNames.key(from.get(i).text());
            i++;
        }
        if (tables.putIfAbsent(alias, new Joined(SchemaNames.unquoted(table.text()), alias)) != null) {
            return -1;
        }
        return i;
    }

    /** {@code a.x = b.y}, both qualified and of different tables; null for anything else. */
    private static Equality equality(List<Token> condition) {
        SchemaNames.Read left = SchemaNames.name(condition, 0);
        if (left == null || left.next() >= condition.size() || !condition.get(left.next()).isSymbol("=")) {
            return null;
        }
        SchemaNames.Read right = SchemaNames.name(condition, left.next() + 1);
        if (right == null || right.next() != condition.size()) {
            return null;
        }
        String leftAlias = qualifier(left.text());
        String rightAlias = qualifier(right.text());
        if (leftAlias == null || rightAlias == null || leftAlias.equals(rightAlias)) {
            return null;
        }
        return new Equality(leftAlias, SchemaNames.lastPart(left.text()), rightAlias,
                SchemaNames.lastPart(right.text()));
    }

    /**
     * True when the joins form a tree around {@code start} in which each table is reached from the one before it by
     * that table's reference to its key: every row of {@code start} then finds exactly its related rows.
     */
    private static boolean keepsEveryRowOf(String start, Map<String, Joined> tables, List<Equality> equalities,
            SchemaView schema) {
        Set<String> reached = new HashSet<>(Set.of(start));
        List<Equality> left = new ArrayList<>(equalities);
        boolean grew = true;
        while (grew && reached.size() < tables.size()) {
            grew = false;
            for (String alias : tables.keySet()) {
                if (reached.contains(alias)) {
                    continue;
                }
                List<Equality> tying = left.stream()
                        .filter(e -> reached.contains(e.leftAlias()) && e.rightAlias().equals(alias)
                                || reached.contains(e.rightAlias()) && e.leftAlias().equals(alias)).toList();
                if (tying.isEmpty()) {
                    continue;
                }
                // Tied to the reached tables through exactly one of them, on a reference to this table's key.
                String near = tying.get(0).leftAlias().equals(alias) ? tying.get(0).rightAlias()
                        : tying.get(0).leftAlias();
                List<String> nearColumns = new ArrayList<>();
                List<String> farColumns = new ArrayList<>();
                for (Equality e : tying) {
                    boolean nearOnLeft = e.leftAlias().equals(near);
                    if (!nearOnLeft && !e.rightAlias().equals(near)) {
                        return false;
                    }
                    nearColumns.add(nearOnLeft ? e.leftColumn() : e.rightColumn());
                    farColumns.add(nearOnLeft ? e.rightColumn() : e.leftColumn());
                }
                if (!schema.refersToKey(tables.get(near).table(), nearColumns, tables.get(alias).table(),
                        farColumns)) {
                    return false;
                }
                left.removeAll(tying);
                reached.add(alias);
                grew = true;
            }
        }
        return reached.size() == tables.size() && left.isEmpty();
    }

    /** The alias a column is qualified with ({@code c} of {@code c.id}), as a key; null when it has none. */
    private static String qualifier(String column) {
        String last = SchemaNames.lastPart(column);
        if (last.length() >= column.strip().length()) {
            return null;
        }
        return SchemaNames.key(column.strip().substring(0, column.strip().length() - last.length() - 1));
    }
}
