package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;

/**
 * Makes visible that a statement follows an Oracle PL/SQL block or unit without the {@code /} line that ends
 * it, so the statement is sent as part of the block: sqlguard checks it as a statement of the block, and Oracle
 * rejects the whole text (fail closed: the user learns why the script will not run as written).
 */
public final class BlockWithoutSlashRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo(
            "block-without-slash",
            Severity.WARNING,
            "A statement follows the END of a PL/SQL block that no / line ended",
            "SQL*Plus, SQLcl and Flyway send an anonymous PL/SQL block, or a CREATE PROCEDURE, FUNCTION, PACKAGE, "
                    + "TRIGGER or TYPE BODY, only when a line holding / ends it. Without that line the statements "
                    + "after its END travel with the block: Oracle rejects the whole text (PLS-00103), so the block "
                    + "and the statements never run as written, and once someone adds the missing / they do. "
                    + "sqlguard checks them as statements of the block (oracle dialect).",
            "Put a line holding only / after the block's END; (in a Liquibase change, move the statements after "
                    + "the END into a change of their own, or end the block with a / line and give the change "
                    + "endDelimiter=\"/\").",
            List.of("BEGIN\n  DELETE FROM audit_log WHERE id = 1;\nEND;\nDROP VIEW audit_view;\n"),
            List.of("BEGIN\n  DELETE FROM audit_log WHERE id = 1;\nEND;\n/\nDROP VIEW audit_view;\n"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        // Liquibase cuts a change's SQL at a / line only when it splits statements (splitStatements="false" sends
        // the / along), and its default ; cut would break the block apart: a / line alone is no fix there.
        boolean liquibase = statement.statement().context().label().startsWith("changeset ");
        String fix = liquibase ? "move the statement into a change of its own, or end the block with a line holding "
                + "only / and give the change endDelimiter=\"/\" (without splitStatements=\"false\")"
                : "put a line holding only / after the block's END;";
        return statement.statementAfterBlockEnd()
                .map(at -> List.of(new Violation("No / line ends the PL/SQL block that starts at line "
                        + statement.start().line() + ", so this statement is sent to Oracle as part of that block, "
                        + "which Oracle rejects; " + fix, at)))
                .orElse(List.of());
    }
}
