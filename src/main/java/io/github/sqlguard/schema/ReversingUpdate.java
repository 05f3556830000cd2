package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
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
 * [a] SET ptr = (SELECT k FROM n [b] WHERE ..) [WHERE ..]}. Whether the conditions keep every row and join on keys
 * is for the caller to judge.
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
    static Optional<ReversingUpdate> of(List<Token> tokens) {
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
                Side named = Side.read(statement, rest + 1, end);
                if (named == null) {
                    return Optional.empty();
                }
                others.add(named);
                rest = named.next();
            }
        }
        if (!conditionAt(statement, rest, end, conditions) || others.size() != 1
                || qualifier != null && !target.names().contains(qualifier)
                || target.names().stream().anyMatch(others.get(0).names()::contains)) {
            return Optional.empty();
        }
        return Optional.of(new ReversingUpdate(target, pointer, others.get(0), selected, subquery,
                conjuncts(conditions)));
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
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isAnyWord(words)) {
                return i;
            }
        }
        return tokens.size();
    }

    static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
