package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of an UPDATE that may turn a one-to-one link around ({@link ReversedLinks}): the table it updates, the
 * one column it sets, the value, the one other table it reads, and every condition on the rows, split at its top-level
 * ANDs. PostgreSQL's {@code UPDATE p [a] SET ptr = n.k FROM n [b] [WHERE ..]} and a scalar subquery {@code UPDATE p
 * [a] SET ptr = (SELECT k FROM n [b] WHERE ..) [WHERE ..]}; MySQL's {@code UPDATE p [a] [INNER] JOIN n [b] ON .. SET
 * a.ptr = b.k [WHERE ..]} and {@code UPDATE p [a], n [b] SET a.ptr = b.k WHERE ..}; SQL Server's {@code UPDATE a SET
 * a.ptr = b.k FROM p a [INNER] JOIN n b ON .. [WHERE ..]} or {@code FROM p a, n b WHERE ..}, where the updated name
 * is one of the FROM list's (elsewhere a table listed after FROM is read apart from the updated one, even when it is
 * the same table). Whether the conditions keep every row and join on keys is for the caller to judge.
 *
 * @param pointing the updated table
 * @param pointer the column set, unquoted
 * @param named the other table read
 * @param selected the value: the subquery's select list, or the expression assigned
 * @param subquery true when the value is a scalar subquery
 * @param conjuncts the conditions of the UPDATE and of its subquery, split at top-level ANDs
 */
record ReversingUpdate(Side pointing, String pointer, Side named, List<Token> selected, boolean subquery,
        List<List<Token>> conjuncts) {

    /** Words that end a table's reference, never its alias. */
    private static final Set<String> NOT_ALIASES = Set.of("SET", "WHERE", "ON", "JOIN", "INNER", "LEFT", "RIGHT",
            "FULL", "CROSS", "OUTER", "STRAIGHT_JOIN");

    /**
     * A table named in the UPDATE, as written, the names its columns are qualified by, and the index after its
     * alias.
     */
    record Side(String table, Set<String> names, int next) {

        static Side read(List<Token> tokens, int at, int end) {
            SchemaNames.Read table = at < end ? SchemaNames.name(tokens, at) : null;
            if (table == null || table.next() > end) {
                return null;
            }
            String name = SchemaNames.key(ObjectNames.lastPart(table.text()));
            int i = table.next() < end && tokens.get(table.next()).isWord("AS") ? table.next() + 1 : table.next();
            if (i < end && isName(tokens.get(i)) && !(tokens.get(i).type() == TokenType.WORD
                    && NOT_ALIASES.contains(tokens.get(i).upper()))) {
                return new Side(table.text(), Set.copyOf(List.of(name, SchemaNames.key(tokens.get(i).text()))), i + 1);
            }
            return new Side(table.text(), Set.of(name), i);
        }

        /** The column of {@code reference} ({@code q.c}) when {@code q} names this table. */
        Optional<String> column(List<Token> reference) {
            return reference.size() == 3 && isName(reference.get(0)) && reference.get(1).isSymbol(".")
                    && isName(reference.get(2)) && names.contains(SchemaNames.key(reference.get(0).text()))
                    ? Optional.of(SchemaNames.unquoted(reference.get(2).text())) : Optional.empty();
        }
    }

    /** The UPDATE of {@code tokens} read as above; empty when it has another shape. */
    static Optional<ReversingUpdate> of(List<Token> tokens, Dialect dialect) {
        int end = !tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";") ? tokens.size() - 1 : tokens.size();
        if (end < 8 || !tokens.get(0).isWord("UPDATE")) {
            return Optional.empty();
        }
        List<Token> statement = tokens.subList(0, end);
        Side target = Side.read(statement, 1, end);
        if (target == null) {
            return Optional.empty();
        }
        List<Side> others = new ArrayList<>();
        List<List<Token>> conditions = new ArrayList<>();
        int set = target.next();
        if (set < end && statement.get(set).isSymbol(",")) {
            Side named = Side.read(statement, set + 1, end);
            if (named == null) {
                return Optional.empty();
            }
            others.add(named);
            set = named.next();
        } else if (joinedAt(statement, set) > set) {
            set = joined(statement, joinedAt(statement, set), end, "SET", others, conditions);
            if (set < 0) {
                return Optional.empty();
            }
        }
        if (set + 3 >= end || !statement.get(set).isWord("SET")) {
            return Optional.empty();
        }
        int assigned = set + 1;
        String qualifier = null;
        if (assigned + 2 < end && isName(statement.get(assigned)) && statement.get(assigned + 1).isSymbol(".")) {
            qualifier = SchemaNames.key(statement.get(assigned).text());
            assigned += 2;
        }
        if (assigned + 2 >= end || !isName(statement.get(assigned)) || !statement.get(assigned + 1).isSymbol("=")) {
            return Optional.empty();
        }
        String pointer = SchemaNames.unquoted(statement.get(assigned).text());
        int value = assigned + 2;
        boolean subquery = statement.get(value).isSymbol("(");
        List<Token> selected;
        int rest;
        if (subquery) {
            int close = TopLevel.closingParenthesis(statement, value);
            if (close < 0 || !others.isEmpty()) {
                return Optional.empty();
            }
            List<Token> query = statement.subList(value + 1, close);
            int from = TopLevel.wordIndex(query, 1, "FROM");
            if (from < 0 || !query.get(0).isWord("SELECT")) {
                return Optional.empty();
            }
            selected = query.subList(1, from);
            Side named = Side.read(query, from + 1, query.size());
            if (named == null || !conditionAt(query, named.next(), query.size(), conditions)) {
                return Optional.empty();
            }
            others.add(named);
            rest = close + 1;
        } else {
            rest = firstOf(statement, value, "FROM", "WHERE");
            selected = statement.subList(value, rest);
            if (rest < end && statement.get(rest).isWord("FROM")) {
                if (!others.isEmpty()) {
                    return Optional.empty();
                }
                rest = fromList(statement, rest + 1, end, others, conditions);
                if (rest < 0) {
                    return Optional.empty();
                }
            }
        }
        if (dialect == Dialect.SQLSERVER && others.size() == 2 && target.names().size() == 1) {
            // UPDATE a .. FROM p a JOIN n b: the updated rows are those of the FROM list's table named a
            Set<String> updatedName = target.names();
            Optional<Side> updated = others.stream().filter(side -> side.names().containsAll(updatedName))
                    .findFirst();
            if (updated.isEmpty()) {
                return Optional.empty();
            }
            others.remove(updated.get());
            target = updated.get();
        }
        if (!conditionAt(statement, rest, end, conditions) || others.size() != 1
                || qualifier != null && !target.names().contains(qualifier)
                || target.names().stream().anyMatch(others.get(0).names()::contains)) {
            return Optional.empty();
        }
        return Optional.of(new ReversingUpdate(target, pointer, others.get(0), selected, subquery,
                conjuncts(conditions)));
    }

    /**
     * The table of the FROM list an UPDATE names by its alias ({@code UPDATE a SET .. FROM p a ..}, SQL Server's way
     * of updating a joined table), as written; empty for any other UPDATE.
     */
    static Optional<String> aliasedTarget(List<Token> tokens) {
        int end = !tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";") ? tokens.size() - 1 : tokens.size();
        if (end < 4 || !tokens.get(0).isWord("UPDATE")) {
            return Optional.empty();
        }
        List<Token> statement = tokens.subList(0, end);
        Side target = Side.read(statement, 1, end);
        if (target == null || target.names().size() != 1 || target.next() >= end
                || !statement.get(target.next()).isWord("SET")) {
            return Optional.empty();
        }
        int from = firstOf(statement, target.next(), "FROM");
        List<Side> listed = new ArrayList<>();
        if (from == end || fromList(statement, from + 1, end, listed, new ArrayList<>()) < 0 && listed.isEmpty()) {
            return Optional.empty();
        }
        return listed.stream().filter(side -> side.names().size() == 2 && side.names().containsAll(target.names()))
                .map(Side::table).findFirst();
    }

    /**
     * Reads {@code t [a] [, u [b] | [INNER] JOIN u [b] ON ..]} from {@code at} into {@code sides} and the join's
     * condition into {@code conditions}: the index of the WHERE or the end after it, or -1 for anything else.
     */
    private static int fromList(List<Token> tokens, int at, int end, List<Side> sides, List<List<Token>> conditions) {
        Side first = Side.read(tokens, at, end);
        if (first == null) {
            return -1;
        }
        sides.add(first);
        int next = first.next();
        if (next < end && tokens.get(next).isSymbol(",")) {
            Side second = Side.read(tokens, next + 1, end);
            if (second == null) {
                return -1;
            }
            sides.add(second);
            next = second.next();
        } else if (joinedAt(tokens, next) > next) {
            next = joined(tokens, joinedAt(tokens, next), end, "WHERE", sides, conditions);
        }
        return next >= 0 && (next == end || tokens.get(next).isWord("WHERE")) ? next : -1;
    }

    /** The index of the table after {@code [INNER] JOIN} or {@code STRAIGHT_JOIN} at {@code at}, else {@code at}. */
    private static int joinedAt(List<Token> tokens, int at) {
        if (at + 1 < tokens.size() && tokens.get(at).isWord("INNER") && tokens.get(at + 1).isWord("JOIN")) {
            return at + 2;
        }
        return at < tokens.size() && tokens.get(at).isAnyWord("JOIN", "STRAIGHT_JOIN") ? at + 1 : at;
    }

    /**
     * Reads {@code u [b] ON ..} from {@code at}, its condition ending at the top-level {@code until} or the end: the
     * index of that word or the end, or -1 for anything else.
     */
    private static int joined(List<Token> tokens, int at, int end, String until, List<Side> sides,
            List<List<Token>> conditions) {
        Side side = Side.read(tokens, at, end);
        if (side == null || side.next() >= end || !tokens.get(side.next()).isWord("ON")) {
            return -1;
        }
        int stop = firstOf(tokens, side.next() + 1, until);
        if (stop == side.next() + 1) {
            return -1;
        }
        sides.add(side);
        conditions.add(tokens.subList(side.next() + 1, stop));
        return stop;
    }

    /** Adds the condition of {@code WHERE ..} at {@code at} to {@code conditions}: true, or false for anything else. */
    private static boolean conditionAt(List<Token> tokens, int at, int end, List<List<Token>> conditions) {
        if (at == end) {
            return true;
        }
        if (at > end || !tokens.get(at).isWord("WHERE") || at + 1 == end) {
            return false;
        }
        conditions.add(tokens.subList(at + 1, end));
        return true;
    }

    /** The parts of {@code conditions} between their top-level ANDs. */
    private static List<List<Token>> conjuncts(List<List<Token>> conditions) {
        List<List<Token>> parts = new ArrayList<>();
        for (List<Token> condition : conditions) {
            int depth = 0;
            int start = 0;
            for (int i = 0; i < condition.size(); i++) {
                Token token = condition.get(i);
                depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
                if (depth == 0 && token.isWord("AND")) {
                    parts.add(condition.subList(start, i));
                    start = i + 1;
                }
            }
            parts.add(condition.subList(start, condition.size()));
        }
        return parts;
    }

    /** The index of the first of {@code words} at depth zero from {@code from}, or the size of {@code tokens}. */
    private static int firstOf(List<Token> tokens, int from, String... words) {
        int at = TopLevel.firstWordIndex(tokens, from, words);
        return at < 0 ? tokens.size() : at;
    }

    static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
