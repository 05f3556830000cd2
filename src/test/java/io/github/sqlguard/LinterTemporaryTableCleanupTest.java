package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code DROP TABLE IF EXISTS t} right before the script makes {@code t} a temporary table clears what an earlier run
 * left in the session, when no scanned migration created a table {@code t}: the finding stays, at INFO, saying so.
 */
class LinterTemporaryTableCleanupTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a temporary table made right after | - | DROP TABLE IF EXISTS t_map;\\nCREATE TEMP TABLE t_map AS SELECT id FROM orders; | drop-table INFO 1:1 DROP TABLE removes table t_map and all its rows (guarded: no scanned migration created a table t_map, and line 2 creates it as a temporary table: the drop clears what an earlier run left in the session)
            statements between | - | DROP TABLE IF EXISTS t_map;\\nSELECT 1;\\nCREATE TEMPORARY TABLE t_map (id int); | drop-table INFO 1:1 DROP TABLE removes table t_map and all its rows (guarded: no scanned migration created a table t_map, and line 3 creates it as a temporary table: the drop clears what an earlier run left in the session)
            inside a routine body that makes it again | - | CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\\nDROP TABLE IF EXISTS t_map;\\nCREATE TEMP TABLE t_map AS SELECT 1 AS id;\\nEND $$; | drop-table INFO 2:1 DROP TABLE removes table t_map and all its rows (guarded: no scanned migration created a table t_map, and line 3 creates it as a temporary table: the drop clears what an earlier run left in the session) (inside function f body, which runs only when called)
            an earlier migration created the table | CREATE TABLE t_map (id int); | DROP TABLE IF EXISTS t_map;\\nCREATE TEMP TABLE t_map AS SELECT id FROM orders; | drop-table ERROR 1:1 DROP TABLE removes table t_map and all its rows
            the table made again is no temporary one | - | DROP TABLE IF EXISTS t_map;\\nCREATE TABLE t_map (id int); | drop-table ERROR 1:1 DROP TABLE removes table t_map and all its rows (the first migration, but its version 2 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then runs it; where the deploy baselines at 2 or above, or never baselines, set baselineVersion to 2)
            a scratch table made again and dropped after use | - | DROP TABLE IF EXISTS t_map;\\nCREATE TABLE t_map (id int);\\nINSERT INTO t_map SELECT 1;\\nDROP TABLE t_map; | drop-table INFO 1:1 DROP TABLE removes table t_map and all its rows (guarded: no scanned migration created a table t_map, and line 2 creates it again and line 4 drops it after use, as the script's own scratch table: the drop clears what a run that failed part way left behind)
            a scratch table made again if missing | - | DROP TABLE IF EXISTS t_map;\\nCREATE TABLE IF NOT EXISTS t_map (id int);\\nINSERT INTO t_map SELECT 1;\\nDROP TABLE IF EXISTS t_map; | drop-table INFO 1:1 DROP TABLE removes table t_map and all its rows (guarded: no scanned migration created a table t_map, and line 2 creates it again and line 4 drops it after use, as the script's own scratch table: the drop clears what a run that failed part way left behind)
            an earlier migration created the scratch table | CREATE TABLE t_map (id int); | DROP TABLE IF EXISTS t_map;\\nCREATE TABLE t_map (id int);\\nDROP TABLE t_map; | drop-table ERROR 1:1 DROP TABLE removes table t_map and all its rows
            a drop without IF EXISTS expects the table | - | DROP TABLE t_map;\\nCREATE TEMP TABLE t_map (id int); | drop-table ERROR 1:1 DROP TABLE removes table t_map and all its rows (the first migration, but its version 2 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then runs it; where the deploy baselines at 2 or above, or never baselines, set baselineVersion to 2)
            a table renamed to the name first | - | DROP TABLE IF EXISTS t_map;\\nALTER TABLE orders RENAME TO t_map;\\nCREATE TEMP TABLE t_map (id int); | drop-table ERROR 1:1 DROP TABLE removes table t_map and all its rows (the first migration, but its version 2 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then runs it; where the deploy baselines at 2 or above, or never baselines, set baselineVersion to 2)
            """)
    void aCleanupBeforeATemporaryTableIsGuarded(String name, String earlier, String sql, String expected)
            throws IOException {
        List<String> found = findings(earlier, sql).stream().filter(f -> f.startsWith("drop-table")).toList();
        assertEquals(List.of(expected), found);
    }

    @org.junit.jupiter.api.Test
    void aCallOfARoutineThatCleansUpBeforeItsTemporaryTableIsGuardedAtTheCall() throws IOException {
        String sql = "CREATE FUNCTION fill(col text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN\\n"
                + "EXECUTE 'DROP TABLE IF EXISTS t_map; CREATE TEMP TABLE t_map AS SELECT id FROM orders WHERE '"
                + " || col || ' = 1';\\nEND $$;\\nDO $$ BEGIN PERFORM fill('a'); PERFORM fill('b'); END $$;";

        List<String> found = findings("-", sql).stream().filter(f -> f.startsWith("drop-table")).toList();

        assertEquals(3, found.size(), found.toString());
        assertEquals(List.of(), found.stream().filter(f -> !f.startsWith("drop-table INFO")).toList());
    }

    @org.junit.jupiter.api.Test
    void eachLaterCallClearsTheTemporaryTableTheEarlierCallMadeAndCopiedFrom() throws IOException {
        String sql = "CREATE FUNCTION fill(col text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN\\n"
                + "EXECUTE 'DROP TABLE IF EXISTS t_map; CREATE TEMP TABLE t_map AS SELECT id FROM orders WHERE '"
                + " || col || ' = 1; INSERT INTO archive (id) SELECT id FROM t_map';\\nEND $$;\\n"
                + "DO $$ BEGIN\\nPERFORM fill('a');\\nPERFORM fill('b');\\nPERFORM fill('c');\\nEND $$;";

        List<String> atCalls = findings("CREATE TABLE orders (id int, a int, b int, c int);\n"
                + "CREATE TABLE archive (id int);", sql).stream()
                .filter(f -> f.startsWith("drop-table") && !f.contains("inside function")).toList();

        String cleared = "DROP TABLE removes table t_map and all its rows (guarded: t_map is a temporary table the"
                + " session made before, and line 2 creates it as a temporary table: the drop clears what an earlier"
                + " run left in the session) (at db/V2__later.sql:2:10, in fill, which this script created and this"
                + " statement calls) (inside DO block)";
        assertEquals(List.of("drop-table INFO 5:1 DROP TABLE removes table t_map and all its rows (guarded: no scanned"
                + " migration created a table t_map, and line 2 creates it as a temporary table: the drop clears what"
                + " an earlier run left in the session) (at db/V2__later.sql:2:10, in fill, which this script created"
                + " and this statement calls) (inside DO block)", "drop-table INFO 6:1 " + cleared,
                "drop-table INFO 7:1 " + cleared), atCalls);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a temporary table a call made, made again | CREATE TEMP TABLE t_map AS SELECT id FROM orders; | drop-table INFO 6:1 DROP TABLE removes table t_map and all its rows (guarded: t_map is a temporary table the session made before, and line 7 creates it as a temporary table: the drop clears what an earlier run left in the session)
            a lasting table of that name made next | CREATE TABLE t_map AS SELECT id FROM orders; | drop-table ERROR 6:1 DROP TABLE removes table t_map and all its rows (the copy to archive at line 5 lists its columns, and sqlguard does not know every column of t_map: those it leaves out are lost)
            """)
    void aCleanupOfATemporaryTableACallMadeIsGuardedBeforeTheCopiesOutOfIt(String name, String next,
            String expected) throws IOException {
        String sql = "CREATE FUNCTION fill(col text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN\\n"
                + "EXECUTE 'CREATE TEMP TABLE t_map AS SELECT id FROM orders WHERE ' || col || ' = 1;\\n"
                + "INSERT INTO archive (id) SELECT id FROM t_map;';\\nEND $$;\\nSELECT fill('a');\\n"
                + "DROP TABLE IF EXISTS t_map;\\n" + next;

        List<String> found = findings("CREATE TABLE orders (id int, a int);\nCREATE TABLE archive (id int);", sql)
                .stream().filter(f -> f.startsWith("drop-table")).toList();

        assertEquals(List.of(expected), found);
    }

    @org.junit.jupiter.api.Test
    void aTemporaryTableMadeOnlyForAnotherDatabaseDoesNotGuardTheCleanup() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <sql dbms="mysql,mariadb">
                            DROP TABLE IF EXISTS t_map;
                            CREATE TABLE IF NOT EXISTS t_map (id int);
                        </sql>
                        <sql dbms="postgresql">
                            DROP TABLE IF EXISTS t_map;
                            CREATE TEMP TABLE t_map (id int);
                        </sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.ruleId().equals("drop-table"))
                .map(f -> f.severity() + " " + f.location().line() + ":" + f.location().column()).toList();

        // On MySQL the table made again is no temporary one; on PostgreSQL it is.
        assertEquals(List.of("ERROR 4:13", "INFO 8:13"), found);
    }

    /**
     * T-SQL writes {@code DROP TABLE IF EXISTS} as a DROP that an IF runs when the table is there: by
     * {@code OBJECT_ID(..) IS NOT NULL} (of a table, {@code 'U'}, or of any object) or by a catalogue view that lists
     * it. Before the script makes its scratch table again, and after its use, such a drop clears only what a run
     * that failed part way left; a condition on another object, a view, or one widened by OR guards nothing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            OBJECT_ID before and a plain drop after | - | IF OBJECT_ID('dbo.t_map') IS NOT NULL DROP TABLE dbo.t_map\\nGO\\nCREATE TABLE dbo.t_map (id INT)\\nGO\\nINSERT INTO dbo.t_map SELECT id FROM dbo.orders\\nGO\\nDROP TABLE dbo.t_map\\nGO | INFO 1:39
            OBJECT_ID of a table and sys.tables after | - | IF OBJECT_ID(N'[dbo].[t_map]', N'U') IS NOT NULL\\nBEGIN\\n  DROP TABLE [dbo].[t_map]\\nEND\\nGO\\nCREATE TABLE [dbo].[t_map] (id INT)\\nGO\\nIF EXISTS (SELECT * FROM sys.tables WHERE name = 't_map')\\n  DROP TABLE [dbo].[t_map]\\nGO | INFO 3:3
            INFORMATION_SCHEMA before | - | IF EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = N't_map')\\n  DROP TABLE t_map\\nCREATE TABLE t_map (id INT)\\nDROP TABLE t_map | INFO 2:3
            no drop after use | - | IF OBJECT_ID('dbo.t_map') IS NOT NULL DROP TABLE dbo.t_map\\nGO\\nCREATE TABLE dbo.t_map (id INT)\\nGO | ERROR 1:39
            a drop after use in an IF of another test | - | IF OBJECT_ID('dbo.t_map') IS NOT NULL DROP TABLE dbo.t_map\\nGO\\nCREATE TABLE dbo.t_map (id INT)\\nGO\\nIF @@ROWCOUNT > 0 DROP TABLE dbo.t_map\\nGO | ERROR 1:39
            the test names a view | - | IF OBJECT_ID('dbo.t_map', 'V') IS NOT NULL DROP TABLE dbo.t_map\\nGO\\nCREATE TABLE dbo.t_map (id INT)\\nGO\\nDROP TABLE dbo.t_map\\nGO | ERROR 1:44
            the test names another table | - | IF OBJECT_ID('dbo.t_old') IS NOT NULL DROP TABLE dbo.t_map\\nGO\\nCREATE TABLE dbo.t_map (id INT)\\nGO\\nDROP TABLE dbo.t_map\\nGO | ERROR 1:39
            the test is widened by OR | - | IF EXISTS (SELECT * FROM sys.tables WHERE name = 't_map' OR name = 'orders') DROP TABLE t_map\\nCREATE TABLE t_map (id INT)\\nDROP TABLE t_map | ERROR 1:78
            an earlier migration created the table | CREATE TABLE dbo.t_map (id INT) | IF OBJECT_ID('dbo.t_map') IS NOT NULL DROP TABLE dbo.t_map\\nGO\\nCREATE TABLE dbo.t_map (id INT)\\nGO\\nDROP TABLE dbo.t_map\\nGO | ERROR 1:39
            """)
    void aTsqlDropThatAnIfRunsWhenTheTableExistsClearsAScratchTable(String name, String earlier, String sql,
            String expected) throws IOException {
        List<String> found = findings(Dialect.SQLSERVER, earlier, sql).stream()
                .filter(f -> f.startsWith("drop-table")).map(f -> f.split(" ")[1] + " " + f.split(" ")[2]).toList();
        assertEquals(List.of(expected), found);
    }

    private List<String> findings(String earlier, String sql) throws IOException {
        return findings(Dialect.POSTGRESQL, earlier, sql);
    }

    private List<String> findings(Dialect dialect, String earlier, String sql) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        if (!earlier.equals("-")) {
            Files.writeString(db.resolve("V1__earlier.sql"), earlier + "\n", StandardCharsets.UTF_8);
        }
        Files.writeString(db.resolve("V2__later.sql"), sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(db));
        LintConfig config = new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1);
        return new Linter().run(config).findings().stream().filter(f -> f.location().path().endsWith("V2__later.sql"))
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":" + f.location().column()
                        + " " + f.message()).toList();
    }
}
