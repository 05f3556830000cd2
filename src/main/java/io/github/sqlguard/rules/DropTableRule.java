package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code drop-table}: {@code DROP TABLE} of any list of tables, with {@code IF EXISTS}, {@code PURGE},
 * {@code CASCADE [CONSTRAINTS]}, T-SQL {@code [dbo].[x]} and T-SQL's {@code IF .. DROP TABLE} guard, and
 * {@code CREATE OR REPLACE [TRANSIENT] TABLE} (MariaDB, MySQL, Snowflake, ClickHouse) and Firebird's
 * {@code RECREATE TABLE}, which drop the existing table first, and SQLite's {@code DELETE FROM sqlite_master} (under
 * {@code PRAGMA writable_schema}), which removes tables behind the engine's back, and dynamic SQL that drops an
 * object whose kind only the running database knows ({@code 'DROP ' || object_type || ..}), which may be a table, and
 * Oracle XML DB's {@code DBMS_XMLSCHEMA.deleteSchema(url, DELETE_CASCADE_FORCE)}, which drops the tables the schema's
 * registration generated with the documents stored in them, and PostgreSQL's {@code DROP EXTENSION} of an extension
 * that keeps its users' rows in tables it owns ({@code pg_cron}'s jobs). Not
 * reported: tables the same script created earlier, temporary tables ({@code DROP TEMPORARY TABLE},
 * {@code #temp}), external or foreign tables, whose data lives outside the database and stays, and names the
 * replay knows as views that keep no rows of their own or as sequences (MariaDB drops those with DROP TABLE), and
 * Liquibase's lock table {@code DATABASECHANGELOGLOCK}, which holds no data.
 */
public final class DropTableRule extends ClauseRule {

    public static final String ID = "drop-table";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "DROP TABLE removes a table and all its rows",
            "Dropping a table deletes its data together with its definition, and only a backup restore brings"
                    + " it back. Code still deployed during the migration also fails on the missing table. SQLite's"
                    + " DELETE FROM sqlite_master, run under PRAGMA writable_schema, removes tables the same way, and"
                    + " so does Oracle XML DB's DBMS_XMLSCHEMA.deleteSchema(.., DELETE_CASCADE_FORCE) to the tables"
                    + " the schema's registration generated, and PostgreSQL's DROP EXTENSION to the tables the"
                    + " extension keeps its users' rows in (pg_cron's scheduled jobs, pgsodium's keys, the vault's"
                    + " secrets).",
            "Keep the table until no release uses it and its data is archived, then acknowledge the drop:"
                    + " -- sqlguard:allow drop-table reason: <why>",
            List.of("DROP TABLE orders;", "DROP TABLE IF EXISTS [dbo].[orders], [dbo].[order_lines];",
                    "IF OBJECT_ID('dbo.orders', 'U') IS NOT NULL DROP TABLE dbo.orders;",
                    "CREATE OR REPLACE TABLE orders (id INT);", "RECREATE TABLE orders (id INTEGER);"),
            List.of("CREATE TABLE tmp_orders (id INT);\nDROP TABLE tmp_orders;",
                    "CREATE TEMPORARY TABLE staging (id INT);\nDROP TABLE staging;",
                    "DROP TABLE #staging;", "DROP VIEW order_summary;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DROPPED_TABLE, ClauseKind.DROPPED_CLUSTER_TABLES,
                ClauseKind.DROPPED_XML_SCHEMA_TABLES, ClauseKind.DROPPED_EXTENSION_TABLES);
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        List<String> names = names(group);
        if (first.kind() == ClauseKind.DROPPED_CLUSTER_TABLES) {
            return "DROP CLUSTER " + first.name() + " INCLUDING TABLES removes every table in the cluster and all"
                    + " their rows";
        }
        if (first.kind() == ClauseKind.DROPPED_EXTENSION_TABLES) {
            return String.join("; ", group.stream().map(DropTableRule::extensionTables).toList());
        }
        if (first.kind() == ClauseKind.DROPPED_XML_SCHEMA_TABLES) {
            return first.words() + " removes the tables that registering "
                    + (first.name() == null ? "the XML schema " : "XML schema " + first.name() + " ")
                    + "generated, with every document stored in them; DELETE_CASCADE would refuse while one is stored";
        }
        if (first.words().startsWith("CREATE") || first.words().startsWith("RECREATE")) {
            return first.words() + " drops the existing table " + first.name() + " and all its rows";
        }
        if (first.words().startsWith("DELETE")) {
            return first.words() + (names.isEmpty() ? " removes the schema entries of the tables its WHERE selects"
                    : " removes the schema entry of " + counted("table", "tables", names))
                    + ": SQLite no longer knows " + (names.size() == 1 ? "it" : "them") + ", and every row is lost";
        }
        if (DestructiveClause.RUN_TIME_KIND.equals(first.detail())) {
            return first.words() + " drops an object whose kind only the running database knows: where it is a"
                    + " table, all its rows are lost";
        }
        if (names.isEmpty()) {
            return first.words() + " removes a table and all its rows";
        }
        return first.words() + " removes " + counted("table", "tables", names)
                + (names.size() == 1 ? " and all its rows" : " and all their rows");
    }

    /** {@code DROP EXTENSION pg_cron removes its tables cron.job, cron.job_run_details and every row in them}. */
    private static String extensionTables(DestructiveClause clause) {
        boolean one = !clause.detail().contains(",");
        return clause.words() + " " + clause.name() + " removes its " + (one ? "table " : "tables ") + clause.detail()
                + (one ? " and every row in it" : " and every row in them");
    }

    /**
     * A name the replay knows as a view that keeps no rows of its own (ClickHouse drops views, also its
     * materialized views that write {@code TO} a table, with {@code DROP TABLE}): its rows live on elsewhere.
     */
    @Override
    boolean losesNothing(DestructiveClause clause, SchemaFacts schema) {
        return clause.kind() == ClauseKind.DROPPED_TABLE && clause.words().startsWith("DROP") && clause.name() != null
                && (schema.before().keepsNoRows(clause.name()) || isLiquibaseLockTable(clause.name()));
    }

    /**
     * Liquibase's lock table, which a project moving to another tool drops: it holds only the lock of an update that
     * is running, and Liquibase creates it again when it runs. Its run history, DATABASECHANGELOG, is not this.
     */
    private static boolean isLiquibaseLockTable(String name) {
        return ObjectNames.normalize(ObjectNames.lastPart(name)).equals("databasechangeloglock");
    }

    /**
     * A global temporary table (Oracle, Db2, SQL Server's {@code ##}) the replay knows holds rows for one session
     * only: dropping it loses no data, but the definition the application's code uses, so it is still reported.
     */
    @Override
    Optional<String> message(List<DestructiveClause> group, StatementModel statement, SchemaFacts schema) {
        DestructiveClause first = group.get(0);
        List<String> names = names(group);
        if (first.kind() != ClauseKind.DROPPED_TABLE || !first.words().startsWith("DROP")
                || !RowChangeRule.sessionRowsOnly(names, schema)) {
            return Optional.of(message(group));
        }
        boolean one = names.size() == 1;
        return Optional.of(first.words() + " removes " + counted("global temporary table", "global temporary tables",
                names) + ": " + (one ? "its" : "their") + " rows last only for a session, but the code that uses "
                + (one ? "it" : "them") + " fails once " + (one ? "it is" : "they are") + " gone");
    }
}
