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
 * Liquibase's addNotNullConstraint and dropNotNullConstraint redefine the column with its columnDataType on MySQL,
 * MariaDB and SQL Server, and addAutoIncrement and setColumnRemarks on MySQL and MariaDB, so a narrower type there
 * is a type change.
 * Whether the NOT NULL replaces NULLs is judged in {@link LinterChangelogNotNullFillsNullsTest}.
 */
class LinterChangelogTypeRestatingTest {

    private static final String NARROWED = "db/changelog.xml:5:5 alter-column-type ALTER TABLE customer changes the"
            + " type of column email from varchar(200) to varchar(50) (shorter: 200 to 50 characters) (changeset a:2)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} {1} dbms=''{2}'' {3}")
    @CsvSource(delimiter = '|', value = {
        "MYSQL      | addNotNullConstraint  | ''                | varchar(50)  | narrowed",
        "MARIADB    | dropNotNullConstraint | ''                | varchar(50)  | narrowed",
        "SQLSERVER  | addNotNullConstraint  | ''                | varchar(50)  | narrowed",
        "SQLSERVER  | dropNotNullConstraint | ''                | varchar(50)  | narrowed",
        "AUTO       | addNotNullConstraint  | ''                | varchar(50)  | narrowed",
        "AUTO       | addNotNullConstraint  | mysql             | varchar(50)  | narrowed",
        "AUTO       | dropNotNullConstraint | mssql             | varchar(50)  | narrowed",
        "AUTO       | addNotNullConstraint  | 'postgresql, h2'  | varchar(50)  | none",
        "POSTGRESQL | addNotNullConstraint  | ''                | varchar(50)  | none",
        "ORACLE     | dropNotNullConstraint | ''                | varchar(50)  | none",
        "MYSQL      | addNotNullConstraint  | ''                | varchar(200) | none",
        "MYSQL      | addNotNullConstraint  | ''                | varchar(500) | none",
        "MYSQL      | addNotNullConstraint  | ''                | ''           | none",
        "MYSQL      | addAutoIncrement      | ''                | varchar(50)  | narrowed",
        "AUTO       | addAutoIncrement      | mariadb           | varchar(50)  | narrowed",
        "AUTO       | addAutoIncrement      | postgresql        | varchar(50)  | none",
        "SQLSERVER  | addAutoIncrement      | ''                | varchar(50)  | none",
        "MYSQL      | setColumnRemarks      | ''                | varchar(50)  | narrowed",
        "AUTO       | setColumnRemarks      | mariadb           | varchar(50)  | narrowed",
        "MYSQL      | setColumnRemarks      | ''                | varchar(200) | none",
        "MYSQL      | setColumnRemarks      | ''                | ''           | none",
        "AUTO       | setColumnRemarks      | 'postgresql, h2'  | varchar(50)  | none",
        "POSTGRESQL | setColumnRemarks      | ''                | varchar(50)  | none",
        "SQLSERVER  | setColumnRemarks      | ''                | varchar(50)  | none",
        "ORACLE     | setColumnRemarks      | ''                | varchar(50)  | none",
    })
    void aColumnDataTypeNarrowerThanTheColumnIsReportedWhereLiquibaseRedefinesTheColumn(Dialect dialect,
            String change, String dbms, String type, String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="customer"><column name="id" type="bigint"/>
                    <column name="email" type="varchar(200)"/></createTable></changeSet>
                  <changeSet id="2" author="a"%s>
                    <%s tableName="customer" columnName="email"%s/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(dbms.isEmpty() ? "" : " dbms=\"" + dbms + "\"", change,
                type.isEmpty() ? "" : " columnDataType=\"" + type + "\""));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.equals("narrowed") ? List.of(NARROWED) : List.of(), found);
    }

    /** MySQL keeps the comment in the column's definition, so Liquibase writes the remarks into a MODIFY. */
    @Test
    void setColumnRemarksOnMySqlIsTheRedefinitionLiquibaseRuns() throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: customer
                            columns:
                              - column: {name: email, type: varchar(200)}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - setColumnRemarks:
                            tableName: customer
                            columnName: email
                            remarks: the customer's address
                            columnDataType: varchar(50)
                """);

        List<String> found = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(f -> LinterChangelogChangesTest.line(f) + " | " + f.excerpt()).toList();

        assertEquals(List.of("db/changelog.yaml:14:11 alter-column-type ALTER TABLE customer changes the type of column"
                + " email from varchar(200) to varchar(50) (shorter: 200 to 50 characters) (changeset a:2)"
                + " | ALTER TABLE customer MODIFY COLUMN email varchar(50) COMMENT 'the customer''s address'"), found);
    }

    @Test
    void aYamlChangelogRestatesTheTypeToo() throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: customer
                            columns:
                              - column: {name: email, type: varchar(200)}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - addNotNullConstraint: {tableName: customer, columnName: email, columnDataType: varchar(50)}
                """);

        List<String> found = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(List.of("db/changelog.yaml:14:11 alter-column-type ALTER TABLE customer changes the type of column"
                + " email from varchar(200) to varchar(50) (shorter: 200 to 50 characters) (changeset a:2)"), found);
    }
}
