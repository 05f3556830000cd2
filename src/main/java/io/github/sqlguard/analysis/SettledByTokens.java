package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * Decides when the tokens alone settle which rows a DELETE or UPDATE touches, so JSqlParser need not be asked.
 * Two shapes are certain from tokens:
 * <ul>
 *   <li><b>limited by a WHERE of its own</b>, whatever it joins or reads in subqueries
 *       ({@code UPDATE t SET .. FROM u WHERE t.id = u.id}, {@code DELETE FROM t WHERE NOT EXISTS (..)}): once
 *       the WHERE is there, only the condition itself could make the statement touch every row, by holding for
 *       every row. A condition that names a column does so only by comparing a column with itself or by
 *       covering NULL both ways, which the tokens decide as the parser's expression tree does;</li>
 *   <li><b>touching every row</b>: no WHERE of its own and nothing joined ({@code DELETE FROM t},
 *       {@code UPDATE t SET a = (SELECT ..)}), so nothing in the statement limits its rows.</li>
 * </ul>
 * A WITH clause before either shape is read past, as long as no CTE body changes rows itself and, in T-SQL, the
 * statement does not change a CTE's rows without a WHERE of its own (the CTE's WHERE may limit them). An UPDATE without
 * a WHERE whose FROM list has no JOIN or USING ({@code UPDATE t SET a = s.a FROM s}) touches every row too:
 * nothing links the target's rows to that list, and neither does a WHERE that names only the list's tables
 * ({@code UPDATE t SET a = s.a FROM s WHERE s.live}). Oracle's join views, which the parser cannot read, are
 * limited by their inner join; MySQL's {@code DELETE FROM t USING t JOIN u ..}, which the parser rejects, is
 * read as its {@code DELETE t FROM t JOIN u ..} would be, and PostgreSQL's {@code DELETE FROM t USING u JOIN v ..},
 * rejected too, as its WHERE alone. An UPDATE whose every assignment writes back its own
 * value or changes only what a CASE picks ({@code SET c = CASE WHEN c = 'a' THEN 'b' ELSE c END}) is settled
 * whatever it joins: the rows it reaches do not matter. Left to the parser: CTE bodies that change rows, IF branches and compound bodies,
 * joins and USING lists without a WHERE or with one on the other tables alone, conditions the tokens find always
 * true or holding a term of literals alone they cannot evaluate ({@code 3 IN (1, 3)}), MySQL backslash escapes that
 * may change how it reads, statements whose parentheses do not pair up, and statements whose target the tokens
 * cannot name.
 */
final class SettledByTokens {

    /** Words that join other tables to the target; the tables they bring can limit its rows. */
    private static final String[] JOINING_WORDS = {"JOIN", "STRAIGHT_JOIN", "USING"};
    /** Words after which a statement without WHERE has no more table references. */
    private static final String[] AFTER_TARGETS = {"RETURNING", "OUTPUT", "ORDER", "LIMIT", "OPTION"};

    private SettledByTokens() {
    }

    /**
     * True when the tokens settle which rows {@code statement} (a DELETE or UPDATE) touches.
     *
     * @param structure the statement's tokens as {@link StatementTokens}
     * @param changes the DELETEs and UPDATEs the tokens read in it ({@link DataChanges#fromTokens})
     */
    static boolean settles(Statement statement, StatementTokens structure, List<DataChange> changes) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty() || !tokens.get(0).isAnyWord("DELETE", "UPDATE", "WITH")) {
            return false;
        }
        // After a WITH clause the statement proper starts at its first DELETE or UPDATE outside the CTE bodies.
        int main = tokens.get(0).isWord("WITH") ? structure.indexOfTopLevelWord(1, structure.size(), "DELETE", "UPDATE")
                : 0;
        if (main < 0 || main > 0 && !structure.isSymbol(main - 1, ")")) {
            return false; // not right after the last CTE body: FOR UPDATE, ON CONFLICT DO UPDATE, ..
        }
        boolean backslashEscapes = statement.dialect() == Dialect.AUTO || statement.dialect().isMySqlFamily();
        if (tokens.stream().anyMatch(token -> token.isSymbol(";"))
                || backslashEscapes && readingDependsOnEscapes(structure)) {
            return false; // a compound body, or a MySQL escape the parser reads the way the dialect does
        }
        if (!parenthesesBalance(tokens)) {
            return false; // cut short or mistyped: what the WHERE holds is not certain, and the parser says why
        }
        if (changes.size() != 1 || changes.get(0).tables().isEmpty()) {
            return false;
        }
        DataChange change = changes.get(0);
        if (change.at() != tokens.get(main)) {
            return false; // the one change the tokens read is in a CTE body: the parser reads the rest
        }
        if (changesJoinedDerivedTable(structure, main)) {
            return true; // the parser takes the derived table's alias for a table of that name
        }
        if (change.selection() == RowSelection.OWN_VALUES_WRITTEN_BACK) {
            return true; // it changes only what a WHERE would have chosen, whichever rows its joins reach
        }
        if (joinsInParentheses(statement, structure, main)) {
            // JSqlParser rejects MySQL's UPDATE (t JOIN u ON ..) SET and DELETE u FROM (t JOIN u ON ..), and T-SQL's
            // DELETE u FROM (t JOIN u ON ..): the tokens read the join as they read it without the parentheses.
            return structure.indexOfTopLevelWord(main, structure.size(), "WHERE") < 0
                    || !holdsUndecidedLiteralTerm(structure);
        }
        if (joinsInUsingList(statement, structure, main)) {
            // JSqlParser rejects every join in this list, so asking it would only say so; the tokens read the join and
            // the WHERE as they read DELETE t FROM t JOIN u (or, for PostgreSQL's form, as its WHERE alone), which the
            // parser confirms, unless the WHERE holds a term of literals alone they cannot evaluate.
            return structure.indexOfTopLevelWord(main, structure.size(), "WHERE") < 0
                    || !holdsUndecidedLiteralTerm(structure);
        }
        boolean ctesAreUpdatable = statement.dialect() == Dialect.SQLSERVER || statement.dialect() == Dialect.AUTO;
        if (change.where() != WhereFact.PRESENT && ctesAreUpdatable && main > 0
                && change.tables().size() == 1 && namesACte(tokens, main, change.tables().get(0))) {
            return false; // T-SQL changes a CTE's rows as a view's: the parser reads the CTE's WHERE
        }
        return switch (change.where()) {
            case PRESENT -> !holdsUndecidedLiteralTerm(structure);
            case ABSENT, ABSENT_BUT_CAPPED, ABSENT_BUT_SESSION_CAPPED -> change.restrictedByJoin()
                    ? changesJoinView(structure, main)
                    : change.tables().size() == 1 && joinsNothing(structure, main, statement.dialect())
                            || readsFromListOnly(structure, main);
            case ROW_COUNT_ONLY -> !change.restrictedByJoin() && change.tables().size() == 1
                    && joinsNothing(structure, main, statement.dialect());
            // A FROM list without joins cannot tie the target's rows to a condition on the other tables alone.
            case OTHER_TABLES_ONLY, NO_OTHER_ROW_ONLY -> !change.restrictedByJoin() && readsFromListOnly(structure, main);
            case VARIABLES_ONLY, NO_COLUMN, VARIABLE_SWITCH, VARIABLE_FALLBACK, OTHER_TABLES_SWITCH -> false; // the parser tells whether a join limits the rows
            case ALWAYS_TRUE -> false; // the parser confirms
        };
    }

    /**
     * True when the tables of a MySQL (or MariaDB) UPDATE, or of a MySQL or T-SQL DELETE's FROM or USING list, start
     * with a parenthesised join: {@code UPDATE (t JOIN u ON ..) SET}, {@code DELETE u FROM (t JOIN u ON ..)}.
     */
    private static boolean joinsInParentheses(Statement statement, StatementTokens structure, int main) {
        Dialect dialect = statement.dialect();
        boolean mySql = dialect.isMySqlFamily() || dialect == Dialect.AUTO;
        if (structure.isWord(main, "UPDATE")) {
            return mySql && TokenJoins.isJoinGroup(structure,
                    structure.skipWords(main + 1, "LOW_PRIORITY", "IGNORE"), true);
        }
        if (!mySql && dialect != Dialect.SQLSERVER) {
            return false;
        }
        int where = structure.indexOfTopLevelWord(main, structure.size(), "WHERE");
        int list = structure.indexOfTopLevelWord(main, where < 0 ? structure.size() : where, "USING", "FROM");
        if (list >= 0 && structure.isWord(list, "FROM") && !structure.isSymbol(list + 1, "(")) {
            list = structure.indexOfTopLevelWord(list + 1, where < 0 ? structure.size() : where, "USING", "FROM");
        }
        return list >= 0 && TokenJoins.isJoinGroup(structure, list + 1, true);
    }

    /**
     * True for a DELETE whose USING list holds a JOIN: MySQL's and MariaDB's multi-table {@code DELETE FROM t1[, t2]
     * USING t1 JOIN t2 ..}, whose FROM follows its modifiers, and PostgreSQL's {@code DELETE FROM t USING u JOIN v ..},
     * whose target is not in the list (PostgreSQL refuses a table named twice). In {@code auto} either form is read
     * as the one its FROM list matches.
     */
    private static boolean joinsInUsingList(Statement statement, StatementTokens structure, int main) {
        Dialect dialect = statement.dialect();
        boolean mySql = dialect.isMySqlFamily();
        if (!mySql && dialect != Dialect.POSTGRESQL && dialect != Dialect.AUTO || !structure.isWord(main, "DELETE")) {
            return false;
        }
        int where = structure.indexOfTopLevelWord(main, structure.size(), "WHERE");
        int end = where < 0 ? structure.size() : where;
        int from = structure.skipWords(main + 1, "LOW_PRIORITY", "QUICK", "IGNORE");
        int using = structure.isWord(from, "FROM") ? structure.indexOfTopLevelWord(from + 1, end, "USING") : -1;
        if (using < 0 || structure.indexOfTopLevelWord(using + 1, end, "JOIN", "STRAIGHT_JOIN") < 0) {
            return false;
        }
        return mySql || dialect == Dialect.AUTO
                || !usingListNames(structure, using + 1, end, structure.tokens().get(from + 1).text());
    }

    /** True when a table or alias of the USING list in {@code [from, to)} is written {@code name}. */
    private static boolean usingListNames(StatementTokens structure, int from, int to, String name) {
        for (int i = from; i < to; i++) {
            Token token = structure.tokens().get(i);
            if (token.type() == TokenType.WORD && token.text().equalsIgnoreCase(name)
                    && !structure.isSymbol(i - 1, ".") && !structure.isSymbol(i + 1, ".")) {
                return true;
            }
        }
        return false;
    }

    /** True when every parenthesis closes one opened before it and none is left open. */
    private static boolean parenthesesBalance(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * True when a backslash may change how the statement reads: outside a string, escaping a quote (where
     * NO_BACKSLASH_ESCAPES is set the string ends there instead), or in a string after the WHERE, whose value the
     * tokens would compare as written. Any other escape in a string before it leaves every boundary where it is:
     * MySQL migrations keep XSL or JSON in a column ({@code SET form = '..''\\''..' WHERE id = 1}).
     */
    private static boolean readingDependsOnEscapes(StatementTokens structure) {
        List<Token> tokens = structure.tokens();
        int where = structure.indexOfTopLevelWord(0, structure.size(), "WHERE");
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.text().indexOf('\\') >= 0 && (token.type() != TokenType.STRING || where >= 0 && i > where
                    || escapesAQuote(token.text()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean escapesAQuote(String literal) {
        for (int i = 0; i < literal.length() - 1; i++) {
            if (literal.charAt(i) == '\\') {
                char escaped = literal.charAt(++i);
                if (escaped == '\'' || escaped == '"') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True for {@code UPDATE t SET .. FROM u, (SELECT ..) s} with no JOIN or USING at its own level and one target:
     * without a WHERE naming the target nothing links its rows to the FROM list, so every row of it is changed
     * (where the target itself is listed, T-SQL's form, the tokens already found it limited or not).
     */
    private static boolean readsFromListOnly(StatementTokens structure, int main) {
        int size = structure.size();
        if (!structure.isWord(main, "UPDATE") || structure.indexOfTopLevelWord(main, size, JOINING_WORDS) >= 0) {
            return false;
        }
        int targetsEnd = structure.indexOfTopLevelWord(main, size, AFTER_TARGETS);
        int end = targetsEnd < 0 ? size : targetsEnd;
        int set = structure.indexOfTopLevelWord(main + 1, end, "SET");
        return set >= 0 && structure.indexOfTopLevelWord(set, end, "FROM") >= 0
                && structure.firstTopLevelComma(main + 1, set) == set;
    }

    /**
     * True for Oracle's {@code UPDATE (SELECT .. JOIN ..) SET} and {@code DELETE [FROM] (SELECT .. JOIN ..)}: the
     * parser reads neither, and the tokens found the view's inner join limiting the rows of its first table.
     */
    /**
     * True for T-SQL's change of a derived table or APPLY query among the items of its FROM list ({@link
     * ViewTargets#joinedDerivedTable}), whose alias the statement names as its target.
     */
    private static boolean changesJoinedDerivedTable(StatementTokens structure, int main) {
        int target = structure.skipTop(main + 1);
        if (structure.isWord(main, "DELETE") && structure.isWord(target, "FROM")) {
            target++;
        }
        return ViewTargets.joinedDerivedTable(structure, target, structure.size()) >= 0;
    }

    private static boolean changesJoinView(StatementTokens structure, int main) {
        int view = structure.isWord(main + 1, "FROM") ? main + 2 : main + 1;
        return structure.isSymbol(view, "(") && structure.isWord(view + 1, "SELECT", "WITH");
    }

    /** True when {@code name} is one of the CTEs the WITH clause before {@code main} defines. */
    private static boolean namesACte(List<Token> tokens, int main, String name) {
        int depth = 0;
        for (int i = 1; i < main; i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.text().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsUndecidedLiteralTerm(StatementTokens structure) {
        int where = structure.indexOfTopLevelWord(0, structure.size(), "WHERE");
        int end = TokenDataChanges.conditionEnd(structure, where, structure.size());
        return TokenConditionTruth.hasUndecidedLiteralTerm(structure, where + 1, end);
    }

    /**
     * True when the statement names its one target and no other table at its own level: {@code DELETE FROM t}
     * or {@code UPDATE t SET ..} with no JOIN, USING, second FROM or table list.
     */
    private static boolean joinsNothing(StatementTokens structure, int main, Dialect dialect) {
        int size = structure.size();
        if (structure.indexOfTopLevelWord(main, size, JOINING_WORDS) >= 0) {
            return false;
        }
        int targetsEnd = structure.indexOfTopLevelWord(main, size, AFTER_TARGETS);
        int end = targetsEnd < 0 ? size : targetsEnd;
        if (structure.isWord(main, "DELETE")) {
            int from = structure.indexOfTopLevelWord(main + 1, end, "FROM");
            int beforeFrom = structure.skipTop(structure.skipWords(main + 1, "LOW_PRIORITY", "QUICK", "IGNORE"));
            if (structure.isSymbol(beforeFrom, "*")) {
                beforeFrom++; // Exasol: DELETE * FROM t
            }
            boolean fromOptional = dialect == Dialect.ORACLE || dialect == Dialect.AUTO;
            if (from < 0 && fromOptional && structure.isSymbol(beforeFrom, "(")
                    && structure.isWord(beforeFrom + 1, "SELECT", "WITH")) {
                // Oracle: DELETE (SELECT ..) [v], its FROM left out, reads as DELETE FROM (SELECT ..) does; T-SQL
                // has no such form, so there the parser's refusal is worth reporting
                return structure.firstTopLevelComma(beforeFrom, end) == end;
            }
            if (from < 0) {
                // T-SQL and Oracle: DELETE [TOP (n)] t, a name and nothing that could join
                ObjectNames.NameAt target = structure.nameAt(beforeFrom);
                return target != null && structure.firstTopLevelComma(beforeFrom, end) == end;
            }
            return structure.indexOfTopLevelWord(from + 1, end, "FROM") < 0
                    && beforeFrom == from
                    && structure.firstTopLevelComma(from, end) == end;
        }
        int set = structure.indexOfTopLevelWord(main + 1, end, "SET");
        return set >= 0 && structure.indexOfTopLevelWord(set, end, "FROM") < 0
                && structure.firstTopLevelComma(main + 1, set) == set;
    }

}
