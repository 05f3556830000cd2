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
 * A changelog's own {@code preConditions} (beside its changesets, not inside one) are checked before any changeset
 * runs: a {@code dbms} there halts the update on every other database, so the changesets of that file run on the
 * databases it names only and are judged as theirs. MySQL's TIMESTAMP keeps no fractional seconds, so
 * {@code timestamp(3)} widens it there, while PostgreSQL's keeps six.
 */
class LinterChangelogWideDbmsPreconditionTest {

    private static final String NARROWED = "db/changelog.xml:7:5 alter-column-type ALTER TABLE event changes the type"
            + " of column at from timestamp to timestamp(3) (fractional seconds 6 to 3) (changeset a:2)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<preConditions><dbms type='mysql'/></preConditions>                       | ''",
        "<preConditions onFail='CONTINUE'><dbms type='mysql, mariadb'/></preConditions> | ''",
        "<preConditions onFail='WARN'><dbms type='mysql'/></preConditions>         | narrowed",
        "<preConditions><dbms type='postgresql'/></preConditions>                  | narrowed",
        "<property name='x' value='1'/>                                            | narrowed",
    })
    void theChangesetsOfAChangelogLimitedToMySqlAreJudgedAsMySqls(String preconditions, String expected)
            throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  %s
                  <changeSet id="1" author="a"><createTable tableName="event"><column name="id" type="bigint"/>
                    <column name="at" type="timestamp"/></createTable></changeSet>
                  <changeSet id="2" author="a">

                    <modifyDataType tableName="event" columnName="at" newDataType="timestamp(3)"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(preconditions.replace('\'', '"')));

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.equals("narrowed") ? List.of(NARROWED) : List.of(), found);
    }

    @Test
    void aYamlChangelogLimitsItsChangesetsTheSameWay() throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - preConditions:
                      - onFail: HALT
                      - dbms:
                          type: mysql
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: event
                            columns:
                              - column: {name: at, type: timestamp}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - modifyDataType: {tableName: event, columnName: at, newDataType: timestamp(3)}
                """);

        assertEquals(List.of(), TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<preConditions><dbms type='mysql'/></preConditions>                | 0",
        "<preConditions onFail='WARN'><dbms type='mysql'/></preConditions>  | 1",
        "<property name='x' value='1'/>                                     | 1",
    })
    void theChangelogsAMySqlOnlyChangelogIncludesRunOnMySqlOnly(String preconditions, int findings)
            throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  %s
                  <include file="changes/event.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """.formatted(preconditions.replace('\'', '"')));
        TestProject.write(project, "db/changes/event.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="event"><column name="id" type="bigint"/>
                    <column name="at" type="timestamp"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <modifyDataType tableName="event" columnName="at" newDataType="timestamp(3)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(findings, found.size(), found::toString);
        found.forEach(line -> assertEquals(true, line.startsWith("db/changes/event.xml:5:5 alter-column-type"), line));
    }
}
