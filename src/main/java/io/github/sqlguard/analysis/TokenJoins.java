package io.github.sqlguard.analysis;

/**
 * Reads the tables of a DELETE's or UPDATE's FROM, USING or join list from tokens, for statements JSqlParser could
 * not parse: which tables a join with a condition limits, and which rows an outer join keeps whole.
 */
final class TokenJoins {

    /** Words that end the ON condition of a join. */
    private static final String[] AFTER_JOIN_CONDITION = {
        "JOIN", "STRAIGHT_JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "OUTER", "NATURAL", "WHERE", "SET",
        "ORDER", "LIMIT", "RETURNING", "OUTPUT", "OPTION"
    };
    /** Words that end a table reference, so they cannot be its alias. */
    private static final String[] NOT_ALIASES = {
        "ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "OUTER", "NATURAL", "STRAIGHT_JOIN",
        "WHERE", "SET", "ORDER", "LIMIT", "RETURNING", "OUTPUT", "WITH", "FROM"
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
        if (startsWithTable) {
            addTableAt(tokens, joined, from); // MySQL UPDATE t1 [LEFT] JOIN t2 ..: t1 comes before any join word
        }
        boolean joinSeen = false;
        boolean keepsJoinedTable = false;
        boolean outerJoin = false;
        int depth = 0;
        for (int i = from; i < to; i++) {
            if (tokens.isSymbol(i, "(")) {
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
                if (tokens.isWord(i, "JOIN", "STRAIGHT_JOIN")) {
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
                    joined.conditionFound();
                    limitUnlessOuter(joined, outerJoin);
                    outerJoin = false;
                }
                if (tokens.isWord(i, "FROM", "USING", "JOIN", "STRAIGHT_JOIN") || tokens.isSymbol(i, ",")) {
                    addTableAt(tokens, joined, i + 1);
                    if (keepsJoinedTable && tokens.isWord(i, "JOIN")) {
                        joined.preserveLastTable();
                        keepsJoinedTable = false;
                    }
                }
            }
        }
        return joined;
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
            int close = tokens.closingParen(at);
            int aliasAt = close < 0 ? -1 : tokens.isWord(close + 1, "AS") ? close + 2 : close + 1;
            ObjectNames.NameAt alias = aliasAt < 0 || tokens.isWord(aliasAt, NOT_ALIASES) ? null
                    : tokens.nameAt(aliasAt);
            if (alias != null) {
                joined.add("(subquery " + alias.text() + ")", alias.text());
            }
            joined.filteringConditionFound();
            return;
        }
        ObjectNames.NameAt name = tokens.nameAt(at);
        if (name == null) {
            return;
        }
        int aliasAt = tokens.isWord(name.next(), "AS") ? name.next() + 1 : name.next();
        ObjectNames.NameAt alias = tokens.isWord(aliasAt, NOT_ALIASES) ? null : tokens.nameAt(aliasAt);
        joined.add(name.text(), alias == null ? null : alias.text());
    }
}
