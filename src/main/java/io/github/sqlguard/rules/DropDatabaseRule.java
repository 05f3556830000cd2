package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * {@code drop-database}: {@code DROP DATABASE [IF EXISTS] d [, e]} in every dialect, Oracle's bare
 * {@code DROP DATABASE} and {@code DROP PLUGGABLE DATABASE}. JSqlParser 5.3 does not parse it; the rule
 * reads tokens.
 */
public final class DropDatabaseRule extends DataLossRule {

    public static final String ID = "drop-database";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "DROP DATABASE removes a whole database",
            "Dropping a database removes every schema, table and row in it at once. A migration has no"
                    + " business doing that to a database the application uses.",
            "Drop databases by hand or in provisioning code, not in a migration, or acknowledge it:"
                    + " -- sqlguard:allow drop-database reason: <why>",
            List.of("DROP DATABASE shop;", "DROP DATABASE IF EXISTS shop_archive;"),
            List.of("CREATE DATABASE shop_archive;", "ALTER DATABASE shop SET timezone TO 'UTC';"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        return DropStatement.of(core)
                .filter(drop -> drop.kind().equals("DATABASE"))
                .map(drop -> List.of(new Violation(drop.keywords() + " removes "
                        + (drop.names().isEmpty() ? "the database" : counted("database", "databases", drop.names()))
                        + " and all " + (drop.names().size() > 1 ? "their" : "its") + " data")))
                .orElse(List.of());
    }
}
