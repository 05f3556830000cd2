package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code dbms} name Liquibase does not know and that is a slip of one it knows ({@code posgresql}) names no
 * database: the changeset is judged as one that may run on every database (the name meant cannot be known), so it
 * adds no schema of its own to the replay and messages never list the slip as a database.
 */
class LinterMisspeltDbmsTest {

    private static final String SHORTENED = "db/changelog.xml:10:5 alter-column-type ALTER TABLE dataset changes the"
            + " type of column note from %s to VARCHAR(4000) (shorter: unlimited to 4000 characters)";

    private static final String ANY = SHORTENED.formatted("TEXT") + " (changeset a:3)";

    private static final String MYSQL_APART = SHORTENED.formatted("LONGTEXT") + " on mysql; from TEXT to VARCHAR(4000)"
            + " (shorter: unlimited to 4000 characters) on postgresql, other databases (changeset a:3)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "dbms={0}")
    @CsvSource(delimiter = '|', value = {
        "posgresql          | ANY",
        "'posgresql, mysql' | MYSQL_APART",
        "'!posgresql'       | ANY",
        "oralce             | ANY",
        "'mysql, !oralce'   | MYSQL_APART",
    })
    void aMisspeltDbmsAddsNoDatabaseToTheReplay(String dbms, String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="dataset"><column name="id" type="int"/>
                    <column name="note" type="clob"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="%s">
                    <addColumn tableName="dataset"><column name="old_status_id" type="int"/></addColumn>
                  </changeSet>
                  <changeSet id="2" author="a" dbms="postgresql"><createIndex tableName="dataset" indexName="i">
                    <column name="id"/></createIndex></changeSet>
                  <changeSet id="3" author="a">
                    <modifyDataType tableName="dataset" columnName="note" newDataType="VARCHAR(4000)"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(dbms));

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(finding -> !finding.ruleId().equals("unknown-dbms"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(List.of(expected.equals("ANY") ? ANY : MYSQL_APART), found);
    }

    /** The misspelt changeset shapes every database's schema: the narrowing after it starts from its type. */
    @Test
    void aMisspeltDbmsOfAFormattedSqlChangesetShapesEveryDatabasesSchema() throws IOException {
        TestProject.write(project, "db/changelog.sql", """
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE dataset (id int, note varchar(400));
                --changeset a:2 dbms:posgresql
                ALTER TABLE dataset ALTER COLUMN note TYPE varchar(4000);
                --changeset a:3 dbms:postgresql
                CREATE INDEX i ON dataset (id);
                --changeset a:4
                ALTER TABLE dataset ALTER COLUMN note TYPE varchar(40);
                """);

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(finding -> !finding.ruleId().equals("unknown-dbms"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(List.of("db/changelog.sql:9:21 alter-column-type ALTER TABLE dataset changes the type of column"
                + " note from varchar(4000) to varchar(40) (shorter: 4000 to 40 characters) (changeset a:4)"), found);
    }

    /** A change's own misspelt dbms narrows nothing either: the change runs wherever its changeset does. */
    @Test
    void aMisspeltDbmsOfAChangeAddsNoDatabaseToTheReplay() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="dataset"><column name="id" type="int"/>
                    <column name="note" type="varchar(400)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <sql dbms="posgresql">ALTER TABLE dataset ALTER COLUMN note TYPE varchar(4000)</sql>
                  </changeSet>
                  <changeSet id="3" author="a" dbms="postgresql"><createIndex tableName="dataset" indexName="i">
                    <column name="id"/></createIndex></changeSet>
                  <changeSet id="4" author="a">
                    <modifyDataType tableName="dataset" columnName="note" newDataType="VARCHAR(40)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(finding -> !finding.ruleId().equals("unknown-dbms"))
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(List.of("db/changelog.xml:10:5 alter-column-type ALTER TABLE dataset changes the type of column"
                + " note from varchar(4000) to VARCHAR(40) (shorter: 4000 to 40 characters) (changeset a:4)"), found);
    }
}
