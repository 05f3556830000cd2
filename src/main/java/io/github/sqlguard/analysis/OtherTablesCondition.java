package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides from tokens whether a WHERE names columns of other tables only, as in PostgreSQL
 * {@code DELETE FROM t USING u WHERE u.y = 1} or {@code UPDATE t SET .. FROM u WHERE u.id = 1}: such a condition
 * decides whether the statement runs at all, never which of the target's rows it touches. Only a column
 * qualified by another table's name or alias is certain not to be the target's; an unqualified column, an
 * unknown qualifier or a subquery (which may refer to the target) means the condition may limit the rows.
 */
final class OtherTablesCondition {

    /** The standard's functions called without parentheses, which every dialect reserves: the clock, the user. */
    private static final Set<String> CLOCK_AND_USER = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "LOCALTIME", "LOCALTIMESTAMP", "SYSDATE", "SYSTIMESTAMP", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER");

    /** Words of a condition that are no column: operators, literals, the keywords of CASE and CAST, the clock. */
    private static final Set<String> NOT_COLUMNS = Stream.concat(CLOCK_AND_USER.stream(), Stream.of("AND", "OR", "NOT",
            "IS", "NULL", "TRUE", "FALSE", "UNKNOWN", "IN", "LIKE", "ILIKE", "ESCAPE", "BETWEEN", "DISTINCT", "FROM",
            "CASE", "WHEN", "THEN", "ELSE", "END", "AS", "COLLATE", "ALL")).collect(Collectors.toUnmodifiableSet());

    /** Functions that only give a literal another type, so a condition of them and literals is still a constant. */
    private static final Set<String> LITERAL_CASTS = Set.of("CAST", "CONVERT", "TRY_CAST", "TRY_CONVERT");

    /** The types a standard typed literal names before its string. */
    private static final Set<String> TYPED_LITERALS = Set.of("DATE", "TIME", "TIMESTAMP", "INTERVAL");

    /** Functions that return a new value on each call, so a condition of them alone still picks rows at random. */
    private static final Set<String> PER_CALL_RANDOM = Set.of("RANDOM", "RAND", "NEWID", "RANDOMBLOB", "UUID",
            "GEN_RANDOM_UUID", "CRYPT_GEN_RANDOM", "SYS_GUID");

    /** What a subquery names outside its own tables. */
    interface SubqueryQualifiers {

        /**
         * The normalized qualifiers of the columns the subquery whose parentheses are {@code open} and {@code close}
         * names outside its own tables, or null when it may name any.
         */
        Set<String> of(StatementTokens tokens, int open, int close);
    }

    private OtherTablesCondition() {
    }

    /**
     * True when the condition in {@code [from, to)} names at least one column and every column it names is
     * qualified by one of {@code others}, the normalized names and aliases of the tables that are not the target,
     * or by a table its subqueries read themselves ({@link UncorrelatedSubqueries}).
     */
    static boolean namesOnlyOtherTables(StatementTokens tokens, int from, int to, Set<String> others) {
        return namesOnlyOtherTables(tokens, from, to, others, qualifiersOfColumns(tokens, from, to));
    }

    /** As {@link #namesOnlyOtherTables(StatementTokens, int, int, Set)}, given the range's {@code qualifiers}. */
    static boolean namesOnlyOtherTables(StatementTokens tokens, int from, int to, Set<String> others,
            Set<String> qualifiers) {
        if (qualifiers != null) {
            return !qualifiers.isEmpty() && others.containsAll(qualifiers);
        }
        // WHERE EXISTS (SELECT 1 FROM u WHERE u.live): a subquery that names only its own tables' columns names no
        // column of the target either, whatever other tables it reads.
        Set<String> outside = UncorrelatedSubqueries.qualifiersOutside(tokens, from, to);
        return outside != null && others.containsAll(outside);
    }

    /**
     * True when the condition in {@code [from, to)} names no column and no subquery, but a T-SQL or MySQL
     * {@code @variable} or a variable its body declares: whatever the variable holds, the condition is the same for
     * every row.
     */
    static boolean namesOnlyVariables(StatementTokens tokens, int from, int to) {
        Set<String> qualifiers = qualifiersOfColumns(tokens, from, to);
        return qualifiers != null && qualifiers.isEmpty() && namesVariable(tokens, from, to);
    }

    /**
     * True when {@code [from, to)}, a condition that names no column ({@link #qualifiersOfColumns} empty), names a
     * T-SQL or MySQL {@code @variable} or a variable its body declares.
     */
    static boolean namesVariable(StatementTokens tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            Token token = tokens.tokens().get(i);
            if (isVariable(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    /** True when the token at {@code i} is a T-SQL or MySQL {@code @variable} or a variable its body declares. */
    static boolean isVariable(StatementTokens tokens, int i) {
        Token token = tokens.tokens().get(i);
        return token.type() == TokenType.WORD && token.text().startsWith("@") || tokens.isBlockVariable(i);
    }

    /**
     * True when every column the expressions in {@code [from, to)} (a SET list) name is qualified by one of
     * {@code tables} (names or aliases as written), so no subquery or unqualified column may read another table.
     */
    static boolean namesOnlyTables(StatementTokens tokens, int from, int to, List<String> tables) {
        Set<String> qualifiers = qualifiersOfColumns(tokens, from, to);
        return qualifiers != null && tables.stream().map(ObjectNames::normalize).toList().containsAll(qualifiers);
    }

    /**
     * The normalized qualifiers of the columns named in {@code [from, to)}, or null when a column is unqualified
     * or a subquery may name any.
     */
    static Set<String> qualifiersOfColumns(StatementTokens tokens, int from, int to) {
        return qualifiersOfColumns(tokens, from, to, (all, open, close) -> null);
    }

    /**
     * As {@link #qualifiersOfColumns(StatementTokens, int, int)}, with the columns each subquery names outside its
     * own tables as {@code subqueries} reads them, or null when it cannot.
     */
    static Set<String> qualifiersOfColumns(StatementTokens tokens, int from, int to, SubqueryQualifiers subqueries) {
        Set<String> qualifiers = new HashSet<>();
        int i = from;
        while (i < to) {
            Token token = tokens.tokens().get(i);
            if (token.isSymbol("(") && tokens.isWord(i + 1, "SELECT")) {
                int close = tokens.closingParen(i);
                Set<String> inner = close < 0 || close >= to ? null : subqueries.of(tokens, i, close);
                if (inner == null) {
                    return null;
                }
                qualifiers.addAll(inner);
                i = close + 1;
                continue;
            }
            if (token.isWord("SELECT")) {
                return null; // a subquery may refer to the target's columns
            }
            boolean namePart = token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME
                    || startsLongerName(tokens, i);
            if (!namePart || token.text().startsWith("@") || tokens.isBlockVariable(i) || typeName(tokens, i)) {
                i++; // literals, operators, placeholders, T-SQL @variables, types, the body's variables
                continue;
            }
            int start = i;
            ObjectNames.NameAt name = tokens.nameAt(i);
            if (name == null || name.next() > to) {
                return null;
            }
            i = name.next();
            if (tokens.isSymbol(i, "(")) {
                continue; // a function's name; its arguments are read on
            }
            String last = ObjectNames.lastPart(name.text());
            if (last.length() == name.text().length()) {
                if (token.type() == TokenType.WORD && NOT_COLUMNS.contains(token.upper())
                        && !UnknownTruthValue.nameAt(tokens.tokens(), start)) {
                    continue;
                }
                return null; // an unqualified column may be the target's
            }
            qualifiers.add(ObjectNames.normalize(name.text().substring(0, name.text().length() - last.length() - 1)));
        }
        return qualifiers;
    }

    /**
     * True when the placeholder at {@code i} begins a name that goes on after it ({@code ${prefix}orders.id},
     * {@code ${schema}.orders.id}): its value completes the table's name, so the qualifier is that whole name, as
     * the table list writes it. A placeholder alone is a value.
     */
    private static boolean startsLongerName(StatementTokens tokens, int i) {
        if (tokens.tokens().get(i).type() != TokenType.PLACEHOLDER) {
            return false;
        }
        ObjectNames.NameAt name = tokens.nameAt(i);
        return name != null && name.next() > i + 1;
    }

    /**
     * True when the word at {@code i} names a type, not a column: after PostgreSQL's {@code ::}, after CAST's
     * {@code AS}, or before the string of a typed literal ({@code DATE '2024-01-01'}, {@code INTERVAL '30 days'}).
     */
    private static boolean typeName(StatementTokens tokens, int i) {
        return tokens.isSymbol(i - 1, "::") || tokens.isWord(i - 1, "AS")
                || TYPED_LITERALS.contains(tokens.tokens().get(i).upper())
                        && tokens.tokens().size() > i + 1 && tokens.tokens().get(i + 1).type() == TokenType.STRING;
    }

    /**
     * True when {@code [from, to)}, a condition that names no column and no subquery ({@link #qualifiersOfColumns}
     * empty), holds no placeholder (which may hold one) but the clock, the session's user or a function ({@code WHERE
     * now() > '2024-01-01'}, {@code WHERE SYSDATE > DATE '2024-01-01'}): it is the same for every row, so it decides
     * whether the statement runs, never which rows it touches. A function that returns a new value per call ({@code
     * random()}) still picks rows, so it is not one; a condition of literals alone is left to the reading of what
     * always or never holds.
     */
    static boolean switchesOnClockOrCalls(StatementTokens tokens, int from, int to) {
        boolean switches = false;
        for (int i = from; i < to; i++) {
            Token token = tokens.tokens().get(i);
            if (token.type() == TokenType.PLACEHOLDER) {
                return false;
            }
            if (token.type() != TokenType.WORD) {
                continue;
            }
            boolean call = tokens.isSymbol(i + 1, "(");
            if (call && PER_CALL_RANDOM.contains(token.upper())) {
                return false;
            }
            switches |= call && !LITERAL_CASTS.contains(token.upper()) || CLOCK_AND_USER.contains(token.upper());
        }
        return switches;
    }
}
