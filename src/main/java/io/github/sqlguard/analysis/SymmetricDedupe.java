package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dedupe DELETE that keeps no copy of the rows it deduplicates. Pairing the table with a second copy of itself on
 * the duplicated columns, it tells the copies apart with {@code <>}, so each of two duplicates finds the other and both
 * go, or with {@code >=}, which a row paired with itself meets too. {@code DELETE FROM events a USING events b WHERE
 * a.k = b.k AND a.id <> b.id} removes every row whose key is duplicated, keeping none of them, where {@code a.id <
 * b.id} keeps one. Read in four shapes: a second copy in a USING list, in a join or a FROM list ({@code DELETE a FROM t
 * a JOIN t b ON ..}, T-SQL's {@code DELETE FROM a FROM t a JOIN t b ON ..}), in a correlated {@code EXISTS (SELECT ..
 * FROM t b WHERE ..)} that is the whole WHERE, or two copies in the subquery of a WHERE {@code id IN (SELECT a.id FROM
 * t a JOIN t b ON ..)}, where selecting the key ({@code k IN (SELECT b.k ..)}) takes every copy whatever the
 * tie-breaker. A dedupe by row number is read by {@link NumberedDedupe}; either may follow a WITH clause.
 *
 * <p>Only a condition made of nothing but comparisons of the two copies ({@link CopyComparison}) counts: any other
 * term may keep a copy, and is not judged here.
 */
final class SymmetricDedupe {

    private static final String[] ENDS_OF_TABLE_LIST = {"WHERE", "ORDER", "LIMIT", "RETURNING", "OUTPUT", "OPTION"};

    /**
     * @param kind why no copy is kept: {@link ClauseKind#DELETED_EVERY_DUPLICATE},
     *     {@link ClauseKind#DELETED_ROWS_PAIRED_WITH_THEMSELVES}, {@link ClauseKind#DELETED_EVERY_NUMBERED_ROW} or
     *     {@link ClauseKind#DELETED_DUPLICATES_BY_KEY}
     * @param at where the finding stands: the tie-breaker, the filter on the row number, the key deleted by
     * @param table the deduplicated table, as written
     * @param words the tie-breaker, the filter or the key as written ({@code a.id <> b.id}, {@code rn >= 1},
     *     {@code x.k}); empty when the statement has none
     * @param keyColumns the columns (or values) the copies are paired or numbered by
     */
    record Found(ClauseKind kind, Token at, String table, String words, List<String> keyColumns) {
    }

    /** One table of a FROM, USING or JOIN list: its name and the name its columns are qualified by. */
    private record Instance(String table, String qualifier) {
    }

    private SymmetricDedupe() {
    }

    /**
     * The dedupe keeping no copy that {@code statement} (a DELETE's tokens, or a WITH clause's and the DELETE's after
     * it) is, if it is one.
     */
    static Optional<Found> of(List<Token> statement) {
        StatementTokens tokens = new StatementTokens(statement);
        int body = tokens.bodyStart();
        if (!tokens.isWord(body, "DELETE")) {
            return Optional.empty();
        }
        Map<String, List<Token>> commonTables = CommonTables.of(tokens);
        List<Token> delete = statement.subList(body, statement.size());
        Optional<Found> numbered = NumberedDedupe.of(delete, commonTables);
        if (numbered.isPresent()) {
            return numbered;
        }
        // A WITH query named like the table would be read in its place by the subquery: not the table then.
        Optional<Found> aggregated = AggregateDedupe.of(delete).filter(found -> !commonTables.containsKey(
                ObjectNames.normalize(ObjectNames.lastPart(found.table()))));
        if (aggregated.isPresent()) {
            return aggregated;
        }
        // A WITH query named like the table would be read in its place by a subquery's FROM: not a copy then.
        return paired(delete).filter(found -> !commonTables.containsKey(
                ObjectNames.normalize(ObjectNames.lastPart(found.table()))));
    }

    /** The dedupe of two copies of one table that {@code core}, a DELETE's tokens, is, if it is one. */
    private static Optional<Found> paired(List<Token> core) {
        StatementTokens tokens = new StatementTokens(core);
        int where = tokens.indexOfTopLevelWord(1, tokens.size(), "WHERE");
        int listEnd = where < 0 ? tokens.size() : where;
        int whereEnd = where < 0 ? -1 : conditionEnd(tokens, where + 1);
        if (where >= 0 && whereEnd != tokens.size()) {
            return Optional.empty(); // ORDER BY .. LIMIT picks some rows only
        }
        List<Instance> instances = new ArrayList<>();
        List<int[]> conditions = new ArrayList<>();
        String target = readTarget(tokens, listEnd, instances, conditions);
        if (target == null) {
            return Optional.empty();
        }
        if (instances.size() == 1 && where >= 0 && tokens.isWord(where + 1, "EXISTS")
                && tokens.isSymbol(where + 2, "(") && tokens.closingParen(where + 2) == tokens.size() - 1) {
            // DELETE FROM t a WHERE EXISTS (SELECT .. FROM t b WHERE ..): the second copy is the subquery's.
            return existsCopy(core, where + 3, tokens.size() - 1, instances.get(0));
        }
        if (instances.size() == 1 && where >= 0) {
            Optional<Found> pairs = selectedFromPairs(tokens, where + 1, instances.get(0));
            if (pairs.isPresent()) {
                return pairs;
            }
        }
        if (where >= 0) {
            conditions.add(new int[] {where + 1, tokens.size()});
        }
        if (instances.size() != 2 || conditions.isEmpty()) {
            return Optional.empty();
        }
        Instance first = instances.get(0);
        Instance second = instances.get(1);
        boolean targetIsOne = first.qualifier().equalsIgnoreCase(target) || second.qualifier().equalsIgnoreCase(target);
        return targetIsOne ? pairedCopies(tokens, conditions, first, second) : Optional.empty();
    }

    /**
     * Reads the tables of {@code DELETE [FROM] t [a] [USING ..]} and of {@code DELETE a FROM t a JOIN ..} up to
     * {@code listEnd}, with the ON conditions of its joins; returns the qualifier of the rows deleted, or null for a
     * shape not read here.
     */
    private static String readTarget(StatementTokens tokens, int listEnd, List<Instance> instances,
            List<int[]> conditions) {
        List<Token> list = tokens.tokens();
        int i = tokens.isWord(1, "FROM") ? 2 : 1;
        String target = null;
        ObjectNames.NameAt named = ObjectNames.readName(list, i);
        if (named != null && named.next() < listEnd && tokens.isWord(named.next(), "FROM")) {
            // DELETE a FROM t a JOIN t b .., and T-SQL's DELETE FROM a FROM t a JOIN t b ..
            target = ObjectNames.lastPart(named.text());
            i = named.next() + 1;
        } else if (i == 1) {
            return null;
        }
        String first = readTables(tokens, i, listEnd, instances, conditions);
        if (first == null) {
            return null;
        }
        return target != null ? target : first;
    }

    /**
     * Reads the list of tables that starts at {@code i} (after FROM) and ends at {@code listEnd}, joined by commas,
     * USING or inner joins, with the ON conditions of the joins; returns the qualifier of the first, or null for a
     * shape not read here.
     */
    private static String readTables(StatementTokens tokens, int start, int listEnd, List<Instance> instances,
            List<int[]> conditions) {
        List<Token> list = tokens.tokens();
        String target = null;
        int i = start;
        while (i < listEnd) {
            TableReference table = TableReference.at(list, i);
            if (table == null || table.next() > listEnd) {
                return null;
            }
            int next = table.next();
            String qualifier = table.alias() != null ? table.alias() : ObjectNames.lastPart(table.table());
            instances.add(new Instance(ObjectNames.normalize(table.table()), qualifier));
            if (target == null) {
                target = qualifier;
            }
            if (tokens.isWord(next, "ON")) {
                int end = tokens.indexOfTopLevelWord(next + 1, listEnd, "JOIN", "INNER", "LEFT", "RIGHT", "FULL",
                        "CROSS", "NATURAL");
                end = end < 0 ? listEnd : end;
                conditions.add(new int[] {next + 1, end});
                next = end;
            }
            if (next >= listEnd) {
                break;
            }
            if (tokens.isSymbol(next, ",") || tokens.isWord(next, "USING")) {
                i = next + 1;
            } else if (tokens.isWord(next, "JOIN")) {
                i = next + 1;
            } else if (tokens.isWord(next, "INNER") && tokens.isWord(next + 1, "JOIN")) {
                i = next + 2;
            } else {
                return null; // an outer join keeps rows without a match, and other shapes are not read here
            }
        }
        return target;
    }

    /**
     * {@code col IN (SELECT a.col FROM t a JOIN t b ON ..)} as the whole WHERE at {@code from}: the rows the pairs of
     * two copies of the target's table select, each by its own value of the column the DELETE tests.
     */
    private static Optional<Found> selectedFromPairs(StatementTokens tokens, int from, Instance target) {
        List<Token> list = tokens.tokens();
        ObjectNames.NameAt tested = ObjectNames.readName(list, from);
        if (tested == null || !tokens.isWord(tested.next(), "IN") || !tokens.isSymbol(tested.next() + 1, "(")
                || tokens.closingParen(tested.next() + 1) != tokens.size() - 1
                || !tokens.isWord(tested.next() + 2, "SELECT")) {
            return Optional.empty();
        }
        String testedQualifier = ObjectNames.qualifier(tested.text());
        if (!testedQualifier.isEmpty() && !testedQualifier.equalsIgnoreCase(target.qualifier())) {
            return Optional.empty();
        }
        ObjectNames.NameAt selected = ObjectNames.readName(list, tested.next() + 3);
        int end = tokens.size() - 1;
        if (selected == null || !tokens.isWord(selected.next(), "FROM")) {
            return Optional.empty();
        }
        int innerWhere = tokens.indexOfTopLevelWord(selected.next() + 1, end, ENDS_OF_TABLE_LIST);
        if (innerWhere >= 0 && (!tokens.isWord(innerWhere, "WHERE") || conditionEnd(tokens, innerWhere + 1, end) != end)) {
            return Optional.empty();
        }
        List<Instance> copies = new ArrayList<>();
        List<int[]> conditions = new ArrayList<>();
        if (readTables(tokens, selected.next() + 1, innerWhere < 0 ? end : innerWhere, copies, conditions) == null
                || copies.size() != 2 || !copies.get(0).table().equals(target.table())) {
            return Optional.empty();
        }
        if (innerWhere >= 0) {
            conditions.add(new int[] {innerWhere + 1, end});
        }
        String selectedCopy = ObjectNames.qualifier(selected.text());
        boolean sameColumn = ObjectNames.normalize(ObjectNames.lastPart(selected.text()))
                .equals(ObjectNames.normalize(ObjectNames.lastPart(tested.text())));
        boolean ofACopy = selectedCopy.equalsIgnoreCase(copies.get(0).qualifier())
                || selectedCopy.equalsIgnoreCase(copies.get(1).qualifier());
        List<CopyComparison> terms = sameColumn && ofACopy
                ? comparisons(tokens, conditions, copies.get(0), copies.get(1)) : null;
        if (terms == null) {
            return Optional.empty();
        }
        Optional<Found> judged = judged(tokens, terms, target.table());
        if (judged.isPresent()) {
            return judged;
        }
        // k IN (SELECT b.k ..): whatever the tie-breaker, a key selected takes every row that shares it.
        String column = "$." + ObjectNames.normalize(ObjectNames.lastPart(selected.text())) + " ";
        boolean byKey = terms.stream().anyMatch(term -> term.relation() == CopyComparison.Relation.KEY
                && term.compared().equals(column));
        List<String> keyColumns = terms.stream().filter(term -> term.relation() == CopyComparison.Relation.KEY)
                .map(CopyComparison::shown).toList();
        return byKey ? Optional.of(new Found(ClauseKind.DELETED_DUPLICATES_BY_KEY, list.get(tested.next() + 3),
                target.table(), selected.text(), keyColumns)) : Optional.empty();
    }

    /** The correlated EXISTS {@code [from, to)}: {@code SELECT .. FROM t b WHERE ..} of the target's table. */
    private static Optional<Found> existsCopy(List<Token> core, int from, int to, Instance target) {
        StatementTokens inner = new StatementTokens(core.subList(from, to));
        if (!inner.isWord(0, "SELECT")) {
            return Optional.empty();
        }
        int innerFrom = inner.indexOfTopLevelWord(1, inner.size(), "FROM");
        int innerWhere = inner.indexOfTopLevelWord(1, inner.size(), "WHERE");
        if (innerFrom < 0 || innerWhere < innerFrom || conditionEnd(inner, innerWhere + 1) != inner.size()) {
            return Optional.empty();
        }
        TableReference table = TableReference.at(inner.tokens(), innerFrom + 1);
        if (table == null || table.next() != innerWhere) {
            return Optional.empty(); // another table or a join in the subquery
        }
        String qualifier = table.alias() != null ? table.alias() : ObjectNames.lastPart(table.table());
        Instance copy = new Instance(ObjectNames.normalize(table.table()), qualifier);
        List<int[]> conditions = new ArrayList<>();
        conditions.add(new int[] {innerWhere + 1, inner.size()});
        return pairedCopies(inner, conditions, target, copy);
    }

    /**
     * The finding when {@code first} and {@code second} are two copies of one table and {@code conditions}, taken
     * together, are nothing but comparisons of the two copies ({@link CopyComparison}) that surely keep no copy.
     */
    private static Optional<Found> pairedCopies(StatementTokens tokens, List<int[]> conditions, Instance first,
            Instance second) {
        List<CopyComparison> terms = comparisons(tokens, conditions, first, second);
        return terms == null ? Optional.empty() : judged(tokens, terms, first.table());
    }

    /** The terms of {@code conditions}, each a comparison of the two copies; null when one is not. */
    private static List<CopyComparison> comparisons(StatementTokens tokens, List<int[]> conditions, Instance first,
            Instance second) {
        if (!first.table().equals(second.table()) || first.qualifier().equalsIgnoreCase(second.qualifier())) {
            return null;
        }
        List<CopyComparison> terms = new ArrayList<>();
        for (int[] condition : conditions) {
            for (int[] written : TokenConditionTruth.andTerms(tokens, condition[0], condition[1])) {
                CopyComparison term = CopyComparison.of(tokens, written[0], written[1], first.qualifier(),
                        second.qualifier());
                if (term == null) {
                    return null;
                }
                terms.add(term);
            }
        }
        return terms;
    }

    /**
     * The finding for copies paired on at least one key by {@code terms}, which keep no copy when their tie-breaker is
     * {@code <>} or {@code IS DISTINCT FROM}: a row deleted has a partner with another value, and every other row of
     * its group differs from one of the two, so each group it touches loses every row. With {@code <=} or {@code >=}
     * instead, each row pairs with itself and goes. A strict order ({@code <}, {@code >}, lexicographic) never closes
     * a cycle, so the last row of each group by that order stays, however many share a value; {@code <>} with
     * {@code <=} may keep one too: neither is reported. Keys alone also pair each row with itself, which the rules on
     * always-true conditions report.
     */
    private static Optional<Found> judged(StatementTokens tokens, List<CopyComparison> terms, String table) {
        List<String> keyColumns = new ArrayList<>();
        CopyComparison symmetric = null;
        CopyComparison reflexive = null;
        for (CopyComparison term : terms) {
            switch (term.relation()) {
                case KEY -> keyColumns.add(term.shown());
                case SYMMETRIC -> symmetric = symmetric == null ? term : symmetric;
                case REFLEXIVE -> reflexive = reflexive == null ? term : reflexive;
                case STRICT -> {
                    return Optional.empty();
                }
            }
        }
        if (keyColumns.isEmpty() || (symmetric == null) == (reflexive == null)) {
            return Optional.empty(); // keys alone pair each row with itself: the always-true WHERE's concern
        }
        CopyComparison tieBreaker = symmetric != null ? symmetric : reflexive;
        return Optional.of(new Found(symmetric != null ? ClauseKind.DELETED_EVERY_DUPLICATE
                : ClauseKind.DELETED_ROWS_PAIRED_WITH_THEMSELVES, tokens.tokens().get(tieBreaker.at()), table,
                tieBreaker.written(), keyColumns));
    }

    private static int conditionEnd(StatementTokens tokens, int from) {
        return conditionEnd(tokens, from, tokens.size());
    }

    private static int conditionEnd(StatementTokens tokens, int from, int to) {
        int end = tokens.indexOfTopLevelWord(from, to, ENDS_OF_TABLE_LIST);
        return end < 0 ? to : end;
    }
}
