package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dedupe DELETE whose tie-breaker holds both ways: it pairs the table with a second copy of itself on the
 * duplicated columns and tells the copies apart with {@code <>}, so each of two duplicates finds the other and both
 * go. {@code DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.id} removes every row whose key is
 * duplicated, keeping none of them, where {@code a.id < b.id} keeps one. Read in four shapes: a second copy in a
 * USING list, in a join or a FROM list ({@code DELETE a FROM t a JOIN t b ON ..}), in a correlated
 * {@code EXISTS (SELECT .. FROM t b WHERE ..)} that is the whole WHERE, or two copies in the subquery of a WHERE
 * {@code id IN (SELECT a.id FROM t a JOIN t b ON ..)}.
 *
 * <p>Only a condition made of nothing but these terms counts: any other term may keep a copy, and is not judged here.
 */
final class SymmetricDedupe {

    private static final Set<String> NOT_EQUAL = Set.of("<>", "!=", "^=");
    private static final String[] ENDS_OF_TABLE_LIST = {"WHERE", "ORDER", "LIMIT", "RETURNING", "OUTPUT", "OPTION"};

    /**
     * @param at the first token of the tie-breaker, where the finding stands
     * @param table the deduplicated table, as written
     * @param tieBreaker the tie-breaker as written ({@code a.id <> b.id})
     * @param keyColumns the columns the copies are paired on
     */
    record Found(Token at, String table, String tieBreaker, List<String> keyColumns) {
    }

    /** One table of a FROM, USING or JOIN list: its name and the name its columns are qualified by. */
    private record Instance(String table, String qualifier) {
    }

    private SymmetricDedupe() {
    }

    /** The symmetric dedupe {@code core} (a DELETE's tokens) is, if it is one. */
    static Optional<Found> of(List<Token> core) {
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
        int i = 1;
        String target = null;
        if (!tokens.isWord(i, "FROM")) {
            ObjectNames.NameAt named = ObjectNames.readName(list, i);
            if (named == null || named.next() >= listEnd || !tokens.isWord(named.next(), "FROM")) {
                return null;
            }
            target = ObjectNames.lastPart(named.text()); // DELETE a FROM t a JOIN t b ..
            i = named.next();
        }
        String first = readTables(tokens, i + 1, listEnd, instances, conditions);
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
        return sameColumn && ofACopy ? pairedCopies(tokens, conditions, copies.get(0), copies.get(1))
                : Optional.empty();
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
     * together, are nothing but equalities of a column of one copy with the same column of the other and at least
     * one such {@code <>}.
     */
    private static Optional<Found> pairedCopies(StatementTokens tokens, List<int[]> conditions, Instance first,
            Instance second) {
        if (!first.table().equals(second.table()) || first.qualifier().equalsIgnoreCase(second.qualifier())) {
            return Optional.empty();
        }
        List<String> keyColumns = new ArrayList<>();
        Token tieBreakerAt = null;
        String tieBreaker = null;
        for (int[] condition : conditions) {
            for (int[] written : TokenConditionTruth.andTerms(tokens, condition[0], condition[1])) {
                int[] term = withoutParentheses(tokens, written);
                ObjectNames.NameAt left = ObjectNames.readName(tokens.tokens(), term[0]);
                if (left == null || left.next() >= term[1]) {
                    return Optional.empty();
                }
                Token operator = tokens.tokens().get(left.next());
                ObjectNames.NameAt right = ObjectNames.readName(tokens.tokens(), left.next() + 1);
                if (right == null || right.next() != term[1] || !pairsCopies(left.text(), right.text(), first, second)) {
                    return Optional.empty();
                }
                if (operator.isSymbol("=")) {
                    keyColumns.add(ObjectNames.lastPart(left.text()));
                } else if (NOT_EQUAL.contains(operator.text())) {
                    if (tieBreakerAt == null) {
                        tieBreakerAt = tokens.tokens().get(term[0]);
                        tieBreaker = left.text() + " " + operator.text() + " " + right.text();
                    }
                } else {
                    return Optional.empty(); // a.id < b.id keeps one copy
                }
            }
        }
        return tieBreakerAt == null || keyColumns.isEmpty() ? Optional.empty()
                : Optional.of(new Found(tieBreakerAt, first.table(), tieBreaker, keyColumns));
    }

    /** True for the same column of the two copies, one on each side: {@code a.k} and {@code b.k}. */
    private static boolean pairsCopies(String left, String right, Instance first, Instance second) {
        String leftCopy = ObjectNames.qualifier(left);
        String rightCopy = ObjectNames.qualifier(right);
        boolean crosses = leftCopy.equalsIgnoreCase(first.qualifier()) && rightCopy.equalsIgnoreCase(second.qualifier())
                || leftCopy.equalsIgnoreCase(second.qualifier()) && rightCopy.equalsIgnoreCase(first.qualifier());
        return crosses && ObjectNames.normalize(ObjectNames.lastPart(left))
                .equals(ObjectNames.normalize(ObjectNames.lastPart(right)));
    }

    /** {@code (a.k = b.k)} read as {@code a.k = b.k}. */
    private static int[] withoutParentheses(StatementTokens tokens, int[] term) {
        int from = term[0];
        int to = term[1];
        while (from < to && tokens.isSymbol(from, "(") && tokens.closingParen(from) == to - 1) {
            from++;
            to--;
        }
        return new int[] {from, to};
    }

    private static int conditionEnd(StatementTokens tokens, int from) {
        return conditionEnd(tokens, from, tokens.size());
    }

    private static int conditionEnd(StatementTokens tokens, int from, int to) {
        int end = tokens.indexOfTopLevelWord(from, to, ENDS_OF_TABLE_LIST);
        return end < 0 ? to : end;
    }
}
