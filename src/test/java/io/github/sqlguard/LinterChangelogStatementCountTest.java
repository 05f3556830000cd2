package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Liquibase change that runs no statement a rule reads ({@code createTable}, {@code addForeignKeyConstraint}) is
 * still read, into the schema replay: the summary counts it as a statement checked, so a changelog made of such
 * changes does not read as "0 statements". What only the replay reads on the changeset's behalf (a precondition) is
 * no change and does not count.
 */
class LinterChangelogStatementCountTest {

    @TempDir
    Path project;

    @Test
    void changesReadOnlyByTheReplayCountAsStatements() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <createTable tableName="team"><column name="id" type="int"/></createTable>
                    <createTable tableName="player"><column name="id" type="int"/><column name="team_id" type="int"/>
                    </createTable>
                    <addForeignKeyConstraint constraintName="fk_team" baseTableName="player"
                        baseColumnNames="team_id" referencedTableName="team" referencedColumnNames="id"/>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <preConditions onFail="MARK_RAN"><tableIsEmpty tableName="player"/>
                      <not><tableExists tableName="coach"/></not></preConditions>
                    <delete tableName="player"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(4, TestProject.lint(project, Dialect.POSTGRESQL).statements());
    }

    @Test
    void aChangelogOfSqlChangesCountsItsStatementsOnly() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <sql>CREATE TABLE team (id int); DELETE FROM team WHERE id = 1</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(2, TestProject.lint(project, Dialect.POSTGRESQL).statements());
    }
}
