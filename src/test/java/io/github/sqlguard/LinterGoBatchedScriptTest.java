package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Under auto, a script that separates its batches with {@code GO} lines is T-SQL (only SQL Server's and Sybase's
 * tools split batches so), and its statements mean what SQL Server makes of them: {@code DROP SCHEMA s} drops an
 * empty schema or fails, where MySQL's would drop a database with every table in it. A script without GO keeps the
 * readings the dialects share.
 */
class LinterGoBatchedScriptTest {

    private static final String SCHEMA_SCRIPT = """
            CREATE SCHEMA staging;
            GO
            CREATE TABLE staging.orders (id INT NOT NULL PRIMARY KEY, note NVARCHAR(100));
            GO
            DROP TABLE staging.orders;
            GO
            DROP SCHEMA staging;
            GO
            """;

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void aGoBatchedScriptDropsOnlyAnEmptySchema(Dialect dialect) {
        assertEquals(List.of(), OneScript.placesAndSeverities(dialect, SCHEMA_SCRIPT));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void dynamicSqlOfAGoBatchedScriptIsReadTheTsqlWayToo(Dialect dialect) {
        assertEquals(List.of(), OneScript.placesAndSeverities(dialect,
                "EXEC('DROP SCHEMA staging');\nGO\nEXEC sp_executesql N'DROP SCHEMA archive';\nGO\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AUTO  | DROP SCHEMA archive;                     | 1:1 drop-schema ERROR",
        "AUTO  | CREATE SCHEMA archive;\\nDROP SCHEMA archive; | 2:1 drop-schema ERROR",
        "AUTO  | EXEC('DROP SCHEMA staging');             | 1:7 drop-schema ERROR",
        "MYSQL | ~DROP SCHEMA staging;\\nGO~                | 1:1 drop-schema ERROR",
    })
    void aScriptWithoutGoBatchesStillReadsDropSchemaAsMySqlsDropDatabase(Dialect dialect, String sql,
            String expected) {
        assertEquals(List.of(expected), OneScript.placesAndSeverities(dialect, sql.replace("~", "")));
    }

    @Test
    void theMySqlReadingIsNamedWithoutGoAndAbsentWithIt() {
        List<Finding> plain = OneScript.findings(Dialect.AUTO, "DROP SCHEMA archive;\n");
        assertEquals(1, plain.size(), plain.toString());
        assertTrue(plain.get(0).message().contains("where it means DROP DATABASE (MySQL, MariaDB)"),
                plain.get(0).message());
        assertEquals(List.of(), OneScript.findings(Dialect.AUTO, "DROP SCHEMA archive;\nGO\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DROP SCHEMA legacy CASCADE;                 | 1:1 drop-schema ERROR, 1:20 cascade WARNING",
        "DROP SCHEMA legacy RESTRICT;                | ''",
    })
    void postgresqlsCascadeKeepsItsFindingsUnderAuto(String sql, String expected) {
        List<String> findings = OneScript.placesAndSeverities(Dialect.AUTO, sql);
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(", ")), findings);
    }

    @Test
    void eachScriptOfAProjectIsJudgedByItsOwnSeparators() throws IOException {
        TestProject.write(project, "db/V1__schemas.sql", SCHEMA_SCRIPT);
        TestProject.write(project, "db/V2__plain.sql", "CREATE SCHEMA archive;\nDROP SCHEMA archive;\n");

        assertEquals(List.of("db/V2__plain.sql:2:1 drop-schema"), findings(Dialect.AUTO));
        assertEquals(List.of(), findings(Dialect.SQLSERVER));
        assertEquals(List.of("db/V1__schemas.sql:7:1 drop-schema", "db/V2__plain.sql:2:1 drop-schema"),
                findings(Dialect.MYSQL));
    }

    @Test
    void aChangesetWhoseSqlSeparatesBatchesWithGoIsJudgedAsSqlServers() throws IOException {
        TestProject.write(project, "db/changelog.sql", """
                --liquibase formatted sql

                --changeset dev:1
                CREATE SCHEMA staging;
                GO
                DROP SCHEMA staging;
                GO

                --changeset dev:2
                DROP SCHEMA archive;
                """);

        assertEquals(List.of("db/changelog.sql:10:1 drop-schema"), findings(Dialect.AUTO));
    }

    private List<String> findings(Dialect dialect) {
        return TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location() + " " + f.ruleId()).sorted().toList();
    }
}
