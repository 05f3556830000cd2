package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table a changeset without dbms creates has, on each database, the column types Liquibase creates there: a
 * changeset for another database than the configured one meets the column as that database has it.
 */
class LinterChangelogOtherDatabaseTypesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} dbms={1} {2}")
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER  | 'mysql, mariadb' | timestamp(3) | ''",
        "SQLSERVER  | h2               | timestamp(3) | ''",
        "SQLSERVER  | mssql            | datetime2(3) | ''",
        "SQLSERVER  | mysql            | date         | db/changelog.xml:5:5 alter-column-type ALTER TABLE customer changes"
            + " the type of column created_on from timestamp(3) to date (drops the time of day) (changeset a:2)",
        "SQLSERVER  | mssql            | date         | db/changelog.xml:5:5 alter-column-type ALTER TABLE customer changes"
            + " the type of column created_on from DATETIME2(3) to date (drops the time of day) (changeset a:2)",
        "POSTGRESQL | mysql            | timestamp(3) | ''",
    })
    void aChangesetForAnotherDatabaseMeetsTheColumnAsThatDatabaseHasIt(Dialect dialect, String dbms, String type,
            String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="customer"><column name="id" type="bigint"/>
                    <column name="created_on" type="timestamp(3)"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="%s">
                    <modifyDataType tableName="customer" columnName="created_on" newDataType="%s"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(dbms, type));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }
}
