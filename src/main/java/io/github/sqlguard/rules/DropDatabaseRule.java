package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code drop-database}: {@code DROP DATABASE [IF EXISTS] d [, e]} in every dialect, Oracle's bare
 * {@code DROP DATABASE}, {@code DROP PLUGGABLE DATABASE}, H2's {@code DROP ALL OBJECTS}, which empties the
 * database it runs in, and SQL Server's and Db2's {@code RESTORE DATABASE d FROM ..} and SAP ASE's {@code LOAD
 * DATABASE d FROM ..}, which replace every table of d with a backup's. JSqlParser 5.3 parses none of them; the rule
 * reads tokens.
 */
public final class DropDatabaseRule extends ClauseRule {

    public static final String ID = "drop-database";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "DROP DATABASE removes a whole database",
            "Dropping a database removes every schema, table and row in it at once. A migration has no"
                    + " business doing that to a database the application uses. H2's DROP ALL OBJECTS does the"
                    + " same to the database the migration runs in, and RESTORE DATABASE d FROM .. (SQL Server, Db2)"
                    + " or LOAD DATABASE d FROM .. (SAP ASE, Sybase) overwrites every table of d with a backup's"
                    + " content, losing what was written since.",
            "Drop or restore databases by hand or in provisioning code, not in a migration, or acknowledge it:"
                    + " -- sqlguard:allow drop-database reason: <why>",
            List.of("DROP DATABASE shop;", "DROP DATABASE IF EXISTS shop_archive;", "DROP ALL OBJECTS;",
                    "RESTORE DATABASE shop FROM DISK = N'shop.bak' WITH REPLACE;",
                    "LOAD DATABASE shop FROM '/backups/shop.dmp';"),
            List.of("CREATE DATABASE shop_archive;", "ALTER DATABASE shop SET timezone TO 'UTC';",
                    "RESTORE VERIFYONLY FROM DISK = N'shop.bak';"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DROPPED_DATABASE, ClauseKind.DROPPED_ALL_OBJECTS, ClauseKind.RESTORED_DATABASE);
    }

    @Override
    String message(List<DestructiveClause> group) {
        if (group.get(0).kind() == ClauseKind.DROPPED_ALL_OBJECTS) {
            return "DROP ALL OBJECTS removes every schema, table, view and sequence of the database and all their"
                    + " rows";
        }
        List<String> names = names(group);
        if (group.get(0).kind() == ClauseKind.RESTORED_DATABASE) {
            DestructiveClause restore = group.get(0);
            return restore.words() + " overwrites " + (names.isEmpty() ? "the database" : "database " + names.get(0))
                    + " and every table in it with the " + (restore.detail() == null ? "backup" : restore.detail())
                    + "'s content";
        }
        return group.get(0).words() + " removes "
                + (names.isEmpty() ? "the database" : counted("database", "databases", names))
                + " and all " + (names.size() > 1 ? "their" : "its") + " data";
    }
}
