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
 * A {@code dropTable} with {@code cascadeConstraints} is dropped with the words Liquibase writes on the database
 * that runs it: {@code CASCADE} on PostgreSQL and H2, {@code CASCADE CONSTRAINTS} on Oracle, and nothing on SQL
 * Server, which has no such clause, so Liquibase leaves the flag out there.
 */
class LinterChangelogDropTableCascadeTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} dbms={1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO       | ''         | db/changelog.xml:4:5 cascade DROP TABLE alerts CASCADE also drops every object"
            + " that depends on it (changeset a:2)",
        "POSTGRESQL | ''         | db/changelog.xml:4:5 cascade DROP TABLE alerts CASCADE also drops every object"
            + " that depends on it (changeset a:2)",
        "H2         | ''         | db/changelog.xml:4:5 cascade DROP TABLE alerts CASCADE also drops every object"
            + " that depends on it (changeset a:2)",
        "ORACLE     | ''         | db/changelog.xml:4:5 cascade DROP TABLE alerts CASCADE CONSTRAINTS also drops the"
            + " foreign keys that reference it (changeset a:2)",
        "SQLSERVER  | ''         | ''",
        "AUTO       | mssql      | ''",
        "MYSQL      | ''         | ''",
        "AUTO       | postgresql | db/changelog.xml:4:5 cascade DROP TABLE alerts CASCADE also drops every object"
            + " that depends on it (changeset a:2)",
    })
    void theCascadeIsTheOneLiquibaseWritesOnTheDatabase(Dialect dialect, String dbms, String expected)
            throws IOException {
        write(dbms, "");

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.ruleId().equals("cascade")).map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }

    /** A copy the changeset made for every database guards the drop on each of them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"SQLSERVER", "POSTGRESQL", "AUTO"})
    void aCopyMadeBeforeGuardsTheDropWhereverItRuns(Dialect dialect) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="alerts"><column name="id" type="bigint"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <createTable tableName="alert_copy"><column name="id" type="bigint"/></createTable>
                    <sql>insert into alert_copy (id) select id from alerts</sql>
                    <dropTable tableName="alerts" cascadeConstraints="true"/>
                  </changeSet>
                  <changeSet id="3" author="a" dbms="postgresql"><sql>select 1</sql></changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.ruleId().equals("drop-table")).map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(List.of("INFO DROP TABLE removes table alerts and all its rows (guarded: rows copied to alert_copy"
                + " at line 5) (changeset a:2)"), found);
    }

    private void write(String dbms, String more) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="alerts"><column name="id" type="bigint"/></createTable></changeSet>
                  <changeSet id="2" author="a"%s>
                    <dropTable tableName="alerts" cascadeConstraints="true"/>
                  </changeSet>
                %s</databaseChangeLog>
                """.formatted(dbms.isEmpty() ? "" : " dbms=\"" + dbms + "\"", more));
    }
}
