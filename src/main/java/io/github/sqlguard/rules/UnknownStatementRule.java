package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;

/**
 * Makes visible a destructive statement that sqlguard read as part of a statement it does not know, so that it
 * was not checked (fail closed: a missing terminator or an unknown client command must not hide a DROP).
 */
public final class UnknownStatementRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo(
            "unknown-statement",
            Severity.WARNING,
            "A destructive statement starts a line inside a statement sqlguard does not know",
            "sqlguard reads a script statement by statement. When a statement starts with a word that is no SQL "
                    + "statement it knows (a client command of another runner, a typo) or is a client command, and a "
                    + "later line of it starts a DROP TABLE, DELETE, TRUNCATE, UPDATE .. SET, ALTER TABLE or MERGE, "
                    + "the two were probably meant as separate statements: a terminator is missing, or the runner "
                    + "ends the first at its line. The second may then run, and sqlguard did not check it.",
            "End the statement before that line with the script's terminator (or make the first line a comment), "
                    + "or acknowledge it: -- sqlguard:allow unknown-statement reason: <why>",
            List.of("frobnicate on\nDROP TABLE customers;"),
            List.of("DBCC CHECKDB;\nCREATE TABLE customers (id int);"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        return statement.destructiveLineInUnknownStatement()
                .map(at -> List.of(new Violation("The statement at line " + statement.start().line() + " starts with "
                        + statement.statement().firstToken().text() + ", which sqlguard does not check, and line "
                        + at.line() + " starts a destructive statement inside it: if that is a statement of its own "
                        + "(a missing terminator, or a command its runner ends at the line), it was not checked"
                        + oracleScriptHint(statement), at)))
                .orElse(List.of());
    }

    /**
     * A line holding only {@code /} is how SQL*Plus and Flyway end an Oracle PL/SQL block; elsewhere it starts an
     * unknown statement, usually because a script written for Oracle is read in another dialect.
     */
    private static String oracleScriptHint(StatementModel statement) {
        return statement.statement().dialect() != Dialect.ORACLE && statement.statement().firstToken().isSymbol("/")
                ? "; a line holding only / ends a PL/SQL block in Oracle: if the script is written for Oracle, read it"
                        + " in the oracle dialect (a folder named oracle/, or <dialect>oracle</dialect>)"
                : "";
    }
}
