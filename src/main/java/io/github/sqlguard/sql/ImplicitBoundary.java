package io.github.sqlguard.sql;

import java.util.List;
import java.util.Set;

/**
 * Decides where a statement ends without a terminator. T-SQL runs {@code DELETE FROM a} and
 * {@code DELETE FROM b WHERE id = 1} on consecutive lines as two statements; read as one, the second
 * statement's WHERE would hide the first statement's missing one. So in every dialect a DELETE, UPDATE,
 * INSERT, TRUNCATE or MERGE at parenthesis depth 0 starts a new statement unless the words around it show
 * it belongs to the current one ({@code ON DELETE CASCADE}, {@code GRANT UPDATE}, {@code FOR UPDATE},
 * {@code ON CONFLICT DO UPDATE}, a CTE's main verb, a trigger's event list, ...).
 *
 * <p>One instance follows one statement: feed it every token with {@link #accept} after asking
 * {@link #startsNewStatement}.
 */
final class ImplicitBoundary {

    /** Words after which a DML verb is always part of the current statement. */
    private static final Set<String> BINDING_WORDS = Set.of("DO", "INSTEAD", "ALSO", "ROW", "THEN", "ELSE",
            "EXPLAIN", "AS", "BULK", "ANALYZE", "VERBOSE", "VACUUM");

    /** Words after which a DML verb is part of the statement unless it is written as a full statement. */
    private static final Set<String> LIST_WORDS = Set.of("FOR", "BEFORE", "AFTER", "OF", "OR", "GRANT",
            "REVOKE", "DENY", "TO", "KEY", "COMMIT", "ROLLBACK", "AUDIT", "NOAUDIT", "ALL", "EACH");

    /** What may follow {@code ON DELETE} / {@code ON UPDATE} in a foreign key, a column or a rule. */
    private static final Set<String> ON_ACTION_WORDS = Set.of("CASCADE", "SET", "RESTRICT", "NO",
            "CURRENT_TIMESTAMP", "NOW", "LOCALTIMESTAMP", "LOCALTIME", "TO", "ON", "DO");

    /** Statements whose first DML verb is their own: {@code WITH .. DELETE}, {@code EXPLAIN UPDATE}. */
    private static final Set<String> HEAD_WORDS = Set.of("WITH", "EXPLAIN", "DESCRIBE", "DESC", "PREPARE", "IF",
            "WHILE");

    /** T-SQL statements that need no terminator and cannot continue a finished statement. */
    private static final Set<String> TSQL_STARTERS = Set.of("PRINT", "EXEC", "EXECUTE", "DECLARE", "RAISERROR",
            "THROW", "WAITFOR", "BREAK", "CONTINUE", "FETCH", "OPEN", "CLOSE", "DEALLOCATE", "COMMIT", "ROLLBACK");

    /** Objects a T-SQL DROP statement removes; ALTER TABLE .. DROP COLUMN and friends never name these. */
    private static final Set<String> DROPPED_OBJECTS = Set.of("TABLE", "VIEW", "PROCEDURE", "PROC", "FUNCTION",
            "TRIGGER", "SCHEMA", "DATABASE", "SEQUENCE", "SYNONYM", "USER", "ROLE", "LOGIN", "TYPE", "INDEX",
            "OWNED", "CLUSTER", "TEMPORARY", "PLUGGABLE", "MATERIALIZED");

    /** Words after which a following word is still part of the same clause, not a new statement. */
    private static final Set<String> CONTINUING_WORDS = Set.of("GRANT", "REVOKE", "DENY", "WITH", "ON", "TO",
            "AS", "FOR", "THEN", "ELSE", "AND", "OR", "NOT", "SELECT", "WHERE", "SET", "BY", "IS", "IN", "EACH",
            "ROW", "DO", "INSTEAD", "ALSO", "QUERY", "RETURN", "VALUES", "WHEN", "HAVING", "DEFAULT", "USING",
            "OPEN", "CURSOR", "EXISTS", "DECLARE", "LIKE", "BETWEEN", "CASE", "FROM", "JOIN", "INTO", "TABLE");

    /** T-SQL statements that hold no query outside parentheses. */
    private static final Set<String> QUERYLESS_STATEMENTS = Set.of("DROP", "TRUNCATE", "PRINT", "DECLARE", "SET");

    /** Words after which a SELECT continues a query: {@code .. UNION ALL SELECT}. */
    private static final Set<String> QUERY_JOINERS = Set.of("UNION", "EXCEPT", "INTERSECT", "MINUS", "ALL",
            "DISTINCT");

    /** Statements that name DROP of an object as a privilege or an audited action. */
    private static final Set<String> PRIVILEGE_LISTS = Set.of("GRANT", "REVOKE", "DENY", "AUDIT", "NOAUDIT");

    private final boolean routine;
    private final boolean tsql;
    /** True where only T-SQL is read: MySQL's CREATE TABLE t (..) SELECT .. fills the table it creates. */
    private final boolean tsqlOnly;
    private String firstWord;
    /** The word after the first one: TABLE in ALTER TABLE. */
    private String secondWord;
    /** The verb the statement runs: its first word, or the one after a WITH or IF head. */
    private String mainVerb;
    /** True once an UPDATE has passed its own SET, so a further SET can only start a statement. */
    private boolean updateSetSeen;
    private boolean headPending;
    private boolean merge;
    private boolean routineBodyPending;

    /**
     * @param routine true for a routine definition, whose first unlisted DML verb starts its body
     * @param tsql true where T-SQL's terminator-free statements may appear: IF, BEGIN, PRINT, EXEC, DECLARE
     *     .. after a finished statement start a new one too
     * @param tsqlOnly true where the statement is surely T-SQL (sqlserver), not MySQL read under auto: a SELECT
     *     on the line after a CREATE TABLE then starts a statement of its own
     */
    ImplicitBoundary(boolean routine, boolean tsql, boolean tsqlOnly) {
        this.routine = routine;
        this.tsql = tsql;
        this.tsqlOnly = tsqlOnly;
        this.routineBodyPending = routine;
    }

    /** True when the token at {@code index} (inside the statement, not its first token) begins a new one. */
    boolean startsNewStatement(List<Token> tokens, int index, int to, int parenDepth) {
        Token token = tokens.get(index);
        if (parenDepth > 0 || token.type() != TokenType.WORD || !BlockSyntax.isKeywordPosition(tokens, index)) {
            return false;
        }
        if (!BlockSyntax.DML_VERBS.contains(token.upper())) {
            boolean ended = !headPending && !routine && endsExpression(tokens.get(index - 1));
            if (ended && (startsRenameStatement(tokens, index, to) || startsAlterTableStatement(tokens, index, to)
                    || startsCreateTableStatement(tokens, index, to))) {
                return true;
            }
            if (tsql) {
                return !headPending && startsTsqlStatement(tokens, index, to);
            }
            return ended && startsDropStatement(tokens, index, to);
        }
        if (merge || token.isWord("MERGE") && !DmlVerbShapes.mergeTargetFollows(tokens, index, to)) {
            return false;
        }
        Token previous = tokens.get(index - 1);
        Token next = BlockSyntax.at(tokens, index + 1, to);
        if ("ALTER".equals(firstWord)
                && ClickHouseMutation.startsAt(tokens, index, to, ClickHouseMutation.ONE_TOKEN_COLUMN)) {
            return false;
        }
        if (token.isWord("DELETE") && (next == null || next.isSymbol(",") || BlockSyntax.isSemicolon(next))) {
            return false; // no DELETE statement ends at its verb: ClickHouse's TTL ts + INTERVAL 1 YEAR DELETE
        }
        if (next != null && (next.isSymbol("(") && token.isWord("UPDATE") || next.isSymbol(".")
                || next.isSymbol("=") || next.isSymbol(")"))) {
            return false;
        }
        if (next != null && next.isSymbol("(") && !DmlVerbShapes.deletesFromInlineView(tokens, index, to)) {
            // A call in an expression: a routine named delete (n := n + delete(a, b), PERFORM delete(a, b)),
            // MySQL's INSERT(s, 1, 2, 'x') and TRUNCATE(n, 2). No statement's verb is followed by "(" but
            // Oracle's DELETE (SELECT ..) WHERE .., which deletes through a query.
            return false;
        }
        if (next != null && next.isAnyWord("PARTITION", "PARTITIONS", "SUBPARTITION", "SUBPARTITIONS")) {
            return false; // ALTER TABLE t TRUNCATE PARTITION p / MERGE PARTITIONS (MySQL, Oracle)
        }
        if (next != null && next.isWord("TRIGGERS")) {
            return false; // Db2: TRUNCATE TABLE t IGNORE DELETE TRIGGERS / RESTRICT WHEN DELETE TRIGGERS
        }
        Token afterNext = BlockSyntax.at(tokens, index + 2, to);
        if (token.isWord("UPDATE") && next != null && (next.isWord("INDEXES")
                || next.isWord("GLOBAL") && afterNext != null && afterNext.isWord("INDEXES"))) {
            return false; // Oracle: ALTER TABLE t DROP PARTITION p UPDATE [GLOBAL] INDEXES keeps the indexes usable
        }
        if (headPending || previous.isSymbol(",")) {
            return false;
        }
        if (token.isWord("UPDATE") && !DmlVerbShapes.setFollows(tokens, index + 1, to)) {
            // Every UPDATE statement has a SET: an UPDATE with none before the statement ends is a word of the
            // statement around it (MySQL's ANALYZE TABLE t UPDATE HISTOGRAM, ALTER EXTENSION e UPDATE TO '2.0',
            // LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE, T-SQL's START UPDATE POPULATION).
            return false;
        }
        if (previous.isWord("OBJECTS") && next != null && next.isWord("FILES")) {
            return false; // H2 DROP ALL OBJECTS DELETE FILES
        }
        if (previous.type() == TokenType.WORD && BINDING_WORDS.contains(previous.upper())) {
            return false;
        }
        if (previous.isWord("ON") && next != null && (next.isSymbol(",") || next.type() == TokenType.WORD
                && ON_ACTION_WORDS.contains(next.upper()))) {
            return false; // ON UPDATE CASCADE ON DELETE SET NULL, ON UPDATE CURRENT_TIMESTAMP, ON DELETE TO t
        }
        if (previous.isWord("ON") && token.isWord("UPDATE") && "TABLE".equals(secondWord)
                && ("ALTER".equals(firstWord) || "CREATE".equals(firstWord))) {
            // A column's ON UPDATE takes any expression in H2 and MySQL (ADD c INT ON UPDATE 0), and H2 sets or
            // drops it alone: ALTER TABLE t ALTER COLUMN c SET ON UPDATE 'x' / DROP ON UPDATE. No ALTER TABLE or
            // CREATE TABLE ends with ON, so the UPDATE is never a statement of its own there.
            return false;
        }
        if (previous.isWord("ON") && next != null && StandIns.is(next)) {
            // Dynamic SQL that leaves a foreign key's action to a parameter: CONCAT(.. ' ON DELETE ', on_delete).
            return false;
        }
        boolean full = DmlVerbShapes.isWrittenAsFullStatement(tokens, index, to);
        if (routineBodyPending && !(previous.type() == TokenType.WORD && LIST_WORDS.contains(previous.upper()))
                && !previous.isWord("ON")) {
            return false;
        }
        if (full) {
            return true;
        }
        if (previous.type() == TokenType.WORD && LIST_WORDS.contains(previous.upper())) {
            return false;
        }
        if (previous.isWord("ON")) {
            return next != null && !(next.isSymbol(",") || next.type() == TokenType.WORD
                    && ON_ACTION_WORDS.contains(next.upper()));
        }
        return true;
    }

    private boolean startsTsqlStatement(List<Token> tokens, int index, int to) {
        Token token = tokens.get(index);
        Token previous = tokens.get(index - 1);
        Token next = BlockSyntax.at(tokens, index + 1, to);
        // SET NOCOUNT ON / SET XACT_ABORT OFF end with ON or OFF, which elsewhere continue a clause.
        boolean setOptionEnded = "SET".equals(firstWord) && previous.isAnyWord("ON", "OFF");
        if (!(endsExpression(previous) || setOptionEnded) || next == null || next.isSymbol(".")
                || next.isSymbol("=") || next.isSymbol(",") || next.isSymbol(")")) {
            return false;
        }
        if (token.isWord("IF")) {
            // DROP TABLE IF EXISTS t / CREATE TABLE IF NOT EXISTS t guard a DDL statement; IF(..) is a function.
            int afterNot = next.isWord("NOT") ? index + 2 : index + 1;
            Token exists = BlockSyntax.at(tokens, afterNot, to);
            boolean ddlGuard = exists != null && exists.isWord("EXISTS")
                    && !(BlockSyntax.at(tokens, afterNot + 1, to) != null && tokens.get(afterNot + 1).isSymbol("("));
            return !ddlGuard;
        }
        if (token.isWord("BEGIN")) {
            return !"CREATE".equals(firstWord) && !"ALTER".equals(firstWord) && !next.isWord("CATCH");
        }
        if (token.isAnyWord("EXEC", "EXECUTE") && next.isAnyWord("FUNCTION", "PROCEDURE", "IMMEDIATE", "AS")) {
            return false;
        }
        if (token.isWord("DROP")) {
            return startsDropStatement(tokens, index, to);
        }
        if (token.isAnyWord("ALTER", "CREATE")) {
            // ALTER TABLE t ALTER COLUMN c .. names no object after its second ALTER; GRANT ALTER ON .. no kind.
            return !routine && next.type() == TokenType.WORD && DROPPED_OBJECTS.contains(next.upper())
                    && !"GRANT".equals(firstWord) && !"REVOKE".equals(firstWord) && !"DENY".equals(firstWord);
        }
        if (token.isWord("FETCH")
                && (previous.isAnyWord("ROWS", "ROW") || DmlVerbShapes.limitsRows(tokens, index, to))) {
            return false;
        }
        if (token.isWord("SELECT")) {
            // DELETE, UPDATE and EXEC hold no query of their own outside parentheses: the SELECT after one is the
            // next statement (a WHERE that is no condition of the row change; SELECT @next = '..' after EXEC (@sql)).
            // So do DROP, TRUNCATE, PRINT, DECLARE, SET and CREATE or ALTER TABLE or INDEX: the backup a script makes
            // with SELECT * INTO t_backup FROM t after IF OBJECT_ID('t_backup') IS NOT NULL DROP TABLE t_backup.
            return (changesRows() || "EXEC".equals(firstWord) || "EXECUTE".equals(firstWord) || holdsNoQuery())
                    && !QUERY_JOINERS.contains(previous.upper());
        }
        if (token.isWord("SET")) {
            // SET @n = @@ROWCOUNT after a DELETE, or after an UPDATE that already has its SET list; SET @sql = ..
            // after EXEC sp_executesql @sql, whose arguments never hold a SET.
            return "DELETE".equals(mainVerb) || "UPDATE".equals(mainVerb) && updateSetSeen
                    || "EXEC".equals(firstWord) || "EXECUTE".equals(firstWord);
        }
        if (token.isWord("WHILE")) {
            // T-SQL: FETCH NEXT FROM c INTO @id, then WHILE @@FETCH_STATUS = 0 on the next line; MySQL's END WHILE
            // closes a loop instead.
            return !previous.isWord("END");
        }
        return TSQL_STARTERS.contains(token.upper());
    }

    /**
     * A DROP of a table, view, schema .. after a finished clause. Every dialect runs it as a statement of its
     * own, or rejects the script when the terminator before it is missing: no ALTER TABLE clause drops one of
     * these objects. Only privilege and audit lists, and ALTER statements that list an object's members
     * (PostgreSQL's ALTER EXTENSION e DROP TABLE t), hold a DROP of an object; MySQL's and Oracle's ALTER TABLE
     * also drop an index as a clause. No ALTER DATABASE drops one: T-SQL's {@code ALTER DATABASE d SET SINGLE_USER
     * WITH ROLLBACK IMMEDIATE} is followed by {@code DROP DATABASE d} without a terminator.
     */
    private boolean startsDropStatement(List<Token> tokens, int index, int to) {
        Token next = BlockSyntax.at(tokens, index + 1, to);
        Token named = BlockSyntax.at(tokens, index + 2, to);
        // A statement names what it drops; a list of actions does not (Oracle's AUDIT POLICY .. ACTIONS DROP TABLE,).
        if (!tokens.get(index).isWord("DROP") || next == null || next.type() != TokenType.WORD
                || !DROPPED_OBJECTS.contains(next.upper()) || PRIVILEGE_LISTS.contains(firstWord)
                || named == null || named.type() == TokenType.SYMBOL) {
            return false;
        }
        return !"ALTER".equals(firstWord) || "DATABASE".equals(secondWord)
                || "TABLE".equals(secondWord) && !next.isWord("INDEX");
    }

    /**
     * MySQL's and ClickHouse's {@code RENAME TABLE a TO b} and ClickHouse's {@code EXCHANGE TABLES a AND b} after a
     * finished clause: no other statement holds them (ALTER TABLE renames with {@code RENAME TO}, and exchanges
     * a {@code PARTITION}), so a script without the terminator before them runs them apart or not at all.
     */
    private boolean startsRenameStatement(List<Token> tokens, int index, int to) {
        Token next = BlockSyntax.at(tokens, index + 1, to);
        if (next == null || PRIVILEGE_LISTS.contains(firstWord)
                || !(tokens.get(index).isWord("RENAME") && next.isWord("TABLE")
                        || tokens.get(index).isWord("EXCHANGE") && next.isWord("TABLES"))) {
            return false;
        }
        // a TO b, db.a TO db.b; EXCHANGE TABLES a AND b
        return nameThenWord(tokens, index + 2, to, next.isWord("TABLE") ? "TO" : "AND");
    }

    /**
     * {@code ALTER TABLE t ADD ..} (or DROP, MODIFY, CHANGE, ALTER, RENAME) after a finished clause, as in a
     * script whose {@code ALTER TABLE a ADD c int COMMENT 'x'} lost its {@code ;}: no statement holds another
     * ALTER TABLE outside a routine body, so read as one the second table's change would be reported on the first.
     * Privilege and audit lists name {@code ALTER TABLE} without a table and a clause after it.
     */
    private boolean startsAlterTableStatement(List<Token> tokens, int index, int to) {
        Token next = BlockSyntax.at(tokens, index + 1, to);
        if (next == null || !tokens.get(index).isWord("ALTER") || !next.isWord("TABLE")
                || PRIVILEGE_LISTS.contains(firstWord) || "AUDIT".equals(secondWord)) {
            return false;
        }
        // t ADD, db.t ADD
        return nameThenWord(tokens, index + 2, to, "ADD", "DROP", "MODIFY", "CHANGE", "ALTER", "RENAME");
    }

    /**
     * {@code CREATE TABLE t (..)} or {@code CREATE TABLE t AS ..} after a finished clause, as after a runner's own
     * command that takes no terminator (an {@code execute java org.x.Step} line): read as one statement,
     * the table would be missing from the schema every later statement is judged against. A schema's elements
     * ({@code CREATE SCHEMA s CREATE TABLE t ..}) and privilege lists ({@code GRANT CREATE TABLE TO u}) stay whole.
     */
    private boolean startsCreateTableStatement(List<Token> tokens, int index, int to) {
        Token next = BlockSyntax.at(tokens, index + 1, to);
        if (next == null || !tokens.get(index).isWord("CREATE") || !next.isWord("TABLE")
                || PRIVILEGE_LISTS.contains(firstWord) || "SCHEMA".equals(secondWord)) {
            return false;
        }
        for (int i = index + 2; i < Math.min(to, index + 6); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") || token.isWord("AS")) {
                return i > index + 2;
            }
            if (!(token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME || token.isSymbol("."))) {
                return false;
            }
        }
        return false;
    }

    /**
     * True when a table's name starts at {@code from}, as one word or quoted name qualified by at most a database,
     * and one of {@code words} follows it.
     */
    private static boolean nameThenWord(List<Token> tokens, int from, int to, String... words) {
        for (int i = from; i < Math.min(to, from + 4); i++) {
            Token token = tokens.get(i);
            if (token.isAnyWord(words)) {
                return i > from;
            }
            if (!(token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME || token.isSymbol("."))) {
                return false;
            }
        }
        return false;
    }

    /**
     * True for a T-SQL statement that holds no query outside parentheses, so a SELECT after it is the next
     * statement: a cursor's query follows its FOR, which continues the DECLARE. Under auto a CREATE TABLE may be
     * MySQL's CREATE TABLE t SELECT .., whose query is its own.
     */
    private boolean holdsNoQuery() {
        return QUERYLESS_STATEMENTS.contains(firstWord) || "ALTER".equals(firstWord)
                && ("TABLE".equals(secondWord) || "INDEX".equals(secondWord))
                || "CREATE".equals(firstWord) && ("INDEX".equals(secondWord) || "TABLE".equals(secondWord) && tsqlOnly);
    }

    private boolean changesRows() {
        return "DELETE".equals(mainVerb) || "UPDATE".equals(mainVerb);
    }

    /** True for a token that can end an expression or a statement: a name, a literal, a closing parenthesis. */
    static boolean endsExpression(Token previous) {
        return switch (previous.type()) {
            case NUMBER, STRING, QUOTED_NAME, PLACEHOLDER -> true;
            case SYMBOL -> previous.isSymbol(")") || previous.isSymbol("*");
            case WORD -> !CONTINUING_WORDS.contains(previous.upper());
            default -> false;
        };
    }

    /** Records the token at {@code index} as part of the statement. */
    void accept(List<Token> tokens, int index, int parenDepth) {
        Token token = tokens.get(index);
        if (firstWord == null) {
            firstWord = token.upper();
            mainVerb = firstWord;
            headPending = HEAD_WORDS.contains(firstWord);
            merge = token.isWord("MERGE");
            return;
        }
        if (secondWord == null) {
            secondWord = token.upper();
        }
        if (parenDepth > 0 || token.type() != TokenType.WORD) {
            return;
        }
        if (headPending && isMainVerb(tokens, index)) {
            headPending = false;
            mainVerb = token.upper();
            merge = merge || token.isWord("MERGE");
        } else if (token.isWord("SET") && "UPDATE".equals(mainVerb)) {
            updateSetSeen = true;
        }
        if (routineBodyPending && BlockSyntax.DML_VERBS.contains(token.upper()) && index > 0) {
            Token previous = tokens.get(index - 1);
            if (!(previous.type() == TokenType.WORD && LIST_WORDS.contains(previous.upper()))
                    && !previous.isWord("ON") && !previous.isSymbol(",")) {
                routineBodyPending = false;
            }
        }
        if (routine && token.isAnyWord("BEGIN", "RETURN", "SELECT", "SET", "CALL", "EXECUTE")) {
            routineBodyPending = false;
        }
    }

    private boolean isMainVerb(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (firstWord.equals("IF") || firstWord.equals("WHILE")) {
            return BlockSyntax.isStatementStarter(tokens, index, tokens.size());
        }
        return token.isAnyWord("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE")
                && (index == 0 || !tokens.get(index - 1).isWord("FOR"));
    }
}
