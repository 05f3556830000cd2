package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Classifies a statement by its leading words, as the database does: the first word decides, so the
 * {@code DELETE} of {@code ON DELETE SET NULL}, {@code BEFORE UPDATE ON t}, {@code GRANT DELETE},
 * {@code ON COMMIT DELETE ROWS}, {@code FOR UPDATE} or {@code DESCRIBE DELETE ..} never makes a statement DML.
 */
final class StatementKinds {

    private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT");
    private static final Set<String> QUERY = Set.of("SELECT", "VALUES", "TABLE", "SHOW", "DESCRIBE", "DESC",
            "EXPLAIN", "PRAGMA", "FETCH");
    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT",
            "VACUUM", "REINDEX", "CLUSTER", "REFRESH", "SP_RENAME", "ANALYZE", "OPTIMIZE", "IMPORT", "SECURITY");
    private static final Set<String> ACCESS_CONTROL = Set.of("GRANT", "REVOKE", "DENY");
    private static final Set<String> CLIENT_COMMANDS = Set.of("SET", "USE", "PRINT", "COMMIT", "ROLLBACK",
            "SAVEPOINT", "RELEASE", "START", "LOCK", "UNLOCK", "CHECKPOINT", "DELIMITER", "SOURCE", "CONNECT",
            "RAISERROR", "THROW", "WAITFOR", "DECLARE", "RESET", "LISTEN", "NOTIFY", "DISCARD", "END", "LOAD",
            "ABORT", "OPEN", "CLOSE", "DEALLOCATE", "PREPARE");
    private static final Set<String> CONTROL_FLOW = Set.of("IF", "WHILE", "CALL", "EXEC", "EXECUTE", "PERFORM",
            "BEGIN", "DO", "FOR", "LOOP", "RETURN");
    private static final String[] ROUTINE_WORDS = {"FUNCTION", "PROCEDURE", "PROC", "TRIGGER", "EVENT",
        "PACKAGE", "RULE", "TYPE"};

    private StatementKinds() {
    }

    static StatementKind of(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty()) {
            return StatementKind.OTHER;
        }
        String first = tokens.get(0).upper();
        if (statement.container()) {
            // H2's CREATE ALIAS wraps the SQL its Java source sends, a routine called by its name.
            return definesRoutine(tokens) || tokens.size() > 1 && tokens.get(1).isAnyWord("ALIAS", "FORCE")
                    ? StatementKind.ROUTINE : StatementKind.BLOCK;
        }
        if (first.equals("WITH")) {
            StatementTokens structure = new StatementTokens(tokens);
            return structure.isWord(structure.bodyStart(), DML.toArray(String[]::new)) ? StatementKind.DML
                    : StatementKind.QUERY;
        }
        if (isUpdateStatistics(tokens)) {
            return StatementKind.DDL;
        }
        if (DML.contains(first)) {
            return StatementKind.DML;
        }
        if (QUERY.contains(first)) {
            return StatementKind.QUERY;
        }
        if (first.equals("CREATE") || first.equals("ALTER")) {
            return definesRoutine(tokens) ? StatementKind.ROUTINE : StatementKind.DDL;
        }
        if (DDL.contains(first)) {
            return StatementKind.DDL;
        }
        if (ACCESS_CONTROL.contains(first)) {
            return StatementKind.ACCESS_CONTROL;
        }
        if (first.equals("DECLARE") && tokens.size() > 1 && tokens.get(1).isWord("GLOBAL")) {
            return StatementKind.DDL; // DB2: DECLARE GLOBAL TEMPORARY TABLE
        }
        if (first.equals("BEGIN") && (tokens.size() == 1 || tokens.get(1).isAnyWord("TRAN", "TRANSACTION", "WORK"))) {
            return StatementKind.CLIENT_COMMAND;
        }
        if (CLIENT_COMMANDS.contains(first) || isBackslashCommand(tokens)) {
            return StatementKind.CLIENT_COMMAND;
        }
        return CONTROL_FLOW.contains(first) ? StatementKind.CONTROL_FLOW : StatementKind.OTHER;
    }

    /**
     * A client's backslash command, a backslash glued to a word (psql's {@code \qecho}, {@code \set}, ..): the
     * client reads the rest of the line itself, so {@code \echo DELETE FROM t;} prints the words and changes no row.
     */
    private static boolean isBackslashCommand(List<Token> tokens) {
        return tokens.size() >= 2 && tokens.get(0).isSymbol("\\") && tokens.get(1).type() == TokenType.WORD
                && tokens.get(1).offset() == tokens.get(0).endOffset();
    }

    /**
     * T-SQL {@code UPDATE STATISTICS t [index] [WITH ..]}, Sybase's {@code UPDATE INDEX|ALL|TABLE STATISTICS t} and
     * Informix's {@code UPDATE STATISTICS [HIGH] [FOR TABLE t]} (or alone, for every table) refresh the optimizer's
     * statistics; an UPDATE of a table called statistics has a SET.
     */
    private static boolean isUpdateStatistics(List<Token> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).isWord("UPDATE")) {
            return false;
        }
        int statistics = tokens.get(1).isAnyWord("INDEX", "ALL", "TABLE") ? 2 : 1;
        if (statistics >= tokens.size() || !tokens.get(statistics).isWord("STATISTICS")) {
            return false;
        }
        for (Token token : tokens) {
            if (token.isWord("SET")) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the statement may change rows itself: DML, a query whose CTE or {@code EXPLAIN ANALYZE} runs
     * DML, T-SQL control flow around DML, and whatever is not recognised (fail closed).
     */
    static boolean mayChangeRows(StatementKind kind, Statement statement) {
        return switch (kind) {
            case DML, CONTROL_FLOW, OTHER -> true;
            case QUERY -> {
                StatementTokens structure = new StatementTokens(statement.tokens());
                yield (structure.isWord(0, "WITH") || structure.isWord(0, "EXPLAIN"))
                        && structure.bodyStart() < structure.size();
            }
            default -> false;
        };
    }

    /** {@code CREATE [OR REPLACE | OR ALTER] [DEFINER = ..] FUNCTION/PROCEDURE/TRIGGER/..} and the ALTER forms. */
    private static boolean definesRoutine(List<Token> tokens) {
        if (!tokens.get(0).isAnyWord("CREATE", "ALTER")) {
            return false;
        }
        for (int i = 1; i < Math.min(tokens.size(), 12); i++) {
            Token token = tokens.get(i);
            if (token.isAnyWord(ROUTINE_WORDS)) {
                return !token.isWord("TYPE") || i + 1 < tokens.size() && tokens.get(i + 1).isWord("BODY");
            }
            if (token.isSymbol("(") || token.isAnyWord("TABLE", "INDEX", "VIEW", "AS", "ON", "SCHEMA")) {
                return false;
            }
        }
        return false;
    }
}
