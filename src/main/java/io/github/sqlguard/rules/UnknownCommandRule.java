package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementKind;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reports a statement of the migration whose first word is no statement sqlguard knows, so that it was not checked:
 * fail closed, as a misspelt {@code DELET FROM customers} or a database's own command must not pass unseen.
 */
public final class UnknownCommandRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo(
            "unknown-command",
            Severity.WARNING,
            "A statement starts with a word that is no statement sqlguard knows, so it was not checked",
            "sqlguard judges a statement by what its first words make it. A statement that starts with any other "
                    + "word (a misspelt DELET FROM customers, a vendor command) was read but not checked. A typo "
                    + "makes the database reject the migration; a command of the database that changes data does so "
                    + "without anybody having looked at it. The administrative commands of the supported databases "
                    + "that change no rows (DBCC, CHECK TABLE, FLUSH, KILL, ..) are known and pass.",
            "Correct the statement if it is misspelt; if it is a command of your database, check what it does and "
                    + "acknowledge it: -- sqlguard:allow unknown-command reason: <why>",
            List.of("DELET FROM customers;"),
            List.of("DELETE FROM customers WHERE id = 7;\nDBCC CHECKDB;"));

    /**
     * Commands of the supported databases, and of those read under auto, that change no rows or are judged by other
     * rules ({@code RESTORE DATABASE}: drop-database), besides the statements {@link StatementKind} knows.
     */
    private static final Set<String> HARMLESS = Set.of("DBCC", "CHECK", "REPAIR", "CHECKSUM", "FLUSH", "HELP",
            "KILL", "PURGE", "RECONFIGURE", "SAVE", "UNLISTEN", "ANALYSE", "SIGNAL", "RESIGNAL", "GET",
            "BULK", "COPY", "BACKUP", "RESTORE", "INSTALL", "UNINSTALL", "CACHE", "SHUTDOWN", "ATTACH", "DETACH",
            "AUDIT", "NOAUDIT", "ASSOCIATE", "DISASSOCIATE", "DISABLE", "ENABLE", "GO", "GOTO", "REPEAT", "UNTIL",
            "ELSEIF", "ELSIF", "ELSE", "ITERATE", "LEAVE", "SYSTEM", "EXCHANGE", "REORG", "RUNSTATS", "SPOOL",
            "PROMPT", "REM", "REMARK", "DEFINE", "UNDEFINE", "VARIABLE", "VAR", "WHENEVER", "EXIT", "QUIT", "HOST",
            "ACCEPT", "PAUSE", "COLUMN", "TTITLE", "BTITLE", "BREAK", "COMPUTE", "CLEAR", "STORE", "TIMING",
            "RAISE", "NULL", "FLASHBACK", "LABEL", "RUNSCRIPT", "RUN", "CONTINUE",
            // ownership, cursors, replication and transactions: REASSIGN OWNED BY, MOVE NEXT, CHANGE REPLICATION
            // SOURCE, HANDLER t READ, STOP REPLICA, RESTART, XA START, REVERT, SETUSER, H2's SCRIPT TO (an export)
            "REASSIGN", "MOVE", "CHANGE", "HANDLER", "STOP", "RESTART", "XA", "REVERT", "SETUSER", "SCRIPT",
            // SQL*Plus's connection and display commands, and the short forms it accepts (COL for COLUMN, ..)
            "CONN", "DISC", "DISCONNECT", "PASSWORD", "STARTUP", "COL", "DEF", "PRO", "SHO");

    /**
     * The first characters of what a client or preprocessor reads before the database does (SQL*Plus's {@code @file},
     * {@code #include}, sqlcmd's {@code $(var)}, psql's {@code \i}, {@code &var}): the rules for those judge them.
     */
    private static final String CLIENT_SIGILS = "@#$&\\:";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        if (statement.kind() != StatementKind.OTHER || statement.statement().tokens().isEmpty()) {
            return List.of();
        }
        Token first = statement.statement().firstToken();
        if (statement.statement().container()
                || statement.statement().context().kind() != StatementContext.Kind.SCRIPT
                || first.type() != TokenType.WORD || statement.statement().runtimeSql()
                || CLIENT_SIGILS.indexOf(first.text().charAt(0)) >= 0
                || HARMLESS.contains(first.text().toUpperCase(Locale.ROOT)) || isLabel(statement)
                // judged by other rules: what it destroys (RECREATE TABLE), the script it runs, a statement within
                || !statement.clauses().isEmpty() || !statement.rowChanges().isEmpty()
                || statement.destructiveLineInUnknownStatement().isPresent()) {
            return List.of();
        }
        return List.of(new Violation("The statement starts with " + first.text() + ", which is no statement "
                + "sqlguard knows, so it was not checked: a misspelt statement makes the database reject the "
                + "migration, and a command of the database that changes data runs unseen", statement.start()));
    }

    /** A label such as {@code outer_loop:} before a loop, which names the statement that follows it. */
    private static boolean isLabel(StatementModel statement) {
        List<Token> tokens = statement.statement().tokens();
        return tokens.size() > 1 && tokens.get(1).isSymbol(":");
    }
}
