package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Liquibase creates its DATABASECHANGELOG table itself, so no migration does, but its column types are Liquibase's:
 * a changeset that gives one of them the type it already has, or a wider one, loses nothing, and a narrower one is
 * judged against the type Liquibase gave it.
 */
class LinterLiquibaseTrackingTableTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "MYSQL      | databasechangelog        | id          | varchar(255) | ''",
        "AUTO       | databasechangelog        | filename    | varchar(255) | ''",
        "POSTGRESQL | DATABASECHANGELOG        | author      | varchar(500) | ''",
        "MARIADB    | databasechangelog        | md5sum      | varchar(64)  | ''",
        "H2         | databasechangelog        | description | text         | ''",
        "SQLSERVER  | databasechangelog        | id          | nvarchar(255)| ''",
        "SQLSERVER  | databasechangelog        | dateexecuted| datetime2    | ''",
        "ORACLE     | databasechangelog        | author      | varchar2(255)| ''",
        "SQLSERVER  | databasechangelog        | id          | varchar(255) | from NVARCHAR(255) to varchar(255)"
            + " (national to single-byte characters can lose characters)",
        "MYSQL      | databasechangelog        | id          | varchar(100) | from VARCHAR(255) to varchar(100) (shorter:"
            + " 255 to 100 characters)",
        "MYSQL      | databasechangelog        | exectype    | varchar(5)   | from VARCHAR(10) to varchar(5) (shorter:"
            + " 10 to 5 characters)",
        "MYSQL      | databasechangelog        | custom_note | varchar(255) | to varchar(255) (its type before is not"
            + " known: table databasechangelog is not created by the migrations that run before this one)",
        "MYSQL      | audit_log                | id          | varchar(255) | to varchar(255) (its type before is not"
            + " known: table audit_log is not created by the migrations that run before this one)",
    })
    void aColumnOfTheTrackingTableHasTheTypeLiquibaseCreatesItWith(Dialect dialect, String table, String column,
            String type, String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <modifyDataType tableName="%s" columnName="%s" newDataType="%s"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(table, column, type));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of("db/changelog.xml:3:5 alter-column-type ALTER TABLE "
                + table + " changes the type of column " + column + " " + expected + " (changeset a:1)"), found);
    }

    @Test
    void aTrackingTableTheMigrationsCreateThemselvesKeepsTheirTypes() throws IOException {
        TestProject.write(project, "db/migration/V1__history.sql",
                "CREATE TABLE databasechangelog (id VARCHAR(40) NOT NULL, filename VARCHAR(80));\n");
        TestProject.write(project, "db/migration/V2__narrow.sql",
                "ALTER TABLE databasechangelog MODIFY id VARCHAR(30);\n");

        List<String> found = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(List.of("db/migration/V2__narrow.sql:1:31 alter-column-type ALTER TABLE databasechangelog"
                + " changes the type of column id from VARCHAR(40) to VARCHAR(30) (shorter: 40 to 30 characters)"),
                found);
    }
}
