package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads joins from tokens: the tables of a DELETE's or UPDATE's FROM, USING or join list, for statements JSqlParser
 * could not parse (which tables a join with a condition limits, and which rows an outer join keeps whole), and the
 * first join of a query ({@link EqualityJoin}) for the replay.
 */
final class TokenJoins {

    /** Words that end the ON condition of a join: the next join, or the clause after the joins. */
    private static final String[] AFTER_JOIN_CONDITION = {
        "JOIN", "STRAIGHT_JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "OUTER", "NATURAL", "WHERE", "SET",
        "ORDER", "GROUP", "LIMIT", "RETURNING", "OUTPUT", "OPTION", "UNION"
    };

    private TokenJoins() {
    }

    /**
     * The tables named in {@code [from, to)} of {@code tokens} after FROM, USING, JOIN or a comma (and at
     * {@code from} itself when {@code startsWithTable}), whether a join there has an ON or USING condition, which
     * tables an inner join limits and which an outer join keeps whole.
     */
    static JoinedTables tables(StatementTokens tokens, int from, int to, boolean startsWithTable) {
        JoinedTables joined = new JoinedTables();
        if (startsWithTable && !isJoinGroup(tokens, from, true)) {
            addTableAt(tokens, joined, from); // MySQL UPDATE t1 [LEFT] JOIN t2 ..: t1 comes before any join word
        }
        boolean joinSeen = false;
        boolean keepsJoinedTable = false;
        boolean outerJoin = false;
        boolean natural = false;
        int depth = 0;
        for (int i = from; i < to; i++) {
            if (depth == 0 && isJoinGroup(tokens, i, i == from && startsWithTable)) {
                // MySQL UPDATE (t JOIN u ON ..) SET, DELETE u FROM (t JOIN u ON ..): the parenthesised join is read
                // as a table of its own, with its joins limiting its tables as they would without the parentheses.
                int close = tokens.closingParen(i);
                joined.addGroup(tables(tokens, i + 1, close, true));
                if (natural) {
                    joined.naturalJoinOfLast(outerJoin);
                    natural = false;
                    outerJoin = false;
                }
                if (keepsJoinedTable) {
                    joined.preserveLastTable();
                    keepsJoinedTable = false;
                }
                i = close;
            } else if (tokens.isSymbol(i, "(")) {
                depth++;
            } else if (tokens.isSymbol(i, ")")) {
                depth--;
            } else if (depth == 0) {
                if (tokens.isWord(i, "LEFT", "FULL")) {
                    joined.preserveTablesSoFar();
                }
                outerJoin |= tokens.isWord(i, "LEFT", "RIGHT", "FULL");
                if (tokens.isWord(i, "RIGHT", "FULL")) {
                    keepsJoinedTable = true;
                }
                if (tokens.isWord(i, "APPLY") && tokens.isWord(i - 1, "CROSS", "OUTER")) {
                    apply(tokens, joined, i);
                } else if (tokens.isWord(i, "JOIN", "STRAIGHT_JOIN")) {
                    joinSeen = true;
                } else if (joinSeen && tokens.isWord(i, "ON")) {
                    int conditionEnd = tokens.indexOfTopLevelWord(i + 1, to, AFTER_JOIN_CONDITION);
                    int onEnd = tokens.firstTopLevelComma(i + 1, conditionEnd < 0 ? to : conditionEnd);
                    if (TokenConditionTruth.of(tokens, i + 1, onEnd) == Truth.ALWAYS_TRUE) {
                        joined.alwaysTrueConditionFound();
                    } else {
                        joined.conditionAt(tokens, i + 1, onEnd);
                        limitUnlessOuter(joined, outerJoin);
                    }
                    outerJoin = false;
                } else if (joinSeen && tokens.isWord(i, "USING")) {
                    // JOIN u USING (a, b): a list of columns, not a table
                    int close = tokens.isSymbol(i + 1, "(") ? tokens.closingParen(i + 1) : -1;
                    joined.usingColumns(close < 0 ? List.of() : columnsOf(tokens, i + 2, close));
                    limitUnlessOuter(joined, outerJoin);
                    outerJoin = false;
                    i = Math.max(i, close);
                    continue;
                }
                natural |= tokens.isWord(i, "NATURAL");
                if (tokens.isWord(i, "FROM", "USING", "JOIN", "STRAIGHT_JOIN") || tokens.isSymbol(i, ",")) {
                    if (isJoinGroup(tokens, i + 1, true)) {
                        continue; // read as a whole at the next token
                    }
                    addTableAt(tokens, joined, i + 1);
                    if (keepsJoinedTable && tokens.isWord(i, "JOIN")) {
                        joined.preserveLastTable();
                        keepsJoinedTable = false;
                    }
                    if (natural && tokens.isWord(i, "JOIN")) {
                        joined.naturalJoinOfLast(outerJoin);
                        natural = false;
                        outerJoin = false;
                    }
                }
            }
        }
        return joined;
    }

    /**
     * T-SQL's {@code CROSS APPLY (SELECT .. WHERE l.order_id = o.id) a} at {@code apply}: an inner join whose
     * condition is the applied query's own, so it limits the tables before it when that query names one of them;
     * {@code OUTER APPLY} keeps every row of those tables, as a LEFT JOIN does.
     */
    private static void apply(StatementTokens tokens, JoinedTables joined, int apply) {
        int at = apply + 1;
        int open = tokens.isSymbol(at, "(") ? at : tokens.nameAt(at) == null ? -1 : tokens.nameAt(at).next();
        int close = open >= 0 && tokens.isSymbol(open, "(") ? tokens.closingParen(open) : -1;
        Set<String> correlated = new HashSet<>();
        for (int k = open + 1; close > open && k < close; k++) {
            if (ObjectNames.isNamePart(tokens.tokens().get(k)) && tokens.isSymbol(k + 1, ".")
                    && !tokens.isSymbol(k - 1, ".") && joined.denotes(tokens.tokens().get(k).text())) {
                correlated.add(ObjectNames.normalize(tokens.tokens().get(k).text()));
            }
        }
        if (tokens.isWord(apply - 1, "OUTER")) {
            joined.preserveTablesSoFar();
        }
        addTableAt(tokens, joined, at);
        if (tokens.isWord(apply - 1, "CROSS") && !correlated.isEmpty()) {
            joined.conditionNaming(correlated);
            joined.filteringConditionFound();
            joined.limitTablesSoFar();
        }
    }

    /**
     * True when {@code at} opens a parenthesised join in a table's place ({@code (t JOIN u ON ..)}, also nested),
     * not a derived table ({@code (SELECT ..) s}, {@code (VALUES ..) v}). {@code tablePlace} says the token before
     * it introduces a table.
     */
    static boolean isJoinGroup(StatementTokens tokens, int at, boolean tablePlace) {
        if (!tablePlace && !(at > 0 && (tokens.isWord(at - 1, "FROM", "USING", "JOIN", "STRAIGHT_JOIN")
                || tokens.isSymbol(at - 1, ",")))) {
            return false;
        }
        int close = tokens.isSymbol(at, "(") ? tokens.closingParen(at) : -1;
        if (close <= at + 1 || tokens.isWord(at + 1, "SELECT", "WITH", "VALUES", "TABLE")) {
            return false;
        }
        if (tokens.isSymbol(at + 1, "(") && tokens.closingParen(at + 1) == close - 1) {
            return isJoinGroup(tokens, at + 1, true); // ((t JOIN u ON ..))
        }
        return tokens.indexOfTopLevelWord(at + 1, close, "JOIN", "STRAIGHT_JOIN") >= 0;
    }

    /** The names of the columns listed in {@code [from, to)}, separated by commas. */
    private static List<String> columnsOf(StatementTokens tokens, int from, int to) {
        List<String> columns = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!tokens.isSymbol(i, ",")) {
                columns.add(tokens.tokens().get(i).text());
            }
        }
        return columns;
    }

    private static void limitUnlessOuter(JoinedTables joined, boolean outerJoin) {
        if (!outerJoin) {
            joined.limitTablesSoFar();
        }
    }

    /** Adds the table or derived table named at {@code index} of {@code tokens}, with its alias, to {@code joined}. */
    static void addTableAt(StatementTokens tokens, JoinedTables joined, int index) {
        int at = tokens.skipWords(index, "ONLY", "LATERAL");
        if (tokens.isSymbol(at, "(")) {
            // A derived table, (SELECT ..) s or (VALUES ..) v (a, b): another table of the list, known by its alias.
            ObjectNames.NameAt alias = TableReference.aliasAt(tokens.tokens(), tokens.closingParen(at) + 1);
            if (alias != null) {
                joined.add("(subquery " + alias.text() + ")", alias.text());
            }
            joined.filteringConditionFound();
            return;
        }
        TableReference table = TableReference.at(tokens.tokens(), at);
        if (table != null) {
            joined.add(table.table(), table.alias());
        }
    }

    /** The join {@link EqualityJoin#firstAfter} reads. */
    static Optional<EqualityJoin> firstEqualityJoin(List<Token> tokens, int from) {
        int fromWord = -1;
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth > 1) {
                continue; // the query itself may stand in one pair of parentheses: CREATE TABLE b AS (SELECT ..)
            }
            if (token.isWord("FROM")) {
                fromWord = i;
            } else if (token.isWord("WHERE")) {
                return Optional.empty();
            } else if (fromWord >= 0 && token.isAnyWord("JOIN", "INNER")) {
                return equalityJoin(tokens, fromWord, i);
            }
        }
        return Optional.empty();
    }

    private static Optional<EqualityJoin> equalityJoin(List<Token> tokens, int fromWord, int start) {
        TableReference first = TableReference.at(tokens, fromWord + 1);
        int joinWord = tokens.get(start).isWord("INNER") ? start + 1 : start;
        if (first == null || first.next() != start || joinWord >= tokens.size()
                || !tokens.get(joinWord).isWord("JOIN")) {
            return Optional.empty(); // a comma join or more tables before this one
        }
        TableReference joined = TableReference.at(tokens, joinWord + 1);
        if (joined == null || joined.next() >= tokens.size() || !tokens.get(joined.next()).isWord("ON")) {
            return Optional.empty();
        }
        ColumnEquality equality = ColumnEquality.at(tokens, joined.next() + 1);
        if (equality == null || !endsCondition(tokens, equality.next())) {
            return Optional.empty();
        }
        return Optional.of(new EqualityJoin(first, joined, equality.left(), equality.right(), start,
                equality.next()));
    }

    /** True when the condition ends at {@code at}; not at a comma, which adds a table that may leave rows out. */
    private static boolean endsCondition(List<Token> tokens, int at) {
        return at >= tokens.size() || tokens.get(at).isSymbol(";") || tokens.get(at).isSymbol(")")
                || tokens.get(at).isAnyWord(AFTER_JOIN_CONDITION);
    }
}
