package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * {@code drop-schema}: {@code DROP SCHEMA} (any list, {@code IF EXISTS}, {@code CASCADE}), PostgreSQL
 * {@code DROP OWNED BY role}, and Oracle {@code DROP USER u CASCADE}, which drops the user's schema with
 * every object in it. In MySQL and MariaDB {@code DROP SCHEMA} is a synonym of {@code DROP DATABASE}; it is
 * reported here under the keyword the script used.
 */
public final class DropSchemaRule extends DataLossRule {

    public static final String ID = "drop-schema";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "DROP SCHEMA or DROP OWNED BY removes every object in a schema",
            "Dropping a schema removes all its tables with their rows, and with CASCADE it does so without"
                    + " naming any of them. DROP OWNED BY does the same to everything a role owns.",
            "Drop the objects you mean one by one, or acknowledge the drop:"
                    + " -- sqlguard:allow drop-schema reason: <why>",
            List.of("DROP SCHEMA reporting;", "DROP OWNED BY legacy_app;"),
            List.of("CREATE SCHEMA reporting;", "DROP ROLE legacy_app;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        return DropStatement.of(core).map(drop -> {
            List<String> names = drop.names().isEmpty() ? List.of("?") : drop.names();
            return switch (drop.kind()) {
                case "SCHEMA" -> List.of(new Violation(drop.keywords() + " removes "
                        + counted("schema", "schemas", names) + " and every object in "
                        + (names.size() == 1 ? "it" : "them")));
                case "OWNED" -> List.of(new Violation(drop.keywords() + " removes every object owned by "
                        + ObjectNames.joined(names)));
                case "USER" -> drop.cascade()
                        ? List.of(new Violation("DROP USER .. CASCADE removes the schema of "
                                + counted("user", "users", names) + " and every object in it"))
                        : List.<Violation>of();
                default -> List.<Violation>of();
            };
        }).orElse(List.of());
    }
}
