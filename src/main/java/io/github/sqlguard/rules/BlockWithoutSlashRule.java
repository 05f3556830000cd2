package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Makes visible that a statement follows an Oracle PL/SQL block or unit without the {@code /} line that ends
 * it, so the statement is sent as part of the block: sqlguard checks it as a statement of the block. Oracle rejects
 * an anonymous block so written; a stored unit it keeps with compilation errors and returns only a warning, which
 * Flyway, Liquibase and SQL*Plus pass, so the script counts as run although the statements after the END never ran.
 */
public final class BlockWithoutSlashRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo(
            "block-without-slash",
            Severity.WARNING,
            "A statement follows the END of a PL/SQL block that no / line ended",
            "SQL*Plus, SQLcl and Flyway send an anonymous PL/SQL block, or a CREATE PROCEDURE, FUNCTION, PACKAGE, "
                    + "TRIGGER or TYPE BODY, only when a line holding / ends it. Without that line the statements "
                    + "after its END travel with the block. Oracle rejects an anonymous block so written (PLS-00103); "
                    + "a stored unit it keeps with compilation errors and returns only a warning, which Flyway, "
                    + "Liquibase and SQL*Plus pass, so the script counts as run while the unit is invalid and the "
                    + "statements after its END never ran. Either way they do not run as written, and once someone adds the missing / "
                    + "they do. "
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
        int line = statement.start().line();
        String consequence = statement.storedPlsqlUnit().map(unit -> keptWithErrors(unit, line))
                .orElse("the PL/SQL block that starts at line " + line + ", so this statement is"
                        + " sent to Oracle as part of that block, which Oracle rejects");
        return statement.statementAfterBlockEnd()
                .map(at -> List.of(new Violation("No / line ends " + consequence + "; " + fix, at)))
                .orElse(List.of());
    }

    /**
     * What becomes of a stored unit ({@code TRIGGER}) sent with a statement after its END: Oracle keeps it, invalid,
     * and the clients go on as if it compiled.
     */
    private static String keptWithErrors(String unit, int line) {
        String name = unit.toLowerCase(Locale.ROOT);
        return "the CREATE " + unit + " that starts at line " + line + ", so this statement is sent to Oracle as part"
                + " of the " + name + "'s source: Oracle stores the " + name + " with compilation errors and returns"
                + " only a warning, so the script counts as run, but this statement and those after it in the block"
                + " never run";
    }
}
