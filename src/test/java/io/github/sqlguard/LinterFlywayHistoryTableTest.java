package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flyway creates the table it records its runs in itself, so no migration does, but its column types are Flyway's:
 * a migration that widens one of them loses nothing, and a narrower one is judged against the type Flyway gave it,
 * under the default names and under the name the settings give the table.
 */
class LinterFlywayHistoryTableTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', value = {
        "MYSQL      | description  | ALTER TABLE flyway_schema_history MODIFY COLUMN description VARCHAR(500) NOT NULL | ''",
        "MYSQL      | script       | ALTER TABLE flyway_schema_history MODIFY COLUMN script VARCHAR(1000) NOT NULL    | ''",
        "MARIADB    | version      | ALTER TABLE `schema_version` MODIFY `version` VARCHAR(255)                      | ''",
        "POSTGRESQL | description  | ALTER TABLE app.flyway_schema_history ALTER COLUMN description TYPE TEXT         | ''",
        "POSTGRESQL | checksum     | ALTER TABLE flyway_schema_history ALTER COLUMN checksum TYPE BIGINT              | ''",
        "ORACLE     | description  | ALTER TABLE flyway_schema_history MODIFY (description VARCHAR2(400))             | ''",
        "SQLSERVER  | installed_by | ALTER TABLE flyway_schema_history ALTER COLUMN installed_by NVARCHAR(200) NOT NULL | ''",
        "MYSQL      | description  | ALTER TABLE flyway_schema_history MODIFY COLUMN description VARCHAR(100) NOT NULL"
            + " | from VARCHAR(200) to VARCHAR(100) (shorter: 200 to 100 characters)",
        "POSTGRESQL | checksum     | ALTER TABLE flyway_schema_history ALTER COLUMN checksum TYPE SMALLINT"
            + " | from INT to SMALLINT (narrower integer)",
        "SQLSERVER  | installed_by | ALTER TABLE flyway_schema_history ALTER COLUMN installed_by VARCHAR(100) NOT NULL"
            + " | from NVARCHAR(100) to VARCHAR(100) (national to single-byte characters can lose characters)",
        "MYSQL      | remark       | ALTER TABLE flyway_schema_history MODIFY COLUMN remark VARCHAR(500)"
            + " | to VARCHAR(500) (its type before is not known: table flyway_schema_history is not created by the"
            + " migrations that run before this one)",
        "MYSQL      | description  | ALTER TABLE release_history MODIFY COLUMN description VARCHAR(500)"
            + " | to VARCHAR(500) (its type before is not known: table release_history is not created by the"
            + " migrations that run before this one)",
    })
    void aColumnOfTheHistoryTableHasTheTypeFlywayCreatesItWith(Dialect dialect, String column, String statement,
            String expected) throws IOException {
        TestProject.write(project, "db/migration/V2__history.sql", statement + ";\n");
        String table = statement.split(" ")[2].replace("`", "");

        List<String> found = typeChanges(TestProject.lint(project, dialect));

        assertEquals(expected.isEmpty() ? List.of() : List.of("ALTER TABLE " + table + " changes the type of column "
                + column + " " + expected), found);
    }

    @Test
    void theTableTheSettingsNameHasFlywaysColumns() throws IOException {
        TestProject.write(project, "db/migration/V2_2__history.sql", """
                ALTER TABLE app_version MODIFY COLUMN description varchar(400) NOT NULL;
                ALTER TABLE app_version MODIFY COLUMN installed_by varchar(50) NOT NULL;
                """);

        List<String> named = typeChanges(lint(List.of("app_version")));
        List<String> unnamed = typeChanges(lint(List.of()));

        assertEquals(List.of("ALTER TABLE app_version changes the type of column installed_by from VARCHAR(100) to"
                + " varchar(50) (shorter: 100 to 50 characters)"), named);
        assertEquals(2, unnamed.size(), String.join("\n", unnamed));
    }

    @Test
    void aColumnDroppedFromTheHistoryTableIsReported() throws IOException {
        TestProject.write(project, "db/migration/V2__history.sql",
                "ALTER TABLE flyway_schema_history DROP COLUMN description;\n");

        List<String> rules = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(finding -> finding.ruleId()).toList();

        assertEquals(List.of("drop-column"), rules);
    }

    @Test
    void aHistoryTableTheMigrationsCreateThemselvesKeepsTheirTypes() throws IOException {
        TestProject.write(project, "db/migration/V1__history.sql",
                "CREATE TABLE flyway_schema_history (installed_rank INT, description VARCHAR(600));\n");
        TestProject.write(project, "db/migration/V2__narrow.sql",
                "ALTER TABLE flyway_schema_history MODIFY description VARCHAR(300);\n");

        List<String> found = typeChanges(TestProject.lint(project, Dialect.MYSQL));

        assertEquals(List.of("ALTER TABLE flyway_schema_history changes the type of column description from"
                + " VARCHAR(600) to VARCHAR(300) (shorter: 600 to 300 characters)"), found);
    }

    private static List<String> typeChanges(LintResult result) {
        return result.findings().stream().filter(finding -> finding.ruleId().equals("alter-column-type"))
                .map(finding -> finding.message()).toList();
    }

    private LintResult lint(List<String> historyTables) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = FlywayConfig.DEFAULTS.withHistoryTables(historyTables);
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(), List.of(),
                null, defaults.maxFileBytes(), 2));
    }
}
