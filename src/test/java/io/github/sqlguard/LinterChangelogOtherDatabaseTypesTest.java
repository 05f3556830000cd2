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
 * A table a changeset without dbms creates has, on each database, the column types Liquibase creates there: a
 * changeset for another database than the configured one meets the column as that database has it.
 * Whether a NOT NULL there replaces NULLs is judged in {@link LinterChangelogNotNullFillsNullsTest}.
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
            + " the type of column created_on from timestamp(3) to date (drops the time of day) (changeset a:2,"
            + " dbms=\"mysql\": runs only on mysql, not on mssql, the configured database)",
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
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }

    /**
     * MySQL restates the column's type in a renameColumn or addNotNullConstraint (CHANGE / MODIFY); SQL Server
     * renames with sp_rename and restates the type as SQL Server has it: the restatement read in the configured
     * dialect changes no type on the other databases the changelog names.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "MYSQL     | <renameColumn tableName='event' oldColumnName='servertime' newColumnName='eventtime' columnDataType='timestamp'/>"
            + " | db/changelog.xml:6:5 rename-column ALTER TABLE event renames column servertime to eventtime (changeset a:3)",
        "MYSQL     | <addNotNullConstraint tableName='event' columnName='servertime' columnDataType='timestamp'/> | ''",
        "SQLSERVER | <addNotNullConstraint tableName='event' columnName='servertime' columnDataType='timestamp'/> | ''",
        "MYSQL     | <addNotNullConstraint tableName='event' columnName='servertime' columnDataType='date'/>"
            + " | db/changelog.xml:6:5 alter-column-type ALTER TABLE event changes the type of column servertime"
            + " from timestamp to date (drops the time of day) (changeset a:3)",
    })
    void aRestatedTypeWrittenForTheConfiguredDatabaseChangesNoTypeOnTheOthers(Dialect dialect, String change,
            String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="event"><column name="id" type="bigint"/>
                    <column name="servertime" type="timestamp"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="mssql"><addColumn tableName="event"><column name="note" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="3" author="a">
                    %s
                  </changeSet>
                </databaseChangeLog>
                """.formatted(change.replace('\'', '"')));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }

    /**
     * A modifyDataType or a typed modifyColumn without dbms names a Liquibase type, which each database writes as its
     * own: read in the configured dialect, it is written again for the other databases the changelog names, so a
     * column created as {@code boolean} and redefined as {@code boolean} changes no type on MySQL or Oracle.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | <modifyDataType tableName='provider' columnName='retired' newDataType='boolean'/> | ''",
        "POSTGRESQL | <ext:modifyColumn tableName='provider'><column name='retired' type='BOOLEAN'/></ext:modifyColumn> | ''",
        "MYSQL      | <ext:modifyColumn tableName='provider'><column name='retired' type='BOOLEAN'/></ext:modifyColumn> | ''",
        "SQLSERVER  | <modifyDataType tableName='provider' columnName='created_on' newDataType='timestamp(3)'/> | ''",
        "POSTGRESQL | <modifyDataType tableName='provider' columnName='created_on' newDataType='date'/>"
            + " | db/changelog.xml:8:5 alter-column-type ALTER TABLE provider changes the type of column created_on"
            + " from timestamp(3) to date (drops the time of day) on mysql, postgresql, other databases; from"
            + " timestamp(3) to date"
            + " (fractional seconds 3 to 0) on oracle (changeset a:4)",
    })
    void aTypeChangeWrittenForTheConfiguredDatabaseIsWrittenAgainForTheOthers(Dialect dialect, String change,
            String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:ext="http://www.liquibase.org/xml/ns/dbchangelog-ext">
                  <changeSet id="1" author="a"><createTable tableName="provider"><column name="id" type="bigint"/>
                    <column name="retired" type="boolean"/><column name="created_on" type="timestamp(3)"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="mysql"><addColumn tableName="provider"><column name="note" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="3" author="a" dbms="oracle"><addColumn tableName="provider"><column name="note" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="4" author="a">
                    %s
                  </changeSet>
                </databaseChangeLog>
                """.formatted(change.replace('\'', '"')));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }

    /**
     * Read under a dialect whose database does not restate the type (PostgreSQL), a change that MySQL or SQL Server
     * carries out by redefining the column is still judged there when the changelog names that database, and its
     * finding says so.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | <addNotNullConstraint tableName='event' columnName='note' columnDataType='varchar(100)'/>"
            + " | db/changelog.xml:6:5 alter-column-type ALTER TABLE event changes the type of column note from"
            + " varchar(500) to varchar(100) (shorter: 500 to 100 characters) (changeset a:3, as mysql runs it)",
        "POSTGRESQL | <addNotNullConstraint tableName='event' columnName='note' columnDataType='varchar(500)'/> | ''",
        "ORACLE     | <dropNotNullConstraint tableName='event' columnName='note' columnDataType='varchar(100)'/>"
            + " | db/changelog.xml:6:5 alter-column-type ALTER TABLE event changes the type of column note from"
            + " varchar(500) to varchar(100) (shorter: 500 to 100 characters) (changeset a:3, as mysql runs it)",
        "POSTGRESQL | <renameColumn tableName='event' oldColumnName='note' newColumnName='remark' columnDataType='varchar(100)'/>"
            + " | db/changelog.xml:6:5 alter-column-type ALTER TABLE event changes the type of column note from"
            + " varchar(500) to varchar(100) (shorter: 500 to 100 characters) (changeset a:3, as mysql runs it)"
            + " ; db/changelog.xml:6:5 rename-column ALTER TABLE event renames column note to remark (changeset a:3)",
        "POSTGRESQL | <setColumnRemarks tableName='event' columnName='note' remarks='why' columnDataType='varchar(100)'/>"
            + " | db/changelog.xml:6:5 alter-column-type ALTER TABLE event changes the type of column note from"
            + " varchar(500) to varchar(100) (shorter: 500 to 100 characters) (changeset a:3, as mysql runs it)",
        "SQLSERVER  | <setColumnRemarks tableName='event' columnName='note' remarks='why' columnDataType='varchar(500)'/>"
            + " | ''",
    })
    void aTypeRestatedOnlyOnAnotherDatabaseTheChangelogNamesIsJudgedThere(Dialect dialect, String change,
            String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="event"><column name="id" type="bigint"/>
                    <column name="note" type="varchar(500)"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="mysql"><addColumn tableName="event"><column name="extra" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="3" author="a">
                    %s
                  </changeSet>
                </databaseChangeLog>
                """.formatted(change.replace('\'', '"')));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ; ")), found);
    }

    /**
     * Read in a configured dialect whose database no dbms of the changelog names, that database is one of the "other
     * databases": a loss there is said to be on it, not only elsewhere. MySQL's TIMESTAMP keeps no fractional seconds,
     * so timestamp(3) widens it there; PostgreSQL's keeps six.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | db/changelog.xml:6:5 alter-column-type ALTER TABLE event changes the type of column at from"
            + " timestamp to timestamp(3) (fractional seconds 6 to 3) on postgresql, other databases (changeset a:3)",
        "AUTO       | db/changelog.xml:6:5 alter-column-type ALTER TABLE event changes the type of column at from"
            + " timestamp to timestamp(3) (fractional seconds 6 to 3) on other databases (changeset a:3)",
        "MYSQL      | ''",
    })
    void aLossOnTheOtherDatabasesNamesTheConfiguredOneAmongThem(Dialect dialect, String expected)
            throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="event"><column name="id" type="bigint"/>
                    <column name="at" type="timestamp"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="mysql"><addColumn tableName="event"><column name="note" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="3" author="a">
                    <modifyDataType tableName="event" columnName="at" newDataType="timestamp(3)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }

    /**
     * A change without dbms read in the configured dialect runs on the other databases the changelog names as well,
     * and each stores the new type its own way: MySQL's FLOAT is single precision where PostgreSQL's is double, and
     * Oracle's DATE keeps the time of day that PostgreSQL's drops.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | latitude   | float   | db/changelog.xml:6:5 alter-column-type ALTER TABLE position changes the"
            + " type of column latitude from double to float (less precise) on mysql (changeset a:3)",
        "MYSQL      | latitude   | float   | db/changelog.xml:6:5 alter-column-type ALTER TABLE position changes the"
            + " type of column latitude from double to float (less precise) (changeset a:3)",
        "POSTGRESQL | latitude   | double  | ''",
        "ORACLE     | fixtime    | date    | db/changelog.xml:6:5 alter-column-type ALTER TABLE position changes the"
            + " type of column fixtime from timestamp to date (drops the time of day) on mysql; from timestamp to date"
            + " (fractional seconds 6 to 0) on oracle, other databases (changeset a:3)",
    })
    void aTypeChangeIsJudgedAsEachDatabaseTheChangelogNamesStoresTheNewType(Dialect dialect, String column,
            String type, String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="position"><column name="id" type="bigint"/>
                    <column name="latitude" type="double"/><column name="fixtime" type="timestamp"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="mysql"><addColumn tableName="position"><column name="note" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="3" author="a">
                    <modifyDataType tableName="position" columnName="%s" newDataType="%s"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(column, type));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }

    /**
     * A changeset whose dbms names the configured database among others of another kind runs on those too, and
     * each writes the Liquibase type its own way: {@code datetime(6)} stays DATETIME(6) on MariaDB where PostgreSQL
     * writes TIMESTAMP(6), so a MariaDB column created as {@code datetime(6)} does not change type there.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | datetime(6) | ''",
        "MARIADB    | datetime(6) | ''",
        "POSTGRESQL | date        | db/changelog.xml:8:5 alter-column-type ALTER TABLE job changes the type of column"
            + " started from DATETIME(6) to date (drops the time of day) on mariadb; from timestamp to date (drops the"
            + " time of day) on postgresql (changeset a:3)",
    })
    void aChangesetNamingTheConfiguredDatabaseAmongOthersIsWrittenForEachOfThem(Dialect dialect, String type,
            String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="mariadb"><createTable tableName="job"><column name="id" type="bigint"/>
                    <column name="started" type="datetime(6)"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="postgresql"><createTable tableName="job"><column name="id" type="bigint"/>
                    <column name="started" type="timestamp"/></createTable></changeSet>
                  <changeSet id="3" author="a" dbms="hsqldb,mariadb,postgresql">
                    <comment>one type everywhere</comment>
                    <modifyDataType tableName="job" columnName="started" newDataType="%s"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(type));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }

    /** A comment before such a change acknowledges what it does on the database that restates the type. */
    @Test
    void aCommentBeforeAChangeAcknowledgesTheTypeItRestatesOnAnotherDatabase() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="event"><column name="id" type="bigint"/>
                    <column name="note" type="varchar(500)"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="mysql"><addColumn tableName="event"><column name="extra" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="3" author="a">
                    <!-- sqlguard:allow alter-column-type reason: no note is longer than 100 -->
                    <addNotNullConstraint tableName="event" columnName="note" columnDataType="varchar(100)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls"))
                .map(finding -> finding.location().line() + ":" + finding.location().column() + " "
                        + finding.ruleId() + " acknowledged: " + finding.isAcknowledged()).toList();

        assertEquals(List.of("7:5 alter-column-type acknowledged: true"), found);
    }
}
