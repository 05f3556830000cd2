package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code drop-schema}: {@code DROP SCHEMA} (any list, {@code IF EXISTS}, {@code CASCADE}; in PostgreSQL, SQL
 * Server and H2 only with {@code CASCADE}, since without it they refuse to drop a schema that holds anything, and never
 * with {@code RESTRICT}, which makes every database refuse it), PostgreSQL
 * {@code DROP OWNED BY role}, and Oracle {@code DROP USER u CASCADE}, which drops the user's schema with
 * every object in it, and Oracle {@code DROP TABLESPACE .. INCLUDING CONTENTS}, which drops every table stored
 * in the tablespace, as Db2's {@code DROP TABLESPACE} does unasked (in auto). In MySQL and MariaDB {@code DROP SCHEMA} is a synonym of {@code DROP DATABASE}; it is
 * reported here under the keyword the script used.
 */
public final class DropSchemaRule extends ClauseRule {

    public static final String ID = "drop-schema";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "DROP SCHEMA or DROP OWNED BY removes every object in a schema",
            "Dropping a schema removes all its tables with their rows, and with CASCADE it does so without"
                    + " naming any of them. DROP OWNED BY does the same to everything a role owns. PostgreSQL,"
                    + " SQL Server and H2 refuse to drop a schema that still holds an object unless CASCADE says so, so"
                    + " there only a DROP SCHEMA with CASCADE is reported, and so does every database told RESTRICT"
                    + " (DROP SCHEMA s RESTRICT, as Db2 and Derby require it); MySQL's DROP SCHEMA is DROP DATABASE.",
            "Drop the objects you mean one by one, or acknowledge the drop:"
                    + " -- sqlguard:allow drop-schema reason: <why>",
            List.of("DROP SCHEMA reporting;", "DROP OWNED BY legacy_app;", "CREATE OR REPLACE SCHEMA reporting;",
                    "DROP TABLESPACE app_data INCLUDING CONTENTS AND DATAFILES;"),
            List.of("CREATE SCHEMA reporting;", "DROP ROLE legacy_app;", "DROP SCHEMA reporting RESTRICT;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DROPPED_SCHEMA, ClauseKind.DROPPED_OWNED_OBJECTS, ClauseKind.DROPPED_USER_SCHEMA,
                ClauseKind.DROPPED_TABLESPACE_CONTENTS);
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        List<String> names = names(group);
        return switch (first.kind()) {
            case DROPPED_OWNED_OBJECTS -> first.words() + " removes every object owned by " + String.join(", ", names);
            case DROPPED_USER_SCHEMA -> "DROP USER .. CASCADE removes the schema of "
                    + counted("user", "users", names) + " and every object in it";
            case DROPPED_TABLESPACE_CONTENTS -> first.words() + " " + first.name()
                    + (first.detail() == null ? "" : " " + first.detail())
                    + " removes every table stored in the tablespace and all their rows" + (first.detail() == null
                            ? " in Db2 (Oracle, PostgreSQL and MySQL refuse to drop a tablespace that holds a table)" : "");
            default -> first.words() + " removes " + counted("schema", "schemas", names) + " and every object in "
                    + itOrThem(names) + (first.detail() == null ? "" : " where it means DROP DATABASE (MySQL, MariaDB);"
                            + " PostgreSQL, SQL Server and H2 refuse to drop a schema that holds anything, so set"
                            + " the dialect if the scripts run on one of those");
        };
    }
}
