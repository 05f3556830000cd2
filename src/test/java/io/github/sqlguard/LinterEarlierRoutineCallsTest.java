package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration that calls a procedure or function an earlier migration created runs its body: what the body
 * destroys is an error at the call, while the body itself, which runs only when called, stays information.
 */
class LinterEarlierRoutineCallsTest {

    private static final String PURGE_FUNCTION = """
            CREATE OR REPLACE FUNCTION purge_customers() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM customers;
            END;
            $$;
            """;

    @TempDir
    Path project;

    @Test
    void aCallInALaterMigrationIsAnErrorAtTheCallNamingTheBody() throws IOException {
        write("db/V1__functions.sql", PURGE_FUNCTION);
        write("db/V2__reset.sql", "-- start again\nSELECT purge_customers();\n");

        assertEquals(List.of(
                "db/V1__functions.sql:3:3 delete-without-where INFO",
                "db/V2__reset.sql:2:1 delete-without-where ERROR DELETE without WHERE removes every row of customers"
                        + " (at db/V1__functions.sql:3:3, in purge_customers, which an earlier migration created and"
                        + " this statement calls)"),
                describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void aTSqlProcedureExecutedLaterIsFollowedToo() throws IOException {
        write("db/V1__procs.sql", "CREATE PROCEDURE dbo.reset_stock AS\nBEGIN\n  TRUNCATE TABLE stock;\nEND\nGO\n");
        write("db/V2__run.sql", "EXEC dbo.reset_stock;\nGO\n");

        assertEquals(List.of("db/V1__procs.sql:3:3 truncate-table INFO",
                "db/V2__run.sql:1:1 truncate-table ERROR TRUNCATE removes every row of table stock (at "
                        + "db/V1__procs.sql:3:3, in reset_stock, which an earlier migration created and this statement"
                        + " calls)"), describe(lint(Dialect.SQLSERVER)));
    }

    /** SSMS and other scripting tools bracket every name: {@code EXEC [dbo].[reset_stock]} is the same call. */
    @Test
    void aBracketedTSqlCallIsFollowedToo() throws IOException {
        write("db/V1__procs.sql", "CREATE PROCEDURE [dbo].[reset_stock] AS\nBEGIN\n  TRUNCATE TABLE stock;\nEND\nGO\n");
        write("db/V2__run.sql", "EXEC [dbo].[reset_stock]\nGO\n");

        assertEquals(List.of("db/V1__procs.sql:3:3 truncate-table INFO",
                "db/V2__run.sql:1:1 truncate-table ERROR TRUNCATE removes every row of table stock (at "
                        + "db/V1__procs.sql:3:3, in reset_stock, which an earlier migration created and this statement"
                        + " calls)"), describe(lint(Dialect.SQLSERVER)));
    }

    /**
     * Oracle: a later migration calls a member of a package an earlier one created, from a block, with SQL*Plus's
     * EXEC or with CALL. Only that member's body runs, and what it calls of its siblings by their bare names.
     */
    @Test
    void aCallOfAPackageMemberRunsThatMemberOnly() throws IOException {
        write("db/V1__billing.sql", """
                CREATE OR REPLACE PACKAGE BODY billing_maint AS
                  PROCEDURE purge_invoices IS
                  BEGIN
                    DELETE FROM invoices;
                  END purge_invoices;

                  PROCEDURE purge_old(p_days IN NUMBER) IS
                  BEGIN
                    DELETE FROM invoice_lines WHERE created_at < SYSDATE - p_days;
                  END purge_old;

                  PROCEDURE purge_all IS
                  BEGIN
                    purge_invoices;
                  END purge_all;
                END billing_maint;
                /
                """);
        write("db/V2__old_lines.sql", "BEGIN\n  billing_maint.purge_old(90);\nEND;\n/\n");
        write("db/V3__invoices.sql", "EXEC billing_maint.purge_invoices;\n");
        write("db/V4__all.sql", "CALL billing_maint.purge_all();\n");

        assertEquals(List.of(
                "db/V1__billing.sql:4:5 delete-without-where INFO",
                "db/V3__invoices.sql:1:1 delete-without-where ERROR DELETE without WHERE removes every row of invoices"
                        + " (at db/V1__billing.sql:4:5, in billing_maint.purge_invoices, which an earlier migration"
                        + " created and this statement calls)",
                "db/V4__all.sql:1:1 delete-without-where ERROR DELETE without WHERE removes every row of invoices"
                        + " (at db/V1__billing.sql:4:5, in billing_maint.purge_invoices, which billing_maint.purge_all"
                        + " calls at db/V1__billing.sql:14:5; earlier migrations created them, and this statement"
                        + " calls billing_maint.purge_all)"),
                describe(lint(Dialect.ORACLE)));
    }

    /** An overloaded member: the database picks the overload by the arguments' types, so each of them may run. */
    @Test
    void aCallOfAnOverloadedMemberRunsEveryOverload() throws IOException {
        write("db/V1__archive.sql", """
                CREATE OR REPLACE PACKAGE BODY archive AS
                  PROCEDURE wipe(p_all BOOLEAN) IS
                  BEGIN
                    EXECUTE IMMEDIATE 'TRUNCATE TABLE archive_rows';
                  END wipe;
                  PROCEDURE wipe(p_id NUMBER) IS
                  BEGIN
                    DELETE FROM archive_rows WHERE id = p_id;
                  END wipe;
                END archive;
                /
                """);
        write("db/V2__wipe_one.sql", "BEGIN\n  archive.wipe(42);\nEND;\n/\n");

        assertEquals(List.of(
                "db/V1__archive.sql:4:24 truncate-table INFO",
                "db/V2__wipe_one.sql:2:3 truncate-table ERROR TRUNCATE removes every row of table archive_rows (at"
                        + " db/V1__archive.sql:4:24, in archive.wipe, which an earlier migration created and this"
                        + " statement calls) (inside PL/SQL block)"),
                describe(lint(Dialect.ORACLE)));
    }

    /** The first call of any member of a package runs its initialization section. */
    @Test
    void aCallOfAPackageMemberRunsThePackagesInitialization() throws IOException {
        write("db/V1__cfg.sql", """
                CREATE OR REPLACE PACKAGE BODY cfg AS
                  FUNCTION get(p_key VARCHAR2) RETURN VARCHAR2 IS
                  BEGIN
                    RETURN NULL;
                  END get;
                BEGIN
                  DELETE FROM cfg_cache;
                END cfg;
                /
                """);
        write("db/V2__use.sql", "SELECT cfg.get('mode') FROM dual;\n");

        assertEquals(List.of(
                "db/V1__cfg.sql:7:3 delete-without-where INFO",
                "db/V2__use.sql:1:1 delete-without-where ERROR DELETE without WHERE removes every row of cfg_cache (at"
                        + " db/V1__cfg.sql:7:3, in cfg, which runs before cfg.get; earlier migrations created them, and"
                        + " this statement calls cfg.get)"),
                describe(lint(Dialect.ORACLE)));
    }

    @Test
    void aCallBeforeTheRoutineIsCreatedOrOfAnotherNameIsNotFollowed() throws IOException {
        write("db/V1__call.sql", "SELECT purge_customers();\n");
        write("db/V2__functions.sql", PURGE_FUNCTION);
        write("db/V3__other.sql", "SELECT purge_orders(); SELECT count(*) FROM customers;\n");

        // Neither call reaches the body; a name that says it purges is still not passed unseen.
        String unseen = " runs a routine that no scanned script creates before it, and its name says it deletes"
                + " rows: what it runs was not checked";
        assertEquals(List.of("db/V1__call.sql:1:8 unchecked-change WARNING The call of purge_customers" + unseen,
                "db/V2__functions.sql:3:3 delete-without-where INFO",
                "db/V3__other.sql:1:8 unchecked-change WARNING The call of purge_orders" + unseen),
                describe(lint(Dialect.POSTGRESQL)));
    }

    /**
     * A repeatable migration runs after the versioned ones of its deploy, but a versioned migration added later
     * runs after it, and calls the routine it created.
     */
    @Test
    void aCallOfARoutineARepeatableMigrationCreatesRunsItsBody() throws IOException {
        write("db/V1__schema.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\n");
        write("db/R__functions.sql", PURGE_FUNCTION);
        write("db/V2__reset.sql", "SELECT purge_customers();\n");

        assertEquals(List.of(
                "db/R__functions.sql:3:3 delete-without-where INFO",
                "db/V2__reset.sql:1:1 delete-without-where ERROR DELETE without WHERE removes every row of customers"
                        + " (at db/R__functions.sql:3:3, in purge_customers, which an earlier migration created and"
                        + " this statement calls)"),
                describe(lint(Dialect.POSTGRESQL)));
    }

    /**
     * A Flyway callback such as beforeMigrate.sql is replayed after the migrations, as a plain script, but it runs on
     * every migrate, before them or in an earlier deploy: the helper procedures it creates exist when a versioned
     * migration calls them.
     */
    @Test
    void aCallOfAProcedureAFlywayCallbackCreatesRunsItsBody() throws IOException {
        write("db/beforeMigrate.sql", """
                DROP PROCEDURE IF EXISTS `WIPE`;
                DELIMITER $$
                CREATE PROCEDURE `WIPE`()
                BEGIN
                    DELETE FROM customers;
                END$$
                DELIMITER ;
                """);
        write("db/V1__schema.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\nCALL WIPE();\n");

        assertEquals(List.of(
                "db/V1__schema.sql:2:1 delete-without-where ERROR DELETE without WHERE removes every row of customers"
                        + " (at db/beforeMigrate.sql:5:5, in WIPE, which the Flyway callback beforeMigrate created"
                        + " and this statement calls)",
                "db/beforeMigrate.sql:5:5 delete-without-where INFO"),
                describe(lint(Dialect.MYSQL)));
    }

    private static final String MYSQL_COLUMN_HELPERS = """
            DELIMITER $$
            CREATE PROCEDURE DROP_COLUMN(IN tb VARCHAR(64), IN col VARCHAR(64))
            BEGIN
              SET @s = CONCAT('ALTER TABLE ', tb, ' DROP COLUMN ', col);
              PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
            END $$
            CREATE PROCEDURE ADD_COLUMN(IN tb VARCHAR(64), IN col VARCHAR(64), IN ty VARCHAR(64))
            BEGIN
              SET @s = CONCAT('ALTER TABLE ', tb, ' ADD COLUMN ', col, ' ', ty);
              PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
            END $$
            DELIMITER ;
            """;

    /**
     * A MySQL helper builds its ALTER from its parameters: at a call with literal arguments the text is known, so
     * the findings name the real table and column, and a call that only adds a column reports nothing.
     */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB", "AUTO"})
    void literalArgumentsFillTheParametersOfTheBodyAtTheCall(Dialect dialect) throws IOException {
        write("db/V1__helpers.sql", MYSQL_COLUMN_HELPERS);
        write("db/V2__orders.sql", "CALL ADD_COLUMN('orders', 'note', 'VARCHAR(20)');\n"
                + "CALL DROP_COLUMN('orders', 'total');\n");

        List<String> found = describe(lint(dialect));

        // (dropping note again would lose nothing: the first call added it and nothing wrote it since)
        assertEquals(List.of("db/V2__orders.sql:2:1 drop-column ERROR ALTER TABLE orders drops column total (at"
                + " db/V1__helpers.sql:4:41, in DROP_COLUMN, which an earlier migration created and this statement"
                + " calls)"), found.stream().filter(f -> f.startsWith("db/V2")).toList());
        assertEquals(found.stream().filter(f -> f.startsWith("db/V1")).toList(),
                describe(lintOnly("db/V1__helpers.sql", dialect)));
    }

    /** A T-SQL procedure's parameters are filled by the arguments a later migration's EXEC names. */
    @Test
    void tsqlArgumentsPassedByNameFillTheParametersAtTheCall() throws IOException {
        write("db/V1__helpers.sql", """
                CREATE PROCEDURE dbo.drop_column
                  @tab sysname,
                  @col sysname
                AS
                BEGIN
                  DECLARE @s NVARCHAR(300) = N'ALTER TABLE ' + @tab + N' DROP COLUMN ' + @col;
                  EXEC (@s);
                END
                GO
                """);
        write("db/V2__orders.sql", "EXEC dbo.drop_column @col = 'note', @tab = 'orders'\nGO\n");

        assertEquals(List.of("db/V2__orders.sql:1:1 drop-column ERROR ALTER TABLE orders drops column note (at"
                + " db/V1__helpers.sql:6:58, in drop_column, which an earlier migration created and this statement"
                + " calls)"), describe(lint(Dialect.SQLSERVER)).stream().filter(f -> f.startsWith("db/V2")).toList());
    }

    /** An argument only the running database knows leaves its parameter unknown, as before. */
    @Test
    void anArgumentThatIsNotALiteralLeavesItsParameterUnknown() throws IOException {
        write("db/V1__helpers.sql", MYSQL_COLUMN_HELPERS);
        write("db/V2__orders.sql", "SET @t = (SELECT 'orders');\nCALL DROP_COLUMN(@t, 'note');\n");

        List<String> found = describe(lint(Dialect.MYSQL)).stream().filter(f -> f.startsWith("db/V2")).toList();

        assertEquals(2, found.size(), found.toString());
        assertEquals(1, found.stream().filter(f -> f.contains("drop-column ERROR ALTER TABLE <run-time value>"
                + " drops column note")).count(), found.toString());
        assertEquals(1, found.stream().filter(f -> f.contains("runtime-sql")).count(), found.toString());
    }

    @Test
    void aPlpgsqlFunctionCalledWithLiteralsRunsItsDynamicSqlWithThem() throws IOException {
        write("db/V1__helpers.sql", """
                CREATE FUNCTION wipe(tab text) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  EXECUTE 'DELETE FROM ' || tab;
                END;
                $$;
                """);
        write("db/V2__reset.sql", "SELECT wipe('customers');\n");

        assertEquals(List.of("db/V2__reset.sql:1:1 delete-without-where ERROR DELETE without WHERE removes every row"
                + " of customers"), describe(lint(Dialect.POSTGRESQL)).stream()
                        .filter(f -> f.startsWith("db/V2")).map(f -> f.replaceAll(" \\(at .*", "")).toList());
    }

    @Test
    void anOracleProcedureCalledWithLiteralsRunsItsDynamicSqlWithThem() throws IOException {
        write("db/V1__helpers.sql", """
                CREATE OR REPLACE PROCEDURE drop_table(p_table IN VARCHAR2) IS
                BEGIN
                  EXECUTE IMMEDIATE 'DROP TABLE ' || p_table;
                END;
                /
                """);
        write("db/V2__reset.sql", "BEGIN\n  drop_table('old_orders');\nEND;\n/\n");

        assertEquals(List.of("db/V2__reset.sql:2:3 drop-table ERROR DROP TABLE removes table old_orders and all its"
                + " rows"),
                describe(lint(Dialect.ORACLE)).stream().filter(f -> f.startsWith("db/V2"))
                        .map(f -> f.replaceAll(" \\(at .*", "")).toList());
    }

    /** A member of a package reads the literals of its call too; a sibling with the same parameter keeps its own. */
    @Test
    void aPackageMemberCalledWithLiteralsRunsItsDynamicSqlWithThem() throws IOException {
        write("db/V1__helpers.sql", """
                CREATE OR REPLACE PACKAGE BODY maint AS
                  PROCEDURE keep_table(p_table IN VARCHAR2) IS
                  BEGIN
                    EXECUTE IMMEDIATE 'ANALYZE TABLE ' || p_table || ' COMPUTE STATISTICS';
                  END keep_table;
                  PROCEDURE drop_table(p_table IN VARCHAR2) IS
                  BEGIN
                    EXECUTE IMMEDIATE 'DROP TABLE ' || p_table;
                  END drop_table;
                END maint;
                /
                """);
        write("db/V2__reset.sql", "BEGIN\n  maint.drop_table('old_orders');\nEND;\n/\n");

        assertEquals(List.of("db/V2__reset.sql:2:3 drop-table ERROR DROP TABLE removes table old_orders and all its"
                + " rows (at db/V1__helpers.sql:8:24, in maint.drop_table, which an earlier migration created and this"
                + " statement calls) (inside PL/SQL block)"), describe(lint(Dialect.ORACLE)).stream()
                        .filter(f -> f.startsWith("db/V2")).toList());
    }

    /**
     * A helper that runs whatever text it is given runs the call's literal, which may be longer than the rest of
     * the body: what it does is located in the literal, naming where the body runs it.
     */
    @Test
    void aProcedureThatRunsItsParameterRunsTheCallsText() throws IOException {
        write("db/V1__helpers.sql", """
                DELIMITER $$
                CREATE PROCEDURE RUN_SQL(IN q TEXT)
                BEGIN
                  SET @s = q; PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
                END $$
                DELIMITER ;
                """);
        String table = "archived_orders_of_the_first_years_before_the_great_migration_of_everything_to_the_new_system";
        write("db/V2__drop.sql", "CALL RUN_SQL('DROP TABLE " + table + "');\n");

        assertEquals(List.of("db/V2__drop.sql:1:15 drop-table ERROR DROP TABLE removes table " + table
                + " and all its rows (inside text passed to RUN_SQL, which runs it at db/V1__helpers.sql:4:12)"),
                describe(lint(Dialect.MYSQL)).stream()
                        .filter(f -> f.startsWith("db/V2")).toList());
    }

    /** Altering a routine, granting or revoking its EXECUTE name it with its parameter types, but do not run it. */
    @Test
    void alteringOrGrantingARoutineDoesNotCallIt() throws IOException {
        write("db/V1__functions.sql", PURGE_FUNCTION);
        write("db/V2__harden.sql", """
                ALTER FUNCTION purge_customers() SECURITY DEFINER;
                ALTER FUNCTION public.purge_customers() OWNER TO app_owner;
                REVOKE ALL ON FUNCTION purge_customers() FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION purge_customers() TO app;
                COMMENT ON FUNCTION purge_customers() IS 'empties customers';
                """);

        assertEquals(List.of("db/V1__functions.sql:3:3 delete-without-where INFO"), describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void aRoutineTheCallingScriptDefinesAgainIsItsOwn() throws IOException {
        write("db/V1__functions.sql", PURGE_FUNCTION);
        write("db/V2__safer.sql", """
                CREATE OR REPLACE FUNCTION purge_customers() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM customers WHERE closed;
                END;
                $$;
                SELECT purge_customers();
                """);

        assertEquals(List.of("db/V1__functions.sql:3:3 delete-without-where INFO"), describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void aRoutineThatCallsAnotherEarlierOneRunsItsBodyToo() throws IOException {
        // Created before the function it calls: PL/pgSQL finds the callee when the call runs, not when it is created.
        write("db/V1__cleanup.sql", """
                CREATE OR REPLACE FUNCTION nightly_cleanup() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM purge_customers();
                  PERFORM nightly_cleanup_step();
                END;
                $$;
                """);
        write("db/V2__functions.sql", PURGE_FUNCTION);
        write("db/V3__run.sql", "SELECT nightly_cleanup();\n");

        assertEquals(List.of(
                "db/V2__functions.sql:3:3 delete-without-where INFO",
                "db/V3__run.sql:1:1 delete-without-where ERROR DELETE without WHERE removes every row of customers"
                        + " (at db/V2__functions.sql:3:3, in purge_customers, which nightly_cleanup calls at"
                        + " db/V1__cleanup.sql:3:3; earlier migrations created them, and this statement calls"
                        + " nightly_cleanup)"),
                describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void aRoutineTheScriptCreatesAndCallsRunsWhatItCallsOfAnEarlierMigration() throws IOException {
        write("db/V1__functions.sql", PURGE_FUNCTION);
        write("db/V2__cleanup.sql", """
                CREATE OR REPLACE FUNCTION nightly_cleanup() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM purge_customers();
                END;
                $$;
                SELECT nightly_cleanup();
                """);

        assertEquals(List.of(
                "db/V1__functions.sql:3:3 delete-without-where INFO",
                "db/V2__cleanup.sql:3:3 delete-without-where ERROR DELETE without WHERE removes every row of customers"
                        + " (at db/V1__functions.sql:3:3, in purge_customers, which an earlier migration created and"
                        + " this statement calls) (inside function nightly_cleanup body, which this script calls at"
                        + " line 6)"),
                describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void routinesThatCallEachOtherAreEachFollowedOnce() throws IOException {
        write("db/V1__procs.sql", """
                CREATE PROCEDURE dbo.reset_stock AS
                BEGIN
                  TRUNCATE TABLE stock;
                  EXEC dbo.reset_all;
                END
                GO
                CREATE PROCEDURE dbo.reset_all AS
                BEGIN
                  EXEC dbo.reset_stock;
                END
                GO
                """);
        write("db/V2__run.sql", "EXEC dbo.reset_all;\nGO\n");

        assertEquals(List.of("db/V1__procs.sql:3:3 truncate-table INFO",
                "db/V2__run.sql:1:1 truncate-table ERROR TRUNCATE removes every row of table stock (at "
                        + "db/V1__procs.sql:3:3, in reset_stock, which reset_all calls at db/V1__procs.sql:9:3;"
                        + " earlier migrations created them, and this statement calls reset_all)"),
                describe(lint(Dialect.SQLSERVER)));
    }

    @Test
    void theCallIsAcknowledgedWhereItStands() throws IOException {
        write("db/V1__functions.sql", PURGE_FUNCTION);
        write("db/V2__reset.sql", "-- sqlguard:allow delete-without-where reason: demo data only\n"
                + "SELECT purge_customers();\n");

        List<Finding> findings = lint(Dialect.POSTGRESQL).findings();

        assertEquals(2, findings.size(), findings.toString());
        assertEquals("demo data only", findings.get(1).acknowledgement().reason());
    }

    @Test
    void aLiquibaseChangelogCallingWhatItsSqlFileCreatedRunsTheBody() throws IOException {
        write("db/procs/purge.sql", PURGE_FUNCTION);
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <sqlFile path="procs/purge.sql" relativeToChangelogFile="true" splitStatements="false"/>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <sql>SELECT purge_customers()</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:6:10 delete-without-where ERROR DELETE without WHERE removes every"
                + " row of customers (at db/procs/purge.sql:3:3, in purge_customers, which an earlier migration"
                + " created and this statement calls) (changeset a:2)",
                "db/procs/purge.sql:3:3 delete-without-where INFO"), describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void theCachedResultOfTheCallingMigrationFollowsAChangedBody() throws IOException {
        write("db/V1__functions.sql", PURGE_FUNCTION);
        write("db/V2__reset.sql", "SELECT purge_customers();\n");
        Path cache = project.resolve("target/analysis-cache.bin");
        assertEquals(2, lint(Dialect.POSTGRESQL, cache).findings().size());

        write("db/V1__functions.sql", PURGE_FUNCTION.replace("DELETE FROM customers;",
                "DELETE FROM customers WHERE closed;"));

        assertEquals(List.of(), lint(Dialect.POSTGRESQL, cache).findings());
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()
                        + (f.severity() == io.github.sqlguard.model.Severity.INFO ? "" : " " + f.message()))
                .toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    /** The findings of {@code path} alone, as if no migration called what it creates. */
    private LintResult lintOnly(String path, Dialect dialect) throws IOException {
        Path alone = project.resolve("alone");
        TestProject.write(alone, path, java.nio.file.Files.readString(project.resolve(path)));
        LintConfig defaults = LintConfig.defaults(alone, List.of(alone.resolve("db")));
        return new Linter().run(new LintConfig(alone, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }

    private LintResult lint(Dialect dialect) {
        return lint(dialect, null);
    }

    private LintResult lint(Dialect dialect, Path cacheFile) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), cacheFile);
    }
}
